package io.battdat.api.data;

import java.util.Arrays;

/** float32 (and float16, widened exactly) values. */
public final class FloatColumn implements Column {
    private final ColumnSpec spec;
    private final int width;
    private float[] values;

    FloatColumn(ColumnSpec spec, int capacity) {
        this.spec = spec;
        this.width = spec.elementsPerRow();
        this.values = new float[Math.multiplyExact(capacity, width)];
    }

    /** The backing array: row r's values are at {@code [r * width(), (r + 1) * width())}. */
    public float[] values() {
        return values;
    }

    /** The row's first value. */
    public float get(int row) {
        return values[row * width];
    }

    @Override
    public ColumnSpec spec() {
        return spec;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int capacity() {
        return values.length / Math.max(1, width);
    }

    @Override
    public void ensureCapacity(int rows) {
        if (rows > capacity()) {
            values = Arrays.copyOf(values, Math.multiplyExact(rows, width));
        }
    }

    @Override
    public void copyRows(Column source, int sourceRow, int targetRow, int rows) {
        System.arraycopy(((FloatColumn) source).values, sourceRow * width, values, targetRow * width, rows * width);
    }

    @Override
    public double getDouble(int row) {
        return values[row * width];
    }

    @Override
    public long getLong(int row) {
        return (long) values[row * width];
    }

    @Override
    public Object getObject(int row) {
        if (width == 1) {
            return values[row];
        }
        return Arrays.copyOfRange(values, row * width, (row + 1) * width);
    }
}
