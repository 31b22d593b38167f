package io.battdat.api.schema;

import java.util.Objects;

/**
 * Description of one column (spec 4.1). JSON key order: required, type, description, units, monotonic.
 *
 * @param required    whether a table must have the column
 * @param type        kind of values
 * @param description free text, required
 * @param units       units, or null
 * @param monotonic   whether values never decrease from one row to the next
 */
public record ColumnInfo(boolean required, ColumnType type, String description, String units, boolean monotonic) {

    public ColumnInfo {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
    }

    /** An optional, non-monotonic column of kind {@code other} with a description. */
    public static ColumnInfo of(String description) {
        return new ColumnInfo(false, ColumnType.OTHER, description, null, false);
    }
}
