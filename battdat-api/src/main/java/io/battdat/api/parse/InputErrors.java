package io.battdat.api.parse;

import io.battdat.api.BadFormatException;
import io.battdat.api.ErrorLocation;

import java.nio.file.Path;

/** Builds the located errors of parsers: file, table, line and column in one message. */
public final class InputErrors {
    private InputErrors() {
    }

    /** A bad value: {@code file: raw_data: line 12, column 'Current': not a number: 'abc'}. */
    public static BadFormatException badValue(Path file, String table, long line, String column, RuntimeException cause) {
        return new BadFormatException(ErrorLocation.of(file, table), "line " + line + ", column '" + column + "': "
                + cause.getMessage(), cause);
    }

    /** A bad line: {@code file: raw_data: line 12: expected 15 fields, found 3}. */
    public static BadFormatException badLine(Path file, String table, long line, String message) {
        return new BadFormatException(ErrorLocation.of(file, table), "line " + line + ": " + message, null);
    }

    /**
     * Refuses binary content given to a text parser: a NUL byte in the first bytes.
     *
     * @throws BadFormatException when {@code head} holds a NUL byte
     */
    public static void requireText(Path file, byte[] head, int length, String format) {
        for (int i = 0; i < length; i++) {
            if (head[i] == 0) {
                throw new BadFormatException(ErrorLocation.of(file),
                        "binary content (a NUL byte at offset " + i + "), not a " + format + " text export", null);
            }
        }
    }
}
