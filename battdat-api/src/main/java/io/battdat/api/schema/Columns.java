package io.battdat.api.schema;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the predefined columns of the standard schemas in declaration order. */
final class Columns {
    private final Map<String, ColumnInfo> map = new LinkedHashMap<>();

    Columns add(String name, ColumnType type, String units, boolean required, boolean monotonic, String description) {
        map.put(name, ColumnInfo.builder(description).required(required).type(type).units(units)
                .monotonic(monotonic).build());
        return this;
    }

    Map<String, ColumnInfo> build() {
        return map;
    }
}
