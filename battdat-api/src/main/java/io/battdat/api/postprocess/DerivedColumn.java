package io.battdat.api.postprocess;

import io.battdat.api.schema.ColumnInfo;
import io.battdat.api.schema.ColumnType;

import java.util.Objects;

/** A column a post-processing plugin produces: its name and the description stored in the output's schema. */
public final class DerivedColumn {
    private final String name;
    private final ColumnInfo info;

    private DerivedColumn(String name, ColumnInfo info) {
        this.name = Objects.requireNonNull(name, "name");
        this.info = Objects.requireNonNull(info, "info");
    }

    /**
     * A float column.
     *
     * @param name        the column name
     * @param description what it holds, as stored in the table's column schema
     * @param units       its units, or null
     */
    public static DerivedColumn ofFloat(String name, String description, String units) {
        return new DerivedColumn(name, ColumnInfo.of(description, ColumnType.FLOAT, units));
    }

    /** A column with a full description. */
    public static DerivedColumn of(String name, ColumnInfo info) {
        return new DerivedColumn(name, info);
    }

    /** The column name. */
    public String name() {
        return name;
    }

    /** Its description in the column schema. */
    public ColumnInfo info() {
        return info;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DerivedColumn d && d.name.equals(name) && d.info.equals(info);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + info.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
