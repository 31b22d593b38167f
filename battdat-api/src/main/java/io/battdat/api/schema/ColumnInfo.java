package io.battdat.api.schema;

import java.util.Objects;

/**
 * Description of one column (docs/format.md section 5.1). JSON key order: required, type, description, units,
 * monotonic.
 *
 * @param required    whether a table must have the column
 * @param type        kind of values
 * @param description free text, required
 * @param units       units, or null
 * @param monotonic   whether values never decrease from one row to the next
 */
public record ColumnInfo(boolean required, ColumnType type, String description, String units, boolean monotonic) {

    /**
     * A column description.
     *
     * @throws NullPointerException when the type or description is null
     */
    public ColumnInfo {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
    }

    /** An optional, non-monotonic column of kind {@code other} with a description. */
    public static ColumnInfo of(String description) {
        return new ColumnInfo(false, ColumnType.OTHER, description, null, false);
    }

    /** An optional, non-monotonic column of a kind, with a description and units (or null). */
    public static ColumnInfo of(String description, ColumnType type, String units) {
        return new ColumnInfo(false, type, description, units, false);
    }
}
