package io.battdat.api;

/** A write did not complete; rows reported written by an earlier flush stay readable. */
public class WriteException extends BattdatException {
    private static final long serialVersionUID = 1L;

    /**
     * @param where   where the error happened; {@link ErrorLocation#NONE} when nowhere in particular
     * @param message what went wrong, without the location
     * @param cause   the underlying error, or null
     */
    public WriteException(ErrorLocation where, String message, Throwable cause) {
        super(where, message, cause);
    }
}
