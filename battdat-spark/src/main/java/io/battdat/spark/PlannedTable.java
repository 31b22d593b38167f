package io.battdat.spark;

import java.util.List;

/**
 * A table to read and the rows of it to read: all of them, or the chunk-aligned ranges left by
 * {@link MonotonicPruning}.
 *
 * @param table      the table
 * @param ranges     the rows to read, never empty
 * @param narrowedBy the monotonic columns whose filters removed rows; the executors check that these columns do
 *                   not decrease in the rows they read
 */
record PlannedTable(StoredTable table, RowRanges ranges, List<String> narrowedBy) {

    PlannedTable {
        narrowedBy = List.copyOf(narrowedBy);
    }

    /** Every row of the table. */
    static PlannedTable whole(StoredTable table) {
        return new PlannedTable(table, RowRanges.of(0, table.rows()), List.of());
    }

    /** Rows to read. */
    long rows() {
        return ranges.rows();
    }
}
