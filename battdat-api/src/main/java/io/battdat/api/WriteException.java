package io.battdat.api;

import java.nio.file.Path;

/** A write did not complete; rows reported written by an earlier flush stay readable. */
public class WriteException extends BattdatException {
    private static final long serialVersionUID = 1L;

    /** A located error; see {@link BattdatException#BattdatException(Path, String, long, String, Throwable)}. */
    public WriteException(Path file, String table, long row, String message, Throwable cause) {
        super(file, table, row, message, cause);
    }

    /** A located error without a row. */
    public WriteException(Path file, String table, String message) {
        super(file, table, -1, message, null);
    }

    /** A located error without a row, with its cause. */
    public WriteException(Path file, String table, String message, Throwable cause) {
        super(file, table, -1, message, cause);
    }
}
