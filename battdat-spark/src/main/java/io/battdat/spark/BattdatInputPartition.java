package io.battdat.spark;

import org.apache.spark.sql.connector.read.InputPartition;

/**
 * Rows {@code [firstRow, endRow)} of one table of one cell of one file: what one Spark task reads.
 *
 * @param file     the file's absolute path
 * @param cell     the prefix group, or null at the root
 * @param key      the engine's table key
 * @param firstRow the first row
 * @param endRow   the row after the last
 */
record BattdatInputPartition(String file, String cell, String key, long firstRow, long endRow)
        implements InputPartition {
    private static final long serialVersionUID = 1L;

    /** Rows in the partition. */
    long rows() {
        return endRow - firstRow;
    }
}
