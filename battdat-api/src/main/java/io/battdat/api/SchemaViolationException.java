package io.battdat.api;

/**
 * Data or a column schema breaks the rules of battdat's column schemas (docs/format.md section 5): a missing required
 * column, a wrong type, a non-monotonic column, an unreadable schema.
 */
public class SchemaViolationException extends BattdatException {
    private static final long serialVersionUID = 1L;

    /**
     * @param where   where the error happened; {@link ErrorLocation#NONE} when nowhere in particular
     * @param message what went wrong, without the location
     * @param cause   the underlying error, or null
     */
    public SchemaViolationException(ErrorLocation where, String message, Throwable cause) {
        super(where, message, cause);
    }
}
