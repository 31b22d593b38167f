package io.battdat.api;

import java.nio.file.Path;

/**
 * Data or a column schema breaks the rules of battdat's column schemas (docs/format.md section 5): a missing required
 * column, a wrong type, a non-monotonic column, an unreadable schema.
 */
public class SchemaViolationException extends BattdatException {
    private static final long serialVersionUID = 1L;

    /** A located error; see {@link BattdatException#BattdatException(Path, String, long, String, Throwable)}. */
    public SchemaViolationException(Path file, String table, long row, String message, Throwable cause) {
        super(file, table, row, message, cause);
    }

    /** A located error without a row. */
    public SchemaViolationException(Path file, String table, String message) {
        super(file, table, -1, message, null);
    }

    /** A located error without a row, with its cause. */
    public SchemaViolationException(Path file, String table, String message, Throwable cause) {
        super(file, table, -1, message, cause);
    }
}
