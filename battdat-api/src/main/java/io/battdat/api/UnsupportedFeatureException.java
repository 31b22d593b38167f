package io.battdat.api;

/** The input uses a feature this build cannot handle (a datatype, a layout, a codec). */
public class UnsupportedFeatureException extends BattdatException {
    private static final long serialVersionUID = 1L;

    /**
     * @param where   where the error happened; {@link ErrorLocation#NONE} when nowhere in particular
     * @param message what went wrong, without the location
     * @param cause   the underlying error, or null
     */
    public UnsupportedFeatureException(ErrorLocation where, String message, Throwable cause) {
        super(where, message, cause);
    }
}
