package io.battdat.api;

/** A file cannot be read or written: missing, unreadable, or an I/O error while using it. */
public class FileAccessException extends BattdatException {
    private static final long serialVersionUID = 1L;

    /**
     * @param where   where the error happened; {@link ErrorLocation#NONE} when nowhere in particular
     * @param message what went wrong, without the location
     * @param cause   the underlying error, or null
     */
    public FileAccessException(ErrorLocation where, String message, Throwable cause) {
        super(where, message, cause);
    }
}
