package io.battdat.api.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.battdat.api.KeyNotFoundException;
import io.battdat.api.SchemaViolationException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
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
    private static final ObjectMapper MAPPER = new ObjectMapper();

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
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode extra = root.putObject("extra_columns");
        extraColumns.forEach((k, v) -> extra.set(k, infoToJson(v)));
        predefined.forEach((k, v) -> root.set(k, infoToJson(v)));
        return root.toString();
    }

    private static ObjectNode infoToJson(ColumnInfo info) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("required", info.required());
        n.put("type", info.type().json());
        n.put("description", info.description());
        if (info.units() == null) {
            n.putNull("units");
        } else {
            n.put("units", info.units());
        }
        n.put("monotonic", info.monotonic());
        return n;
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
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SchemaViolationException(null, null, "column schema is not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new SchemaViolationException(null, null, "column schema is not a JSON object");
        }
        Map<String, ColumnInfo> predefined = new LinkedHashMap<>();
        Map<String, ColumnInfo> extra = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("extra_columns")) {
                if (e.getValue().isNull()) {
                    continue;
                }
                if (!e.getValue().isObject()) {
                    throw new SchemaViolationException(null, null, "extra_columns is not a JSON object");
                }
                for (Iterator<Map.Entry<String, JsonNode>> x = e.getValue().fields(); x.hasNext(); ) {
                    Map.Entry<String, JsonNode> c = x.next();
                    extra.put(c.getKey(), parseInfo("extra_columns." + c.getKey(), c.getValue()));
                }
            } else {
                predefined.put(e.getKey(), parseInfo(e.getKey(), e.getValue()));
            }
        }
        return new ColumnSchema("ParsedColumnSchema", predefined, extra);
    }

    private static ColumnInfo parseInfo(String where, JsonNode n) {
        if (!n.isObject()) {
            throw new SchemaViolationException(null, null, "column " + where + " is not a JSON object");
        }
        JsonNode desc = n.get("description");
        if (desc == null || !desc.isTextual()) {
            throw new SchemaViolationException(null, null, "column " + where + " has no string description");
        }
        ColumnType type = ColumnType.OTHER;
        JsonNode t = n.get("type");
        if (t != null && !t.isNull()) {
            type = t.isTextual() ? ColumnType.fromJson(t.asText()) : null;
            if (type == null) {
                throw new SchemaViolationException(null, null, "column " + where + " has an invalid type: " + t);
            }
        }
        JsonNode units = n.get("units");
        if (units != null && !units.isNull() && !units.isTextual()) {
            throw new SchemaViolationException(null, null, "column " + where + " has non-text units: " + units);
        }
        return new ColumnInfo(bool(n, "required", where), type, desc.asText(),
                units == null || units.isNull() ? null : units.asText(), bool(n, "monotonic", where));
    }

    private static boolean bool(JsonNode n, String key, String where) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isIntegralNumber() && (v.asLong() == 0 || v.asLong() == 1)) {
            return v.asLong() == 1;
        }
        if (v.isTextual()) {
            switch (v.asText().toLowerCase(java.util.Locale.ROOT)) {
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
