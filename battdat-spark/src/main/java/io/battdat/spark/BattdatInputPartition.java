package io.battdat.spark;

import org.apache.spark.sql.connector.read.InputPartition;

import java.util.List;

/**
 * Rows {@code [firstRow, endRow)} of one table of one cell of one file: what one Spark task reads.
 *
 * @param file       the file's absolute path
 * @param cell       the prefix group, or null at the root
 * @param key        the engine's table key
 * @param firstRow   the first row
 * @param endRow     the row after the last
 * @param narrowedBy the monotonic columns that the driver pruned the table's rows by; the reader checks that they
 *                   never decrease in this partition ({@link MonotonicCheck})
 */
record BattdatInputPartition(String file, String cell, String key, long firstRow, long endRow,
                             List<String> narrowedBy) implements InputPartition {
    private static final long serialVersionUID = 2L;

    BattdatInputPartition {
        narrowedBy = List.copyOf(narrowedBy);
    }

    /** Rows in the partition. */
    long rows() {
        return endRow - firstRow;
    }
}
