package io.battdat.api;

import java.nio.file.Path;

/** Tables streamed together by cycle disagree on the cycle number; the message names each table and its cycle number. */
public class CycleMismatchException extends BattdatException {
    private static final long serialVersionUID = 1L;

    /** A located error; see {@link BattdatException#BattdatException(Path, String, long, String, Throwable)}. */
    public CycleMismatchException(Path file, String table, long row, String message, Throwable cause) {
        super(file, table, row, message, cause);
    }

    /** A located error without a row. */
    public CycleMismatchException(Path file, String table, String message) {
        super(file, table, -1, message, null);
    }

    /** A located error without a row, with its cause. */
    public CycleMismatchException(Path file, String table, String message, Throwable cause) {
        super(file, table, -1, message, cause);
    }
}
