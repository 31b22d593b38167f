package io.battdat.api.schema;

import java.util.Map;

/** The kind of values a column holds (Python's {@code DataType}, docs/format.md section 5.1). */
public enum ColumnType {
    /** Floating-point (or complex) values. */
    FLOAT("float"),
    /** Signed or unsigned integers. */
    INTEGER("integer"),
    /** Values of {@link ControlMethod}. */
    CONTROL("control"),
    /** Values of {@link ChargingState}. */
    STATE("state"),
    /** Anything; not checked, not even for monotonicity. */
    OTHER("other");

    private static final Map<String, ColumnType> BY_JSON = StoredNames.index(values(), ColumnType::json);

    private final String json;

    ColumnType(String json) {
        this.json = json;
    }

    /** The value stored in schema JSON. */
    public String json() {
        return json;
    }

    /** The type for a JSON value; null when the text names no type. */
    public static ColumnType fromJson(String text) {
        return BY_JSON.get(text);
    }
}
