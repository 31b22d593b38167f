package io.battdat.api.data;

import java.util.Arrays;

/** float32 (and float16, widened exactly) values. */
public final class FloatColumn implements Column {
    private final ColumnSpec spec;
    private final int width;
    private float[] values;
    /** Rows of the batch this column belongs to; set by {@link BatchBuffer}. */
    int rows;

    FloatColumn(ColumnSpec spec, int capacity) {
        this.spec = spec;
        this.width = spec.elementsPerRow();
        this.values = new float[Math.multiplyExact(capacity, width)];
    }

    /**
     * The backing array, which the stream reuses and which is usually longer than the batch: row r's values are at
     * {@code [r * width(), (r + 1) * width())}, and only the first {@link #rowCount()} rows belong to this batch.
     * The fast path for loops bounded by the row count; {@link #values()} gives exactly the batch's values.
     */
    public float[] buffer() {
        return values;
    }

    /** A copy of exactly this batch's values ({@code rowCount() * width()} of them), which stays valid. */
    public float[] values() {
        return Arrays.copyOf(values, rows * width);
    }

    @Override
    public int rowCount() {
        return rows;
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

    void ensureCapacity(int rows) {
        if (rows > capacity()) {
            values = Arrays.copyOf(values, Math.multiplyExact(rows, width));
        }
    }

    void copyRows(Column source, int sourceRow, int targetRow, int rows) {
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
