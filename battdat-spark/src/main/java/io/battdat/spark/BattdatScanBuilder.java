package io.battdat.spark;

import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownFilters;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.types.StructType;

import java.util.List;

/**
 * Takes Spark's pushdowns. Column pruning: only the requested columns get vectors (HDF5 stores rows interleaved,
 * so a chunk's bytes are read whole; only the requested columns are handed to Spark, and none are decoded for
 * a {@code count(*)}). Filters: every filter is kept to prune tables ({@code file}, {@code cell}) on the driver
 * and batches (ranges of numeric columns such as {@code cycle_number}) on the executors, and every filter is also
 * returned to Spark, which applies it to the rows read.
 */
final class BattdatScanBuilder implements SupportsPushDownFilters, SupportsPushDownRequiredColumns {
    private final List<StoredTable> tables;
    private final BattdatOptions options;
    private StructType schema;
    private Filter[] pushed = new Filter[0];

    BattdatScanBuilder(List<StoredTable> tables, StructType schema, BattdatOptions options) {
        this.tables = tables;
        this.schema = schema;
        this.options = options;
    }

    @Override
    public Filter[] pushFilters(Filter[] filters) {
        pushed = filters.clone();
        return filters;
    }

    @Override
    public Filter[] pushedFilters() {
        return pushed.clone();
    }

    @Override
    public void pruneColumns(StructType requiredSchema) {
        this.schema = requiredSchema;
    }

    @Override
    public Scan build() {
        return new BattdatScan(tables, schema, pushed, options);
    }
}
