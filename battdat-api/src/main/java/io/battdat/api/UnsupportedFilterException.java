package io.battdat.api;

import java.nio.file.Path;

/** A table is compressed with an HDF5 filter no codec on the class path decodes; the message names the filter id and the table. */
public class UnsupportedFilterException extends UnsupportedFeatureException {
    private static final long serialVersionUID = 1L;

    /** A located error; see {@link BattdatException#BattdatException(Path, String, long, String, Throwable)}. */
    public UnsupportedFilterException(Path file, String table, long row, String message, Throwable cause) {
        super(file, table, row, message, cause);
    }

    /** A located error without a row. */
    public UnsupportedFilterException(Path file, String table, String message) {
        super(file, table, -1, message, null);
    }

    /** A located error without a row, with its cause. */
    public UnsupportedFilterException(Path file, String table, String message, Throwable cause) {
        super(file, table, -1, message, cause);
    }
}
