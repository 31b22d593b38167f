package io.battdat.api;

/** The input is not in the format it claims: not HDF5, truncated, corrupt, a table that is not a compound dataset, metadata that is not a JSON object, a malformed line. */
public class BadFormatException extends BattdatException {
    private static final long serialVersionUID = 1L;

    /**
     * @param where   where the error happened; {@link ErrorLocation#NONE} when nowhere in particular
     * @param message what went wrong, without the location
     * @param cause   the underlying error, or null
     */
    public BadFormatException(ErrorLocation where, String message, Throwable cause) {
        super(where, message, cause);
    }
}
