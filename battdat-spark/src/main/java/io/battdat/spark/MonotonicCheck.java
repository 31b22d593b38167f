package io.battdat.spark;

import io.battdat.api.ErrorLocation;
import io.battdat.api.SchemaViolationException;
import io.battdat.api.data.Column;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.DoubleColumn;
import io.battdat.api.data.FloatColumn;
import io.battdat.api.data.LongColumn;
import io.battdat.api.data.StorageType;

import java.nio.file.Path;
import java.util.List;

/**
 * Checks, on an executor, that the columns a partition was narrowed by never decrease in the rows it reads. The
 * driver skipped rows trusting that they do; a decrease shows the trust was misplaced and rows may be missing, so
 * the task fails rather than return an incomplete answer. One comparison per row on the batch's primitive array.
 */
final class MonotonicCheck {
    private final Path file;
    private final String table;
    private final List<String> columns;
    private final long[] lastLong;
    private final double[] lastDouble;
    private boolean started;

    /**
     * @param file    the file, for the message
     * @param table   the table key, for the message
     * @param columns the columns to check (ones absent from a batch are not checked)
     */
    MonotonicCheck(Path file, String table, List<String> columns) {
        this.file = file;
        this.table = table;
        this.columns = List.copyOf(columns);
        this.lastLong = new long[columns.size()];
        this.lastDouble = new double[columns.size()];
    }

    /** Whether there is anything to check. */
    boolean isEmpty() {
        return columns.isEmpty();
    }

    /**
     * Checks the next batch of the partition.
     *
     * @param batch    the batch
     * @param firstRow the table row of the batch's first row
     * @throws SchemaViolationException at the first row whose value is below the previous one, or NaN
     */
    void check(ColumnBatch batch, long firstRow) {
        int n = batch.rowCount();
        if (n == 0) {
            return;
        }
        for (int c = 0; c < columns.size(); c++) {
            int index = batch.layout().indexOf(columns.get(c));
            if (index < 0) {
                continue;
            }
            Column column = batch.column(index);
            int bad = -1;
            if (column instanceof LongColumn l) {
                bad = longs(c, l.buffer(), n, l.spec().type() == StorageType.UINT64);
            } else if (column instanceof DoubleColumn || column instanceof FloatColumn) {
                bad = reals(c, column, n);
            }
            if (bad >= 0) {
                long row = firstRow + bad;
                throw new SchemaViolationException(ErrorLocation.of(file, "/" + table, row), "column " + columns.get(c)
                        + " is declared monotonic but its value " + column.getDouble(bad) + " is below the one before"
                        + " it or NaN; rows were skipped trusting the declaration, so the result could miss rows."
                        + " Read with option monotonicPruning=false", null);
            }
        }
        started = true;
    }

    private int longs(int c, long[] v, int n, boolean unsigned) {
        long last = started ? lastLong[c] : v[0];
        for (int r = 0; r < n; r++) {
            if (unsigned ? Long.compareUnsigned(v[r], last) < 0 : v[r] < last) {
                return r;
            }
            last = v[r];
        }
        lastLong[c] = last;
        return -1;
    }

    /** Float and double columns, read through {@link Column#getDouble} (the array in place, widened). */
    private int reals(int c, Column column, int n) {
        double last = started ? lastDouble[c] : column.getDouble(0);
        for (int r = 0; r < n; r++) {
            double v = column.getDouble(r);
            if (!(v >= last)) { // NaN on either side fails, as the schema's check does
                return r;
            }
            last = v;
        }
        lastDouble[c] = last;
        return -1;
    }
}
