package io.battdat.spark;

import io.battdat.streaming.Battdat;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Statistics;
import org.apache.spark.sql.connector.read.SupportsReportStatistics;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * A planned read: the tables left after the {@code file}/{@code cell} filters, narrowed by filters on monotonic
 * columns ({@link MonotonicPruning}, once, when first needed), cut into partitions by {@link SplitPlanner}.
 * Reports the row count and uncompressed size of what it will read to Spark's optimizer.
 */
final class BattdatScan implements SupportsReportStatistics, Batch {
    private static final Logger LOG = LoggerFactory.getLogger(BattdatScan.class);

    private final List<StoredTable> tables;
    private final StructType readSchema;
    private final Filter[] filters;
    private final BattdatOptions options;
    private List<PlannedTable> planned;

    BattdatScan(List<StoredTable> allTables, StructType readSchema, Filter[] filters, BattdatOptions options) {
        this.readSchema = readSchema;
        this.filters = filters.clone();
        this.options = options;
        this.tables = new ArrayList<>();
        for (StoredTable t : allTables) {
            BatchFacts facts = new BatchFacts(options.fileColumn(), options.cellColumn(), t.fileName(), t.cell());
            if (!Pruning.skip(this.filters, facts)) {
                tables.add(t);
            }
        }
    }

    /** The tables to read and their rows; probes the files the first time (driver side). */
    synchronized List<PlannedTable> plannedTables() {
        if (planned == null) {
            if (options.monotonicPruning() && filters.length > 0) {
                planned = MonotonicPruning.plan(SparkEngines.driver(), tables, filters);
                if (LOG.isDebugEnabled()) {
                    LOG.debug("monotonic pruning: {} of {} tables and {} of {} rows skipped, filters {}",
                            tables.size() - planned.size(), tables.size(), prunedRows(), listedRows(),
                            Arrays.toString(filters));
                }
            } else {
                planned = tables.stream().map(PlannedTable::whole).toList();
            }
        }
        return planned;
    }

    /** Rows of the tables left by the {@code file}/{@code cell} filters. */
    long listedRows() {
        long rows = 0;
        for (StoredTable t : tables) {
            rows += t.rows();
        }
        return rows;
    }

    /** Rows that will be read. */
    long readRows() {
        long rows = 0;
        for (PlannedTable p : plannedTables()) {
            rows += p.rows();
        }
        return rows;
    }

    /** Rows skipped by monotonic pruning. */
    long prunedRows() {
        return listedRows() - readRows();
    }

    @Override
    public StructType readSchema() {
        return readSchema;
    }

    @Override
    public String description() {
        return "battdat [table " + options.table() + ", " + plannedTables().size() + " of " + tables.size()
                + " tables, " + readRows() + " rows (" + prunedRows() + " pruned), pushed filters "
                + Arrays.toString(filters) + "]";
    }

    @Override
    public Batch toBatch() {
        return this;
    }

    @Override
    public InputPartition[] planInputPartitions() {
        SparkSession spark = SparkSession.active();
        long max = options.maxPartitionBytes() > 0 ? options.maxPartitionBytes()
                : bytes(spark.conf().get("spark.sql.files.maxPartitionBytes", "128m"));
        int cores = spark.sparkContext().defaultParallelism();
        return SplitPlanner.plan(plannedTables(), max, cores).toArray(new InputPartition[0]);
    }

    @Override
    public PartitionReaderFactory createReaderFactory() {
        return new BattdatReaderFactory(readSchema, filters, options);
    }

    @Override
    public Statistics estimateStatistics() {
        long rows = 0;
        long bytes = 0;
        for (PlannedTable p : plannedTables()) {
            rows += p.rows();
            bytes += p.rows() * p.table().rowBytes();
        }
        long finalRows = rows;
        long finalBytes = bytes;
        return new Statistics() {
            @Override
            public OptionalLong sizeInBytes() {
                return OptionalLong.of(finalBytes);
            }

            @Override
            public OptionalLong numRows() {
                return OptionalLong.of(finalRows);
            }
        };
    }

    /** Spark's byte strings: {@code 134217728}, {@code 128m}, {@code 1g}, {@code 64kb}. */
    static long bytes(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.endsWith("b")) {
            s = s.substring(0, s.length() - 1);
        }
        long unit = 1;
        char last = s.isEmpty() ? ' ' : s.charAt(s.length() - 1);
        switch (last) {
            case 'k' -> unit = 1L << 10;
            case 'm' -> unit = 1L << 20;
            case 'g' -> unit = 1L << 30;
            case 't' -> unit = 1L << 40;
            default -> unit = 1;
        }
        String digits = unit == 1 ? s : s.substring(0, s.length() - 1);
        try {
            return Math.multiplyExact(Long.parseLong(digits.trim()), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new io.battdat.api.InvalidUseException("spark.sql.files.maxPartitionBytes is not a byte size: "
                    + text + ": " + e.getMessage());
        }
    }
}
