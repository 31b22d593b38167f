package io.battdat.api;

/** Tables streamed together by cycle disagree on the cycle number; the message names each table and its cycle number. */
public class CycleMismatchException extends BattdatException {
    private static final long serialVersionUID = 1L;

    /**
     * @param where   where the error happened; {@link ErrorLocation#NONE} when nowhere in particular
     * @param message what went wrong, without the location
     * @param cause   the underlying error, or null
     */
    public CycleMismatchException(ErrorLocation where, String message, Throwable cause) {
        super(where, message, cause);
    }
}
