package io.battdat.api;

import java.nio.file.Path;

/** The input is not in the format it claims: not HDF5, truncated, corrupt, a table that is not a compound dataset, metadata that is not a JSON object, a malformed line. */
public class BadFormatException extends BattdatException {
    private static final long serialVersionUID = 1L;

    /** A located error; see {@link BattdatException#BattdatException(Path, String, long, String, Throwable)}. */
    public BadFormatException(Path file, String table, long row, String message, Throwable cause) {
        super(file, table, row, message, cause);
    }

    /** A located error without a row. */
    public BadFormatException(Path file, String table, String message) {
        super(file, table, -1, message, null);
    }

    /** A located error without a row, with its cause. */
    public BadFormatException(Path file, String table, String message, Throwable cause) {
        super(file, table, -1, message, cause);
    }
}
