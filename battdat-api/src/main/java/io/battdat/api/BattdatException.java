package io.battdat.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Root of every error battdat-java raises. Unchecked, and always located: the file, the table (an HDF5 path or
 * a table key) and, where known, the row. {@link #getMessage()} puts the location in front of the text
 * ({@code data.h5: /raw_data: row 17: ...}); {@link #getRawMessage()} is the text alone.
 */
public class BattdatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String table;
    private final long row;
    private final String rawMessage;
    private volatile String location;

    /**
     * @param where   where the error happened; {@link ErrorLocation#NONE} (or null) when nowhere in particular
     * @param message what went wrong, without the location
     * @param cause   the underlying error, or null
     */
    public BattdatException(ErrorLocation where, String message, Throwable cause) {
        super(message, cause);
        ErrorLocation at = Objects.requireNonNullElse(where, ErrorLocation.NONE);
        this.file = at.file();
        this.table = at.table();
        this.row = at.row();
        this.rawMessage = Objects.requireNonNullElse(message, "");
    }

    /** The file concerned, or null. */
    public Path file() {
        return file;
    }

    /**
     * Where the error happened as the user wrote it, when that is not a local path: the URI of a remote file
     * ({@code s3a://bucket/x.h5}). Set once, after construction (like {@link #initCause}), by the code that knows the
     * URI while the code that detected the error knew only a local name.
     *
     * @param uri the file's URI as the user wrote it
     * @return this exception, to throw
     */
    public BattdatException withLocation(String uri) {
        this.location = uri;
        return this;
    }

    /**
     * The file concerned as text, as the user wrote it: the URI set by {@link #withLocation(String)}, else
     * {@link #file()} as text, else null.
     */
    public String location() {
        String l = location;
        return l != null ? l : file == null ? null : file.toString();
    }

    /** The table concerned (HDF5 path such as {@code /cell_a/raw_data}, or a key), or null. */
    public String table() {
        return table;
    }

    /** The row concerned (0-based within the table), or -1. */
    public long row() {
        return row;
    }

    /** The message without the location prefix. */
    public String getRawMessage() {
        return rawMessage;
    }

    @Override
    public String getMessage() {
        return ErrorLocation.prefix(location(), table, row) + rawMessage;
    }
}
