package io.battdat.api;

import java.nio.file.Path;

/**
 * A table is compressed with an HDF5 filter no codec on the class path decodes; the message names the filter id
 * and the table. Raised when the table is opened, before any row is returned.
 */
public class UnsupportedFilterException extends UnsupportedFeatureException {
    private static final long serialVersionUID = 1L;

    private final int filterId;

    /**
     * @param file     the file
     * @param table    the table's path
     * @param filterId the HDF5 filter id (32001 blosc, 305 lzo, 307 bzip2, ...)
     * @param message  what went wrong, naming the filter
     */
    public UnsupportedFilterException(Path file, String table, int filterId, String message) {
        super(file, table, -1, message, null);
        this.filterId = filterId;
    }

    /** A located error without a filter id. */
    public UnsupportedFilterException(Path file, String table, long row, String message, Throwable cause) {
        super(file, table, row, message, cause);
        this.filterId = -1;
    }

    /** A located error without a row or filter id. */
    public UnsupportedFilterException(Path file, String table, String message) {
        this(file, table, -1, message, null);
    }

    /** A located error without a row or filter id, with its cause. */
    public UnsupportedFilterException(Path file, String table, String message, Throwable cause) {
        this(file, table, -1, message, cause);
    }

    /** The HDF5 filter id, or -1 when unknown. */
    public int filterId() {
        return filterId;
    }
}
