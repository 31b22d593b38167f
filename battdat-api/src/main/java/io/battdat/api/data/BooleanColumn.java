package io.battdat.api.data;

import java.util.Arrays;

/** bool values (HDF5 8-bit bitfield, numpy {@code |b1}); any non-zero byte is true. */
public final class BooleanColumn implements Column {
    private final ColumnSpec spec;
    private final int width;
    private boolean[] values;
    /** Rows of the batch this column belongs to; set by {@link BatchBuffer}. */
    int rows;

    BooleanColumn(ColumnSpec spec, int capacity) {
        this.spec = spec;
        this.width = spec.elementsPerRow();
        this.values = new boolean[Math.multiplyExact(capacity, width)];
    }

    /**
     * The backing array, which the stream reuses and which is usually longer than the batch: row r's values are at
     * {@code [r * width(), (r + 1) * width())}, and only the first {@link #rowCount()} rows belong to this batch.
     * The fast path for loops bounded by the row count; {@link #values()} gives exactly the batch's values.
     */
    public boolean[] buffer() {
        return values;
    }

    /** A copy of exactly this batch's values ({@code rowCount() * width()} of them), which stays valid. */
    public boolean[] values() {
        return Arrays.copyOf(values, rows * width);
    }

    @Override
    public int rowCount() {
        return rows;
    }

    /** The row's first value. */
    public boolean get(int row) {
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
        System.arraycopy(((BooleanColumn) source).values, sourceRow * width, values, targetRow * width, rows * width);
    }

    /** 1.0 for true, 0.0 for false. */
    @Override
    public double getDouble(int row) {
        return values[row * width] ? 1.0 : 0.0;
    }

    /** 1 for true, 0 for false. */
    @Override
    public long getLong(int row) {
        return values[row * width] ? 1L : 0L;
    }

    @Override
    public Object getObject(int row) {
        if (width == 1) {
            return values[row];
        }
        return Arrays.copyOfRange(values, row * width, (row + 1) * width);
    }
}
