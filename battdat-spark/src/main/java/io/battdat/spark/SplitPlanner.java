package io.battdat.spark;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts tables into partitions. The rows to read of a table (all of them, or the chunk-aligned ranges left by
 * {@link MonotonicPruning}) up to the split size are one partition; more are cut into row ranges that start at
 * multiples of the table's chunk size, so no chunk is decoded by two tasks. The split size follows Spark's rule
 * for files: {@code maxPartitionBytes}, but smaller when the whole read would not give every core two tasks (never
 * under {@link #MIN_SPLIT_BYTES}), so a single 100M-row file keeps every core busy.
 */
final class SplitPlanner {
    /** Below this a split costs more in task overhead than it gains. */
    static final long MIN_SPLIT_BYTES = 8L << 20;

    private SplitPlanner() {
    }

    /**
     * The partitions of the tables, in table order.
     *
     * @param tables            the tables to read, and which of their rows
     * @param maxPartitionBytes the largest partition (uncompressed bytes)
     * @param cores             Spark's default parallelism
     */
    static List<BattdatInputPartition> plan(List<PlannedTable> tables, long maxPartitionBytes, int cores) {
        long total = 0;
        for (PlannedTable p : tables) {
            total += p.rows() * p.table().rowBytes();
        }
        long split = splitBytes(total, maxPartitionBytes, cores);
        List<BattdatInputPartition> out = new ArrayList<>();
        for (PlannedTable p : tables) {
            StoredTable t = p.table();
            long rowsPerPart = Math.max(1, split / t.rowBytes());
            if (t.chunkRows() > 0) {
                rowsPerPart = Math.max(1, rowsPerPart / t.chunkRows()) * t.chunkRows();
            }
            // ranges start on chunk boundaries (or at row 0), so every cut below does too
            for (RowRanges.Range range : p.ranges().ranges()) {
                for (long first = range.first(); first < range.end(); first += rowsPerPart) {
                    out.add(new BattdatInputPartition(t.fileName(), t.cell(), t.key(), first,
                            Math.min(range.end(), first + rowsPerPart), p.narrowedBy()));
                }
            }
        }
        return out;
    }

    static long splitBytes(long totalBytes, long maxPartitionBytes, int cores) {
        long perTask = totalBytes / (2L * Math.max(1, cores));
        return Math.max(1, Math.min(maxPartitionBytes, Math.max(MIN_SPLIT_BYTES, perTask)));
    }
}
