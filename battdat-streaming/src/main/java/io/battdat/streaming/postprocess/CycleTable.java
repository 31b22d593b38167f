package io.battdat.streaming.postprocess;

import io.battdat.api.ErrorLocation;
import io.battdat.api.KeyNotFoundException;
import io.battdat.api.data.BatchBuffer;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.DoubleColumn;
import io.battdat.api.data.LongColumn;
import io.battdat.api.data.StorageType;
import io.battdat.api.data.TableLayout;
import io.battdat.api.postprocess.DerivedColumn;
import io.battdat.api.schema.CycleLevelData;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of summarizing one raw table: one row per cycle, in the order the cycles appear, with
 * {@code cycle_number} and the summarizers' columns. Immutable once returned; accessors give read-only views or
 * copies.
 */
public final class CycleTable {
    private final List<DerivedColumn> columns;
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private long[] cycles = new long[16];
    private double[][] values;
    private int rows;

    CycleTable(List<DerivedColumn> columns) {
        this.columns = List.copyOf(columns);
        this.values = new double[columns.size()][16];
        for (int i = 0; i < columns.size(); i++) {
            if (index.put(columns.get(i).name(), i) != null || columns.get(i).name().equals("cycle_number")) {
                throw new IllegalArgumentException("two summarizers produce column '" + columns.get(i).name() + "'");
            }
        }
    }

    /** Appends a row; returns its index, with every value NaN. */
    int addRow(long cycle) {
        if (rows == cycles.length) {
            int n = rows * 2;
            cycles = Arrays.copyOf(cycles, n);
            for (int c = 0; c < values.length; c++) {
                values[c] = Arrays.copyOf(values[c], n);
            }
        }
        cycles[rows] = cycle;
        for (double[] v : values) {
            v[rows] = Double.NaN;
        }
        return rows++;
    }

    void set(int row, int column, double value) {
        values[column][row] = value;
    }

    /** Number of cycles (rows). */
    public int rowCount() {
        return rows;
    }

    /** The summarizers' columns, in output order (without {@code cycle_number}); read-only. */
    public List<DerivedColumn> columns() {
        return columns;
    }

    /** {@code cycle_number} followed by the summarizers' column names; read-only. */
    public List<String> columnNames() {
        List<String> names = new ArrayList<>(columns.size() + 1);
        names.add("cycle_number");
        for (DerivedColumn c : columns) {
            names.add(c.name());
        }
        return Collections.unmodifiableList(names);
    }

    /** The cycle number of a row. */
    public long cycleNumber(int row) {
        checkRow(row);
        return cycles[row];
    }

    /**
     * One value.
     *
     * @throws KeyNotFoundException when there is no such column
     */
    public double get(String column, int row) {
        checkRow(row);
        if (column.equals("cycle_number")) {
            return cycles[row];
        }
        return values[columnIndex(column)][row];
    }

    /** A copy of one column's values. */
    public double[] column(String column) {
        if (column.equals("cycle_number")) {
            double[] out = new double[rows];
            for (int i = 0; i < rows; i++) {
                out[i] = cycles[i];
            }
            return out;
        }
        return Arrays.copyOf(values[columnIndex(column)], rows);
    }

    private int columnIndex(String column) {
        Integer c = index.get(column);
        if (c == null) {
            throw new KeyNotFoundException(ErrorLocation.of(null, "cycle_stats"),
                    "no column '" + column + "'; columns are " + columnNames(), null);
        }
        return c;
    }

    private void checkRow(int row) {
        if (row < 0 || row >= rows) {
            throw new IndexOutOfBoundsException("row " + row + " of " + rows);
        }
    }

    /** The column schema of the table: CycleLevelData plus every column it does not define as an extra column. */
    public CycleLevelData schema() {
        CycleLevelData schema = new CycleLevelData();
        for (DerivedColumn c : columns) {
            if (!schema.predefinedColumns().containsKey(c.name())) {
                schema = schema.withExtraColumn(c.name(), c.info());
            }
        }
        return schema;
    }

    /** The stored layout: {@code cycle_number} as int64, every other column float64. */
    public TableLayout layout() {
        List<ColumnSpec> specs = new ArrayList<>();
        specs.add(ColumnSpec.of("cycle_number", StorageType.INT64));
        for (DerivedColumn c : columns) {
            specs.add(ColumnSpec.of(c.name(), StorageType.FLOAT64));
        }
        return TableLayout.of(specs);
    }

    /** A new batch holding the whole table, for writing. */
    public ColumnBatch toBatch() {
        BatchBuffer batch = BatchBuffer.allocate(layout(), Math.max(1, rows));
        LongColumn cyc = batch.longs("cycle_number");
        System.arraycopy(cycles, 0, cyc.buffer(), 0, rows);
        for (int c = 0; c < columns.size(); c++) {
            DoubleColumn d = batch.doubles(columns.get(c).name());
            System.arraycopy(values[c], 0, d.buffer(), 0, rows);
        }
        batch.setRowCount(rows);
        return batch;
    }

    @Override
    public String toString() {
        return "CycleTable{" + rows + " cycles, columns " + columnNames() + "}";
    }
}
