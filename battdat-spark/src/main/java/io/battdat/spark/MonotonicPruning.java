package io.battdat.spark;

import io.battdat.api.data.ColumnBatch;
import io.battdat.api.spi.ReadOptions;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.TableCursor;
import io.battdat.streaming.BattdatEngine;
import org.apache.spark.sql.sources.Filter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Narrows tables to the rows that filters on monotonic columns can match, on the driver, before partitions are
 * planned. HDF5 keeps no statistics, but a column that the table's schema declares monotonic ({@code cycle_number},
 * {@code test_time}, ...) is sorted, so the rows a filter such as {@code cycle_number >= 500} keeps are one
 * contiguous range, found by {@link ChunkRangeSearch} with a few one-row reads (one chunk decoded each). A table
 * whose range is empty is not read at all. Trusts the declaration: probes that contradict it turn pruning off for
 * that column and table (logged), and the executors check the rows they read ({@link MonotonicCheck}).
 */
final class MonotonicPruning {
    private static final Logger LOG = LoggerFactory.getLogger(MonotonicPruning.class);

    private MonotonicPruning() {
    }

    /**
     * The tables that still have rows to read, each with the rows to read, in the given order.
     *
     * @param engine  opens the files whose rows are probed
     * @param tables  the tables left by the {@code file}/{@code cell} filters
     * @param filters the pushed filters (combined with and)
     */
    static List<PlannedTable> plan(BattdatEngine engine, List<StoredTable> tables, Filter[] filters) {
        List<PlannedTable> out = new ArrayList<>(tables.size());
        for (StoredTable t : tables) {
            Map<String, ValueIntervals> constrained = new LinkedHashMap<>();
            for (String column : t.monotonic()) {
                ValueIntervals allowed = FilterIntervals.of(filters, column);
                if (!allowed.isAll()) {
                    constrained.put(column, allowed);
                }
            }
            PlannedTable planned = constrained.isEmpty() || t.rows() == 0 ? PlannedTable.whole(t)
                    : narrow(engine, t, constrained);
            if (planned != null) {
                out.add(planned);
            }
        }
        return out;
    }

    /** The table narrowed by each constrained column in turn, or null when no row is left. */
    private static PlannedTable narrow(BattdatEngine engine, StoredTable t, Map<String, ValueIntervals> constrained) {
        RowRanges rows = RowRanges.of(0, t.rows());
        List<String> narrowedBy = new ArrayList<>();
        try (StoredDataset dataset = engine.open(t.file())) {
            for (Map.Entry<String, ValueIntervals> e : constrained.entrySet()) {
                String column = e.getKey();
                ChunkRangeSearch search = new ChunkRangeSearch(t.rows(), t.chunkRows(),
                        row -> valueAt(engine, dataset, t.key(), column, row));
                Optional<RowRanges> found = search.rowsWithin(e.getValue());
                if (found.isEmpty()) {
                    LOG.warn("{}: /{}: column {} is declared monotonic but decreases or holds NaN near row {}; "
                            + "its filters do not prune this table", t.file(), t.key(), column, search.violationRow());
                    continue;
                }
                LOG.debug("{}: /{}: {} in {} keeps rows {} ({} probes)", t.file(), t.key(), column, e.getValue(),
                        found.get(), search.probes());
                if (found.get().rows() < t.rows()) {
                    narrowedBy.add(column);
                    rows = rows.and(found.get());
                }
                if (rows.isEmpty()) {
                    return null;
                }
            }
        }
        return new PlannedTable(t, rows, narrowedBy);
    }

    /** The column's value at a row: one row of one column read, so one chunk decoded. */
    private static double valueAt(BattdatEngine engine, StoredDataset dataset, String key, String column, long row) {
        ReadOptions one = engine.options().withThreads(1).withBatchRows(1).withRowRange(row, row + 1)
                .withColumns(List.of(column));
        try (TableCursor cursor = dataset.openTable(key, one)) {
            if (!cursor.next()) {
                return Double.NaN; // the table is shorter than listed: no answer, so no pruning
            }
            ColumnBatch b = cursor.batch();
            return b.rowCount() == 0 ? Double.NaN : b.column(0).getDouble(0);
        }
    }
}
