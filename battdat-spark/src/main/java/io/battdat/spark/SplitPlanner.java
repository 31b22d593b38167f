package io.battdat.spark;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts tables into partitions. A table up to the split size is one partition; a larger one is cut into row
 * ranges that start at multiples of its chunk size, so no chunk is decoded by two tasks. The split size follows
 * Spark's rule for files: {@code maxPartitionBytes}, but smaller when the whole read would not give every core
 * two tasks (never under {@link #MIN_SPLIT_BYTES}), so a single 100M-row file keeps every core busy.
 */
final class SplitPlanner {
    /** Below this a split costs more in task overhead than it gains. */
    static final long MIN_SPLIT_BYTES = 8L << 20;

    private SplitPlanner() {
    }

    /**
     * The partitions of the tables, in table order.
     *
     * @param tables            the tables to read
     * @param maxPartitionBytes the largest partition (uncompressed bytes)
     * @param cores             Spark's default parallelism
     */
    static List<BattdatInputPartition> plan(List<StoredTable> tables, long maxPartitionBytes, int cores) {
        long total = 0;
        for (StoredTable t : tables) {
            total += t.rows() * t.rowBytes();
        }
        long split = splitBytes(total, maxPartitionBytes, cores);
        List<BattdatInputPartition> out = new ArrayList<>();
        for (StoredTable t : tables) {
            if (t.rows() == 0) {
                continue;
            }
            long rowsPerPart = Math.max(1, split / t.rowBytes());
            if (t.chunkRows() > 0) {
                rowsPerPart = Math.max(1, rowsPerPart / t.chunkRows()) * t.chunkRows();
            }
            for (long first = 0; first < t.rows(); first += rowsPerPart) {
                out.add(new BattdatInputPartition(t.fileName(), t.cell(), t.key(), first,
                        Math.min(t.rows(), first + rowsPerPart)));
            }
        }
        return out;
    }

    static long splitBytes(long totalBytes, long maxPartitionBytes, int cores) {
        long perTask = totalBytes / (2L * Math.max(1, cores));
        return Math.max(1, Math.min(maxPartitionBytes, Math.max(MIN_SPLIT_BYTES, perTask)));
    }
}
