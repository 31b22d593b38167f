package io.battdat.spark;

import io.battdat.api.data.Column;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.DoubleColumn;
import io.battdat.api.data.FloatColumn;
import io.battdat.api.data.LongColumn;
import io.battdat.api.data.StorageType;

import java.util.Arrays;

/**
 * What {@link Pruning} knows of a group of rows: the file and cell of a table, and, once {@link #batch} is set,
 * the min and max of each numeric scalar column of that batch (computed when a filter first asks, once per batch).
 */
final class BatchFacts implements Pruning.Facts {
    private final String fileColumn;
    private final String cellColumn;
    private final String file;
    private final String cell;
    private ColumnBatch batch;
    private double[][] ranges;
    private boolean[] computed;

    BatchFacts(String fileColumn, String cellColumn, String file, String cell) {
        this.fileColumn = fileColumn;
        this.cellColumn = cellColumn;
        this.file = file;
        this.cell = cell;
    }

    /** Facts of a new batch; ranges are computed on demand. */
    void batch(ColumnBatch b) {
        this.batch = b;
        if (computed == null || computed.length != b.columnCount()) {
            computed = new boolean[b.columnCount()];
            ranges = new double[b.columnCount()][];
        } else {
            Arrays.fill(computed, false);
        }
    }

    @Override
    public boolean hasValue(String column) {
        return column.equals(fileColumn) || column.equals(cellColumn);
    }

    @Override
    public String value(String column) {
        return column.equals(fileColumn) ? file : cell;
    }

    @Override
    public double[] range(String column) {
        if (batch == null) {
            return null;
        }
        int i = batch.layout().indexOf(column);
        if (i < 0) {
            return null;
        }
        if (!computed[i]) {
            computed[i] = true;
            ranges[i] = range(batch.column(i), batch.rowCount(), ranges[i]);
        }
        return ranges[i];
    }

    /** {min, max} of a scalar numeric column's first {@code n} rows; null for NaNs, other columns or no rows. */
    private static double[] range(Column column, int n, double[] reuse) {
        if (n == 0 || column.width() != 1) {
            return null;
        }
        double min;
        double max;
        if (column instanceof LongColumn c && column.spec().type() != StorageType.UINT64) {
            long[] v = c.buffer();
            long lo = v[0];
            long hi = v[0];
            for (int r = 1; r < n; r++) {
                lo = Math.min(lo, v[r]);
                hi = Math.max(hi, v[r]);
            }
            min = lo;
            max = hi;
        } else if (column instanceof FloatColumn
                || column instanceof DoubleColumn && column.spec().type() == StorageType.FLOAT64) {
            // getDouble reads the float or double array in place; NaN is kept by Math.min/max and refused below
            min = Double.POSITIVE_INFINITY;
            max = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < n; r++) {
                min = Math.min(min, column.getDouble(r));
                max = Math.max(max, column.getDouble(r));
            }
        } else {
            return null;
        }
        if (Double.isNaN(min) || Double.isNaN(max)) {
            return null; // Spark orders NaN above every number: no range to reason with
        }
        double[] out = reuse == null ? new double[2] : reuse;
        out[0] = min;
        out[1] = max;
        return out;
    }
}
