package io.battdat.api.spi;

import io.battdat.api.SchemaViolationException;
import io.battdat.api.data.TableLayout;
import io.battdat.api.schema.ColumnSchema;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A table of a stored dataset, as its backend describes it. Immutable. The column schema is parsed from
 * {@link #schemaJson()} when first asked for, so opening a file with many tables parses nothing it does not use.
 */
public final class TableInfo {
    private final String path;
    private final String prefix;
    private final String name;
    private final TableLayout layout;
    private final long rows;
    private final String schemaJson;
    private final String battdatVersion;
    private final List<FilterInfo> filters;
    private final long chunkRows;
    private final OptionalLong nrowsAttribute;
    private volatile Object parsedSchema; // ColumnSchema, or the SchemaViolationException it failed with

    /**
     * @param path           full path, {@code /raw_data} or {@code /cell_a/raw_data}
     * @param prefix         the cell's prefix group, or null for root-level tables
     * @param name           the table name ({@code raw_data})
     * @param layout         stored columns in order
     * @param rows           number of rows (from the dataspace, not from NROWS)
     * @param schemaJson     the table's {@code metadata} attribute text
     * @param battdatVersion the table's {@code battdat_version} attribute, or null
     * @param filters        the filter pipeline, empty when uncompressed
     * @param chunkRows      rows per chunk, 0 when not chunked
     * @param nrowsAttribute the PyTables {@code NROWS} attribute when present
     */
    public TableInfo(String path, String prefix, String name, TableLayout layout, long rows, String schemaJson,
                     String battdatVersion, List<FilterInfo> filters, long chunkRows, OptionalLong nrowsAttribute) {
        this.path = Objects.requireNonNull(path, "path");
        this.prefix = prefix;
        this.name = Objects.requireNonNull(name, "name");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.rows = rows;
        this.schemaJson = schemaJson;
        this.battdatVersion = battdatVersion;
        this.filters = List.copyOf(filters);
        this.chunkRows = chunkRows;
        this.nrowsAttribute = Objects.requireNonNull(nrowsAttribute, "nrowsAttribute");
    }

    /** Full path, {@code /raw_data} or {@code /cell_a/raw_data}. */
    public String path() {
        return path;
    }

    /** The cell's prefix group, or null for root-level tables. */
    public String prefix() {
        return prefix;
    }

    /** The table name ({@code raw_data}). */
    public String name() {
        return name;
    }

    /** Stored columns in order. */
    public TableLayout layout() {
        return layout;
    }

    /** Number of rows, from the dataspace (PyTables ignores NROWS, so do we). */
    public long rows() {
        return rows;
    }

    /** The table's {@code metadata} attribute text (column schema JSON), or null. */
    public String schemaJson() {
        return schemaJson;
    }

    /** The parsed column schema, or null when {@link #schemaJson()} is not a valid column schema. */
    public ColumnSchema schema() {
        Object s = parse();
        return s instanceof ColumnSchema cs ? cs : null;
    }

    /** Why {@link #schema()} is null, or null when the schema is valid. */
    public String schemaError() {
        Object s = parse();
        return s instanceof SchemaViolationException e ? e.getRawMessage() : null;
    }

    private Object parse() {
        Object s = parsedSchema;
        if (s == null) {
            if (schemaJson == null) {
                s = new SchemaViolationException(null, path, "no column schema");
            } else {
                try {
                    s = ColumnSchema.fromJson(schemaJson);
                } catch (SchemaViolationException e) {
                    s = e;
                }
            }
            parsedSchema = s;
        }
        return s;
    }

    /** The table's {@code battdat_version} attribute, or null. */
    public String battdatVersion() {
        return battdatVersion;
    }

    /** The filter pipeline, empty when uncompressed. */
    public List<FilterInfo> filters() {
        return filters;
    }

    /** Rows per chunk, 0 when not chunked. */
    public long chunkRows() {
        return chunkRows;
    }

    /** The PyTables {@code NROWS} attribute when present. */
    public OptionalLong nrowsAttribute() {
        return nrowsAttribute;
    }

    /** The key that names this table in the engine: {@code raw_data} or {@code cell_a/raw_data}. */
    public String key() {
        return prefix == null ? name : prefix + "/" + name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableInfo t && path.equals(t.path) && layout.equals(t.layout) && rows == t.rows
                && Objects.equals(schemaJson, t.schemaJson);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, layout, rows);
    }

    @Override
    public String toString() {
        return "TableInfo[" + path + ", " + rows + " rows, " + layout + "]";
    }
}
