package io.battdat.api;

import java.nio.file.Path;

/** Service discovery failed: no backend accepts a file, a provider is broken, or two providers claim the same format. */
public class PluginException extends BattdatException {
    private static final long serialVersionUID = 1L;

    /** A located error; see {@link BattdatException#BattdatException(Path, String, long, String, Throwable)}. */
    public PluginException(Path file, String table, long row, String message, Throwable cause) {
        super(file, table, row, message, cause);
    }

    /** A located error without a row. */
    public PluginException(Path file, String table, String message) {
        super(file, table, -1, message, null);
    }

    /** A located error without a row, with its cause. */
    public PluginException(Path file, String table, String message, Throwable cause) {
        super(file, table, -1, message, cause);
    }
}
