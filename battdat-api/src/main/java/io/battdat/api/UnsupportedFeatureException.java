package io.battdat.api;

import java.nio.file.Path;

/** The input uses a feature this build cannot handle (a datatype, a layout, a codec). */
public class UnsupportedFeatureException extends BattdatException {
    private static final long serialVersionUID = 1L;

    /** A located error; see {@link BattdatException#BattdatException(Path, String, long, String, Throwable)}. */
    public UnsupportedFeatureException(Path file, String table, long row, String message, Throwable cause) {
        super(file, table, row, message, cause);
    }

    /** A located error without a row. */
    public UnsupportedFeatureException(Path file, String table, String message) {
        super(file, table, -1, message, null);
    }

    /** A located error without a row, with its cause. */
    public UnsupportedFeatureException(Path file, String table, String message, Throwable cause) {
        super(file, table, -1, message, cause);
    }
}
