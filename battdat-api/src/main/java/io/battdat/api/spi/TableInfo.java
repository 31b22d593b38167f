package io.battdat.api.spi;

import io.battdat.api.data.TableLayout;
import io.battdat.api.schema.ColumnSchema;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A table of a stored dataset, as its backend describes it.
 *
 * @param path           full path, {@code /raw_data} or {@code /cell_a/raw_data}
 * @param prefix         the cell's prefix group, or null for root-level tables
 * @param name           the table name ({@code raw_data})
 * @param layout         stored columns in order
 * @param rows           number of rows (from the dataspace, not from NROWS)
 * @param schemaJson     the table's {@code metadata} attribute text (a JSON object)
 * @param schema         the parsed column schema, or null when {@code schemaJson} is not a valid column schema
 * @param battdatVersion the table's {@code battdat_version} attribute, or null
 * @param filters        the filter pipeline, empty when uncompressed
 * @param chunkRows      rows per chunk, 0 when not chunked
 * @param nrowsAttribute the PyTables {@code NROWS} attribute when present
 */
public record TableInfo(String path, String prefix, String name, TableLayout layout, long rows, String schemaJson,
                        ColumnSchema schema, String battdatVersion, List<FilterInfo> filters, long chunkRows,
                        OptionalLong nrowsAttribute) {
    public TableInfo {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(layout, "layout");
        filters = List.copyOf(filters);
        Objects.requireNonNull(nrowsAttribute, "nrowsAttribute");
    }

    /** The key that names this table in the engine: {@code raw_data} or {@code cell_a/raw_data}. */
    public String key() {
        return prefix == null ? name : prefix + "/" + name;
    }
}
