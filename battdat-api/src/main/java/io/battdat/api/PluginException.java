package io.battdat.api;

/** Service discovery failed: no backend accepts a file, a provider is broken, or two providers claim the same format. */
public class PluginException extends BattdatException {
    private static final long serialVersionUID = 1L;

    /**
     * @param where   where the error happened; {@link ErrorLocation#NONE} when nowhere in particular
     * @param message what went wrong, without the location
     * @param cause   the underlying error, or null
     */
    public PluginException(ErrorLocation where, String message, Throwable cause) {
        super(where, message, cause);
    }
}
