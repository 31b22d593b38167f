package io.battdat.api.schema;

/** The kind of values a column holds (Python's {@code DataType}, spec 4.1). */
public enum ColumnType {
    FLOAT("float"), INTEGER("integer"), CONTROL("control"), STATE("state"), OTHER("other");

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
        for (ColumnType t : values()) {
            if (t.json.equals(text)) {
                return t;
            }
        }
        return null;
    }
}
