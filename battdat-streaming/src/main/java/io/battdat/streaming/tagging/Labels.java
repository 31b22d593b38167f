package io.battdat.streaming.tagging;

import io.battdat.api.data.StringColumn;

import java.nio.charset.StandardCharsets;

/**
 * The string values of {@code state} and {@code method} as small codes, and their stored bytes. Rows carry codes
 * through the pipeline; the bytes are copied into fixed-width string columns at the end (no string per row).
 */
final class Labels {
    static final byte CHARGING = 0;
    static final byte DISCHARGING = 1;
    static final byte RESTING = 2;
    static final byte UNKNOWN = 3;
    private static final String[] STATES = {"charging", "discharging", "resting", "unknown"};
    /** Width of the {@code state} column: {@code discharging}. */
    static final int STATE_WIDTH = 11;

    static final byte SHORT_REST = 0;
    static final byte REST = 1;
    static final byte SHORT_NONREST = 2;
    static final byte PULSE = 3;
    static final byte CONSTANT_CURRENT = 4;
    static final byte CONSTANT_VOLTAGE = 5;
    static final byte CONSTANT_POWER = 6;
    static final byte METHOD_UNKNOWN = 7;
    static final byte OTHER = 8;
    private static final String[] METHODS = {"short_rest", "rest", "short_nonrest", "pulse", "constant_current",
            "constant_voltage", "constant_power", "unknown", "other"};
    /** Width of the {@code method} column: {@code constant_current}. */
    static final int METHOD_WIDTH = 16;

    private static final byte[][] STATE_BYTES = padded(STATES, STATE_WIDTH);
    private static final byte[][] METHOD_BYTES = padded(METHODS, METHOD_WIDTH);

    private Labels() {
    }

    private static byte[][] padded(String[] values, int width) {
        byte[][] out = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            out[i] = new byte[width];
            byte[] b = values[i].getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(b, 0, out[i], 0, b.length);
        }
        return out;
    }

    /** The state name of a code. */
    static String stateName(byte code) {
        return STATES[code];
    }

    /** The method name of a code. */
    static String methodName(byte code) {
        return METHODS[code];
    }

    static void putState(StringColumn column, int row, byte code) {
        System.arraycopy(STATE_BYTES[code], 0, column.buffer(), row * STATE_WIDTH, STATE_WIDTH);
    }

    static void putMethod(StringColumn column, int row, byte code) {
        System.arraycopy(METHOD_BYTES[code], 0, column.buffer(), row * METHOD_WIDTH, METHOD_WIDTH);
    }

    /**
     * The code of a stored state value; {@code hold} (released battdat's rest value) counts as resting, any other
     * text as unknown.
     */
    static byte stateCode(StringColumn column, int row) {
        if (column.contentEquals(row, "charging")) {
            return CHARGING;
        }
        if (column.contentEquals(row, "discharging")) {
            return DISCHARGING;
        }
        if (column.contentEquals(row, "resting") || column.contentEquals(row, "hold")) {
            return RESTING;
        }
        return UNKNOWN;
    }
}
