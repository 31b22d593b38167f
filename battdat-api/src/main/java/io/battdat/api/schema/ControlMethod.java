package io.battdat.api.schema;

import java.util.Map;

/** How a charge or discharge was controlled (docs/format.md section 5.2). */
public enum ControlMethod {
    /** Near-zero current for less than the short-period threshold (30 s by default). */
    SHORT_REST("short_rest"),
    /** Near-zero current for longer than the short-period threshold. */
    REST("rest"),
    /** Non-zero current for a short time, fewer than 5 points. */
    SHORT_NONREST("short_nonrest"),
    /** Non-zero current for a short time, at least 5 points. */
    PULSE("pulse"),
    /** Constant current. */
    CONSTANT_CURRENT("constant_current"),
    /** Constant voltage. */
    CONSTANT_VOLTAGE("constant_voltage"),
    /** Constant power. */
    CONSTANT_POWER("constant_power"),
    /** Long enough to classify but too few points. */
    UNKNOWN("unknown"),
    /** Any other method. */
    OTHER("other");

    private static final Map<String, ControlMethod> BY_VALUE = StoredNames.index(values(), ControlMethod::value);

    private final String value;

    ControlMethod(String value) {
        this.value = value;
    }

    /** The stored value. */
    public String value() {
        return value;
    }

    /** The method for a stored value, or null when it names none. */
    public static ControlMethod fromValue(String text) {
        return BY_VALUE.get(text);
    }
}
