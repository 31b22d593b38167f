package io.battdat.api;

import java.nio.file.Path;

/** A requested table, prefix or column does not exist. The message lists what does exist. */
public class KeyNotFoundException extends BattdatException {
    private static final long serialVersionUID = 1L;

    /** A located error; see {@link BattdatException#BattdatException(Path, String, long, String, Throwable)}. */
    public KeyNotFoundException(Path file, String table, long row, String message, Throwable cause) {
        super(file, table, row, message, cause);
    }

    /** A located error without a row. */
    public KeyNotFoundException(Path file, String table, String message) {
        super(file, table, -1, message, null);
    }

    /** A located error without a row, with its cause. */
    public KeyNotFoundException(Path file, String table, String message, Throwable cause) {
        super(file, table, -1, message, cause);
    }
}
