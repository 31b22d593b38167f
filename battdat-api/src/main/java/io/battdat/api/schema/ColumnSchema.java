package io.battdat.api.schema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.battdat.api.ErrorLocation;
import io.battdat.api.KeyNotFoundException;
import io.battdat.api.SchemaViolationException;
import io.battdat.api.data.ColumnBatch;
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
 * The column schema of a table (docs/format.md section 5.3): predefined columns in declaration order, then extra
 * columns. Immutable; {@link #withExtraColumn} returns a new schema. The JSON form is what battdat stores in a table's
 * {@code metadata} attribute: {@code extra_columns} first, then one key per predefined column.
 */
public class ColumnSchema {
    private static final JsonFactory GENERATORS = new JsonFactory();

    private final String schemaName;
    private final Map<String, ColumnInfo> predefined;
    private final Map<String, ColumnInfo> extraColumns;

    /**
     * A schema of the given predefined and extra columns.
     *
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
            throw new KeyNotFoundException(ErrorLocation.NONE, "schema " + schemaName + " has no column '" + name
                    + "'; columns are " + columnNames(), null);
        }
        return info;
    }

    /**
     * A copy with an extra column added (replacing one of the same name, keeping its place), as Python's
     * {@code add_column}. The copy has this schema's class: {@code new RawData().withExtraColumn(...)} is a
     * {@link RawData}, and an {@link EISData} keeps its impedance check.
     */
    public ColumnSchema withExtraColumn(String name, ColumnInfo info) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(info, "info");
        Map<String, ColumnInfo> extra = new LinkedHashMap<>(extraColumns);
        extra.put(name, info);
        return copyWithExtraColumns(extra);
    }

    /**
     * Python's {@code add_column(name, description, data_type, required, units, monotonic)}: a copy with that
     * extra column.
     *
     * @param name        column name
     * @param description free-text description
     * @param type        kind of values ({@link ColumnType#OTHER} when null)
     * @param required    whether tables must have the column
     * @param units       units, or null
     * @param monotonic   whether values never decrease
     */
    public ColumnSchema withExtraColumn(String name, String description, ColumnType type, boolean required,
                                        String units, boolean monotonic) {
        return withExtraColumn(name, ColumnInfo.builder(description).required(required)
                .type(type == null ? ColumnType.OTHER : type).units(units).monotonic(monotonic).build());
    }

    /**
     * This schema with other extra columns. Subclasses override it to return an instance of their own class, so
     * that {@link #withExtraColumn} keeps the class (and any table check that comes with it).
     *
     * @param extraColumns the extra columns, in order
     */
    protected ColumnSchema copyWithExtraColumns(Map<String, ColumnInfo> extraColumns) {
        return new ColumnSchema(schemaName, predefined, extraColumns);
    }

    /**
     * A check on the whole table that runs after the column checks of docs/format.md section 5.7 (Python's override of
     * {@code validate_dataframe}); null when the schema has none. Fed batch by batch by {@link SchemaValidator}.
     */
    TableCheck newTableCheck() {
        return null;
    }

    /** A whole-table check fed batch by batch; {@link #finish} throws when the table breaks the rule. */
    interface TableCheck {
        void accept(ColumnBatch batch);

        void finish(String table);
    }

    /**
     * A copy in which the named columns are no longer declared monotonic (everything else kept), for a table whose
     * rows no longer keep that promise ({@link io.battdat.api.spi.MonotonicPolicy#CLEAR_DECLARATION}). The copy is
     * a plain {@code ColumnSchema} with this schema's name.
     */
    public ColumnSchema withMonotonicCleared(java.util.Collection<String> names) {
        return new ColumnSchema(schemaName, cleared(predefined, names), cleared(extraColumns, names));
    }

    private static Map<String, ColumnInfo> cleared(Map<String, ColumnInfo> infos, java.util.Collection<String> names) {
        Map<String, ColumnInfo> out = new LinkedHashMap<>();
        infos.forEach((name, i) -> out.put(name, names.contains(name) ? i.withMonotonic(false) : i));
        return out;
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
            throw new SchemaViolationException(ErrorLocation.NONE,
                    "column schema is not valid JSON: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> object)) {
            throw new SchemaViolationException(ErrorLocation.NONE, "column schema is not a JSON object", null);
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
                    throw new SchemaViolationException(ErrorLocation.NONE, "extra_columns is not a JSON object", null);
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
            throw new SchemaViolationException(ErrorLocation.NONE, "column " + where + " is not a JSON object", null);
        }
        if (!(n.get("description") instanceof String description)) {
            throw new SchemaViolationException(ErrorLocation.NONE,
                    "column " + where + " has no string description", null);
        }
        ColumnType type = ColumnType.OTHER;
        Object t = n.get("type");
        if (t != null) {
            type = t instanceof String text ? ColumnType.fromJson(text) : null;
            if (type == null) {
                throw new SchemaViolationException(ErrorLocation.NONE,
                        "column " + where + " has an invalid type: " + t, null);
            }
        }
        Object units = n.get("units");
        if (units != null && !(units instanceof String)) {
            throw new SchemaViolationException(ErrorLocation.NONE,
                    "column " + where + " has non-text units: " + units, null);
        }
        return ColumnInfo.builder(description).required(bool(n.get("required"), "required", where)).type(type)
                .units((String) units).monotonic(bool(n.get("monotonic"), "monotonic", where)).build();
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
        throw new SchemaViolationException(ErrorLocation.NONE,
                "column " + where + " has a non-boolean " + key + ": " + v, null);
    }

    /**
     * Checks a whole table as Python's {@code validate_dataframe} does (docs/format.md section 5.7), plus the schema's
     * own table check (EISData's impedance agreement, docs/format.md section 5.6). Use a {@link SchemaValidator} for a
     * table read in batches.
     *
     * @param batch             the whole table
     * @param allowExtraColumns whether columns the schema does not describe are allowed
     * @throws SchemaViolationException with Python's message at the first violation
     */
    public void validate(ColumnBatch batch, boolean allowExtraColumns) {
        SchemaValidator validator = new SchemaValidator(this, allowExtraColumns, null);
        validator.accept(batch);
        validator.finish();
    }

    /** Schemas are equal when they describe the same predefined and extra columns, whatever their class. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnSchema s && predefined.equals(s.predefined) && extraColumns.equals(s.extraColumns);
    }

    /** Hash of the columns, consistent with {@link #equals(Object)}. */
    @Override
    public int hashCode() {
        return Objects.hash(predefined, extraColumns);
    }

    /** The class name and the column names. */
    @Override
    public String toString() {
        return schemaName + columnNames();
    }
}
