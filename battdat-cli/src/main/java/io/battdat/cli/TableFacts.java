package io.battdat.cli;

import io.battdat.api.data.BooleanColumn;
import io.battdat.api.data.Column;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.DoubleColumn;
import io.battdat.api.data.FloatColumn;
import io.battdat.api.data.LongColumn;
import io.battdat.api.data.StorageType;
import io.battdat.api.data.StringColumn;
import io.battdat.api.data.TableLayout;
import io.battdat.api.spi.TableInfo;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The facts of one table in the shape the interop tests get from PyTables, accumulated batch by batch so any
 * table size fits in memory: rows; per column the numpy dtype and, by kind, the float64 sum (numpy's order),
 * first and last values, the sorted distinct strings, the count of true values, or the shape and sum of array
 * members; the number of runs of equal {@code cycle_number}; the NROWS attribute.
 */
final class TableFacts {
    private final TableInfo table;
    private final List<ColumnFacts> columns = new ArrayList<>();
    private final int cycleColumn;
    private long rows;
    private long cycleRuns;
    private boolean haveLastCycle;
    private double lastCycleDouble;
    private long lastCycleLong;

    TableFacts(TableInfo table) {
        this.table = table;
        TableLayout layout = table.layout();
        for (ColumnSpec spec : layout.columns()) {
            columns.add(new ColumnFacts(spec));
        }
        this.cycleColumn = layout.indexOf("cycle_number");
    }

    void add(ColumnBatch batch) {
        int n = batch.rowCount();
        for (int c = 0; c < columns.size(); c++) {
            columns.get(c).add(batch.column(c), n, rows == 0);
        }
        if (cycleColumn >= 0) {
            countRuns(batch.column(cycleColumn), n);
        }
        rows += n;
    }

    /** numpy compares cycle numbers in their own dtype: integers exactly, floats with NaN != NaN. */
    private void countRuns(Column c, int n) {
        if (c instanceof LongColumn l) {
            long[] v = l.buffer();
            for (int r = 0; r < n; r++) {
                if (!haveLastCycle || v[r] != lastCycleLong) {
                    cycleRuns++;
                }
                lastCycleLong = v[r];
                haveLastCycle = true;
            }
        } else {
            for (int r = 0; r < n; r++) {
                double v = c.getDouble(r);
                if (!haveLastCycle || v != lastCycleDouble) {
                    cycleRuns++;
                }
                lastCycleDouble = v;
                haveLastCycle = true;
            }
        }
    }

    Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rows", rows);
        Map<String, Object> cols = new LinkedHashMap<>();
        for (ColumnFacts c : columns) {
            cols.put(c.spec.name(), c.toMap(rows));
        }
        out.put("columns", cols);
        if (cycleColumn >= 0 && rows > 0) {
            out.put("cycle_runs", cycleRuns);
        }
        out.put("nrows_attr", table.nrowsAttribute().isPresent() ? table.nrowsAttribute().getAsLong() : null);
        return out;
    }

    private static final class ColumnFacts {
        final ColumnSpec spec;
        final NumpySum sum = new NumpySum();
        final TreeSet<String> distinct = new TreeSet<>();
        long integerArraySum;
        long trueCount;
        Object first;
        Object last;

        ColumnFacts(ColumnSpec spec) {
            this.spec = spec;
        }

        void add(Column column, int n, boolean firstBatch) {
            if (n == 0) {
                return;
            }
            char kind = spec.type().numpyKind();
            if (spec.isArray()) {
                addArray(column, n);
                return;
            }
            switch (kind) {
                case 'f', 'i', 'u' -> {
                    for (int r = 0; r < n; r++) {
                        sum.add(column.getDouble(r));
                    }
                    if (firstBatch) {
                        first = scalar(column, 0);
                    }
                    last = scalar(column, n - 1);
                }
                case 'S' -> {
                    StringColumn s = (StringColumn) column;
                    for (int r = 0; r < n; r++) {
                        distinct.add(s.get(r));
                    }
                    if (firstBatch) {
                        first = s.get(0);
                    }
                    last = s.get(n - 1);
                }
                case 'b' -> {
                    boolean[] v = ((BooleanColumn) column).buffer();
                    for (int r = 0; r < n; r++) {
                        if (v[r]) {
                            trueCount++;
                        }
                    }
                }
                default -> {
                    // complex: pytables-check.py reports the dtype only
                }
            }
        }

        /** numpy sums a multi-dimensional member in its own dtype (int64 for integers), then float() of it. */
        private void addArray(Column column, int n) {
            int w = column.width();
            if (column instanceof DoubleColumn d) {
                double[] v = d.buffer();
                for (int i = 0; i < n * w; i++) {
                    sum.add(v[i]);
                }
            } else if (column instanceof FloatColumn f) {
                float[] v = f.buffer();
                for (int i = 0; i < n * w; i++) {
                    sum.add(v[i]);
                }
            } else if (column instanceof LongColumn l) {
                long[] v = l.buffer();
                for (int i = 0; i < n * w; i++) {
                    integerArraySum += v[i];
                }
            }
        }

        private Object scalar(Column column, int row) {
            if (column instanceof LongColumn l) {
                long v = l.get(row);
                if (spec.type() == StorageType.UINT64 && v < 0) {
                    return new BigInteger(Long.toUnsignedString(v));
                }
                return v;
            }
            return column.getDouble(row);
        }

        Map<String, Object> toMap(long rows) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("dtype", spec.numpyDtype());
            if (spec.isArray()) {
                List<Integer> shape = new ArrayList<>();
                for (int d : spec.shape()) {
                    shape.add(d);
                }
                out.put("shape", shape);
                out.put("sum", spec.type().isInteger() ? (double) integerArraySum : sum.sum());
                return out;
            }
            switch (spec.type().numpyKind()) {
                case 'f', 'i', 'u' -> {
                    out.put("sum", rows == 0 ? 0.0 : sum.sum());
                    if (rows > 0) {
                        out.put("first", first);
                        out.put("last", last);
                    }
                }
                case 'S' -> {
                    out.put("distinct", new ArrayList<>(distinct));
                    if (rows > 0) {
                        out.put("first", first);
                        out.put("last", last);
                    }
                }
                case 'b' -> out.put("true_count", trueCount);
                default -> {
                }
            }
            return out;
        }
    }
}
