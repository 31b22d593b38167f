package io.battdat.api;

/** A requested table, prefix or column does not exist. The message lists what does exist. */
public class KeyNotFoundException extends BattdatException {
    private static final long serialVersionUID = 1L;

    /**
     * @param where   where the error happened; {@link ErrorLocation#NONE} when nowhere in particular
     * @param message what went wrong, without the location
     * @param cause   the underlying error, or null
     */
    public KeyNotFoundException(ErrorLocation where, String message, Throwable cause) {
        super(where, message, cause);
    }
}
