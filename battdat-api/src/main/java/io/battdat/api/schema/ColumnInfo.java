package io.battdat.api.schema;

import java.util.Objects;

/**
 * Description of one column (docs/format.md section 5.1), immutable. JSON key order: required, type, description,
 * units, monotonic. Build with {@link #builder(String)} or {@link #of}, change with the {@code with*} methods or
 * {@link #toBuilder()}: the constructor is private so that the description can gain fields without breaking callers.
 */
public final class ColumnInfo {
    private final boolean required;
    private final ColumnType type;
    private final String description;
    private final String units;
    private final boolean monotonic;

    private ColumnInfo(Builder b) {
        this.required = b.required;
        this.type = Objects.requireNonNull(b.type, "type");
        this.description = Objects.requireNonNull(b.description, "description");
        this.units = b.units;
        this.monotonic = b.monotonic;
    }

    /**
     * A builder for an optional, non-monotonic column of kind {@code other} without units.
     *
     * @param description free text, required
     */
    public static Builder builder(String description) {
        return new Builder(description);
    }

    /** A builder holding this description's values. */
    public Builder toBuilder() {
        return new Builder(description).required(required).type(type).units(units).monotonic(monotonic);
    }

    /** An optional, non-monotonic column of kind {@code other} with a description. */
    public static ColumnInfo of(String description) {
        return builder(description).build();
    }

    /** An optional, non-monotonic column of a kind, with a description and units (or null). */
    public static ColumnInfo of(String description, ColumnType type, String units) {
        return builder(description).type(type).units(units).build();
    }

    /** Whether a table must have the column. */
    public boolean required() {
        return required;
    }

    /** Kind of values. */
    public ColumnType type() {
        return type;
    }

    /** Free text, never null. */
    public String description() {
        return description;
    }

    /** Units, or null. */
    public String units() {
        return units;
    }

    /** Whether values never decrease from one row to the next. */
    public boolean monotonic() {
        return monotonic;
    }

    /** A copy with the monotonic promise set or cleared. */
    public ColumnInfo withMonotonic(boolean value) {
        return value == monotonic ? this : toBuilder().monotonic(value).build();
    }

    /** A copy with other units (or none). */
    public ColumnInfo withUnits(String value) {
        return toBuilder().units(value).build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnInfo c && required == c.required && type == c.type
                && description.equals(c.description) && Objects.equals(units, c.units) && monotonic == c.monotonic;
    }

    @Override
    public int hashCode() {
        return Objects.hash(required, type, description, units, monotonic);
    }

    /** The fields in the form a record would print them. */
    @Override
    public String toString() {
        return "ColumnInfo[required=" + required + ", type=" + type + ", description=" + description + ", units="
                + units + ", monotonic=" + monotonic + "]";
    }

    /** Builds a {@link ColumnInfo}; unset values are: optional, {@link ColumnType#OTHER}, no units, not monotonic. */
    public static final class Builder {
        private final String description;
        private boolean required;
        private ColumnType type = ColumnType.OTHER;
        private String units;
        private boolean monotonic;

        private Builder(String description) {
            this.description = description;
        }

        /** Sets whether a table must have the column. */
        public Builder required(boolean value) {
            required = value;
            return this;
        }

        /** Sets the kind of values (not null). */
        public Builder type(ColumnType value) {
            type = value;
            return this;
        }

        /** Sets the units, or null for none. */
        public Builder units(String value) {
            units = value;
            return this;
        }

        /** Sets whether values never decrease from one row to the next. */
        public Builder monotonic(boolean value) {
            monotonic = value;
            return this;
        }

        /**
         * The description.
         *
         * @throws NullPointerException when the type or description is null
         */
        public ColumnInfo build() {
            return new ColumnInfo(this);
        }
    }
}
