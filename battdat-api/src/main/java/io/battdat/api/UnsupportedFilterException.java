package io.battdat.api;

/**
 * A table is compressed with an HDF5 filter no codec on the class path decodes; the message names the filter id
 * and the table. Raised when the table is opened, before any row is returned.
 */
public class UnsupportedFilterException extends UnsupportedFeatureException {
    private static final long serialVersionUID = 1L;

    private final int filterId;

    /**
     * @param where    where the table is; {@link ErrorLocation#NONE} when unknown
     * @param filterId the HDF5 filter id (32001 blosc, 305 lzo, 307 bzip2, ...), or -1 when unknown
     * @param message  what went wrong, naming the filter
     * @param cause    the underlying error, or null
     */
    public UnsupportedFilterException(ErrorLocation where, int filterId, String message, Throwable cause) {
        super(where, message, cause);
        this.filterId = filterId;
    }

    /** The HDF5 filter id, or -1 when unknown. */
    public int filterId() {
        return filterId;
    }
}
