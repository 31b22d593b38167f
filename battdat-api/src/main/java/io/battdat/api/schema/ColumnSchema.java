package io.battdat.api.schema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.battdat.api.KeyNotFoundException;
import io.battdat.api.SchemaViolationException;
import io.battdat.api.json.Json;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The column schema of a table (spec 4.3): predefined columns in declaration order, then extra columns.
 * Immutable; {@link #withExtraColumn} returns a new schema. The JSON form is what battdat stores in a table's
 * {@code metadata} attribute: {@code extra_columns} first, then one key per predefined column.
 */
public class ColumnSchema {
    private static final JsonFactory GENERATORS = new JsonFactory();

    private final String schemaName;
    private final Map<String, ColumnInfo> predefined;
    private final Map<String, ColumnInfo> extraColumns;

    /**
     * @param schemaName   the schema's class name ({@code RawData}, or {@code ParsedColumnSchema} when parsed)
     * @param predefined   predefined columns in declaration order
     * @param extraColumns extra columns in insertion order
     */
    public ColumnSchema(String schemaName, Map<String, ColumnInfo> predefined, Map<String, ColumnInfo> extraColumns) {
        this.schemaName = Objects.requireNonNull(schemaName, "schemaName");
        this.predefined = Collections.unmodifiableMap(new LinkedHashMap<>(predefined));
        this.extraColumns = Collections.unmodifiableMap(new LinkedHashMap<>(extraColumns));
    }

    /** The generic empty schema ({@code {"extra_columns":{}}}). */
    public static ColumnSchema empty() {
        return new ColumnSchema("ColumnSchema", Map.of(), Map.of());
    }

    /** The schema's class name. */
    public String schemaName() {
        return schemaName;
    }

    /** Predefined columns in declaration order. */
    public Map<String, ColumnInfo> predefinedColumns() {
        return predefined;
    }

    /** Extra columns in insertion order. */
    public Map<String, ColumnInfo> extraColumns() {
        return extraColumns;
    }

    /** Predefined then extra columns; an extra column of a predefined name overrides it in place. */
    public Map<String, ColumnInfo> columns() {
        Map<String, ColumnInfo> all = new LinkedHashMap<>(predefined);
        all.putAll(extraColumns);
        return Collections.unmodifiableMap(all);
    }

    /** Names of {@link #columns()} in order. */
    public List<String> columnNames() {
        return new ArrayList<>(columns().keySet());
    }

    /** Whether a column of that name is described (extra or predefined). */
    public boolean contains(String name) {
        return extraColumns.containsKey(name) || predefined.containsKey(name);
    }

    /** A column's description: extra columns first, then predefined; {@link KeyNotFoundException} otherwise. */
    public ColumnInfo get(String name) {
        ColumnInfo info = extraColumns.get(name);
        if (info == null) {
            info = predefined.get(name);
        }
        if (info == null) {
            throw new KeyNotFoundException(null, null, "schema " + schemaName + " has no column '" + name
                    + "'; columns are " + columnNames());
        }
        return info;
    }

    /** A copy with an extra column added (replacing one of the same name), as Python's {@code add_column}. */
    public ColumnSchema withExtraColumn(String name, ColumnInfo info) {
        Map<String, ColumnInfo> extra = new LinkedHashMap<>(extraColumns);
        extra.put(name, info);
        return new ColumnSchema(schemaName, predefined, extra);
    }

    /** The JSON text stored in files, compact, in battdat's key order. */
    public String toJson() {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = GENERATORS.createGenerator(out)) {
            g.writeStartObject();
            g.writeObjectFieldStart("extra_columns");
            for (Map.Entry<String, ColumnInfo> e : extraColumns.entrySet()) {
                writeInfo(g, e.getKey(), e.getValue());
            }
            g.writeEndObject();
            for (Map.Entry<String, ColumnInfo> e : predefined.entrySet()) {
                writeInfo(g, e.getKey(), e.getValue());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void writeInfo(JsonGenerator g, String name, ColumnInfo info) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeBooleanField("required", info.required());
        g.writeStringField("type", info.type().json());
        g.writeStringField("description", info.description());
        if (info.units() == null) {
            g.writeNullField("units");
        } else {
            g.writeStringField("units", info.units());
        }
        g.writeBooleanField("monotonic", info.monotonic());
        g.writeEndObject();
    }

    /**
     * Parses schema JSON the way Python's {@code ColumnSchema.from_json} does: every top-level key but
     * {@code extra_columns} becomes a predefined column, in JSON order; the result is named
     * {@code ParsedColumnSchema}. Unknown keys inside a column are ignored.
     *
     * @throws SchemaViolationException when the text is not JSON, not an object, or a column lacks a string
     *                                  {@code description} or has an invalid {@code type}
     */
    public static ColumnSchema fromJson(String json) {
        Object root;
        try {
            root = Json.parse(json);
        } catch (IOException e) {
            throw new SchemaViolationException(null, null, "column schema is not valid JSON: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> object)) {
            throw new SchemaViolationException(null, null, "column schema is not a JSON object");
        }
        Map<String, ColumnInfo> predefined = new LinkedHashMap<>();
        Map<String, ColumnInfo> extra = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : object.entrySet()) {
            String key = (String) e.getKey();
            if (key.equals("extra_columns")) {
                if (e.getValue() == null) {
                    continue;
                }
                if (!(e.getValue() instanceof Map<?, ?> columns)) {
                    throw new SchemaViolationException(null, null, "extra_columns is not a JSON object");
                }
                for (Map.Entry<?, ?> c : columns.entrySet()) {
                    extra.put((String) c.getKey(), parseInfo("extra_columns." + c.getKey(), c.getValue()));
                }
            } else {
                predefined.put(key, parseInfo(key, e.getValue()));
            }
        }
        return new ColumnSchema("ParsedColumnSchema", predefined, extra);
    }

    private static ColumnInfo parseInfo(String where, Object value) {
        if (!(value instanceof Map<?, ?> n)) {
            throw new SchemaViolationException(null, null, "column " + where + " is not a JSON object");
        }
        if (!(n.get("description") instanceof String description)) {
            throw new SchemaViolationException(null, null, "column " + where + " has no string description");
        }
        ColumnType type = ColumnType.OTHER;
        Object t = n.get("type");
        if (t != null) {
            type = t instanceof String text ? ColumnType.fromJson(text) : null;
            if (type == null) {
                throw new SchemaViolationException(null, null, "column " + where + " has an invalid type: " + t);
            }
        }
        Object units = n.get("units");
        if (units != null && !(units instanceof String)) {
            throw new SchemaViolationException(null, null, "column " + where + " has non-text units: " + units);
        }
        return new ColumnInfo(bool(n.get("required"), "required", where), type, description, (String) units,
                bool(n.get("monotonic"), "monotonic", where));
    }

    /** pydantic's lax booleans: true/false, 0/1 and the usual words. */
    private static boolean bool(Object v, String key, String where) {
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number num && (num.doubleValue() == 0 || num.doubleValue() == 1)) {
            return num.doubleValue() == 1;
        }
        if (v instanceof String text) {
            switch (text.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "1", "on", "t", "y" -> {
                    return true;
                }
                case "false", "no", "0", "off", "f", "n" -> {
                    return false;
                }
                default -> { }
            }
        }
        throw new SchemaViolationException(null, null, "column " + where + " has a non-boolean " + key + ": " + v);
    }

    /**
     * Checks a whole table (or one batch) as Python's {@code validate_dataframe} does (spec 4.7).
     *
     * @throws SchemaViolationException with Python's message at the first violation
     */
    public void validate(io.battdat.api.data.ColumnBatch batch, boolean allowExtraColumns) {
        new SchemaValidator(this, allowExtraColumns, null).accept(batch);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnSchema s && predefined.equals(s.predefined) && extraColumns.equals(s.extraColumns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(predefined, extraColumns);
    }

    @Override
    public String toString() {
        return schemaName + columnNames();
    }
}
