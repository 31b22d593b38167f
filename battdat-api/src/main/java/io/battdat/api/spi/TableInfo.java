package io.battdat.api.spi;

import io.battdat.api.ErrorLocation;
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

    private TableInfo(Builder b) {
        this.path = Objects.requireNonNull(b.path, "path");
        this.prefix = b.prefix;
        this.name = Objects.requireNonNull(b.name, "name");
        this.layout = Objects.requireNonNull(b.layout, "layout");
        this.rows = b.rows;
        this.schemaJson = b.schemaJson;
        this.battdatVersion = b.battdatVersion;
        this.filters = List.copyOf(b.filters);
        this.chunkRows = b.chunkRows;
        this.nrowsAttribute = Objects.requireNonNull(b.nrowsAttribute, "nrowsAttribute");
    }

    /**
     * A builder for a backend's description of a table; the other values default to none (no rows, no schema,
     * no filters, not chunked, no {@code NROWS}).
     *
     * @param path   full path, {@code /raw_data} or {@code /cell_a/raw_data}
     * @param prefix the cell's prefix group, or null for root-level tables
     * @param name   the table name ({@code raw_data})
     * @param layout stored columns in order
     */
    public static Builder builder(String path, String prefix, String name, TableLayout layout) {
        return new Builder(path, prefix, name, layout);
    }

    /** A builder holding this instance's values (a table grown by a commit: {@code toBuilder().rows(n).build()}). */
    public Builder toBuilder() {
        return new Builder(path, prefix, name, layout).rows(rows).schemaJson(schemaJson).battdatVersion(battdatVersion)
                .filters(filters).chunkRows(chunkRows).nrowsAttribute(nrowsAttribute);
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
                s = new SchemaViolationException(ErrorLocation.of(null, path), "no column schema", null);
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

    /** Builds a {@link TableInfo}; for backends. Not thread-safe. */
    public static final class Builder {
        private final String path;
        private final String prefix;
        private final String name;
        private final TableLayout layout;
        private long rows;
        private String schemaJson;
        private String battdatVersion;
        private List<FilterInfo> filters = List.of();
        private long chunkRows;
        private OptionalLong nrowsAttribute = OptionalLong.empty();

        private Builder(String path, String prefix, String name, TableLayout layout) {
            this.path = path;
            this.prefix = prefix;
            this.name = name;
            this.layout = layout;
        }

        /** Number of rows (from the storage's own size, not from an attribute). */
        public Builder rows(long n) {
            this.rows = n;
            return this;
        }

        /** The table's {@code metadata} attribute text (its column schema), or null. */
        public Builder schemaJson(String json) {
            this.schemaJson = json;
            return this;
        }

        /** The table's {@code battdat_version} attribute, or null. */
        public Builder battdatVersion(String version) {
            this.battdatVersion = version;
            return this;
        }

        /** The filter pipeline, empty when uncompressed. */
        public Builder filters(List<FilterInfo> pipeline) {
            this.filters = Objects.requireNonNull(pipeline, "filters");
            return this;
        }

        /** Rows per chunk, 0 when not chunked. */
        public Builder chunkRows(long n) {
            this.chunkRows = n;
            return this;
        }

        /** The PyTables {@code NROWS} attribute when present. */
        public Builder nrowsAttribute(OptionalLong n) {
            this.nrowsAttribute = n;
            return this;
        }

        /** The description. */
        public TableInfo build() {
            return new TableInfo(this);
        }
    }
}
