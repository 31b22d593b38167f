package io.battdat.api;

import java.nio.file.Path;

/** A file cannot be read or written: missing, unreadable, or an I/O error while using it. */
public class FileAccessException extends BattdatException {
    private static final long serialVersionUID = 1L;

    /** A located error; see {@link BattdatException#BattdatException(Path, String, long, String, Throwable)}. */
    public FileAccessException(Path file, String table, long row, String message, Throwable cause) {
        super(file, table, row, message, cause);
    }

    /** A located error without a row. */
    public FileAccessException(Path file, String table, String message) {
        super(file, table, -1, message, null);
    }

    /** A located error without a row, with its cause. */
    public FileAccessException(Path file, String table, String message, Throwable cause) {
        super(file, table, -1, message, cause);
    }
}
