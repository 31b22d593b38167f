package io.battdat.api.data;

import java.util.Arrays;

/**
 * Integer values of any width, signed or unsigned, widened to long. A uint64 value above {@code Long.MAX_VALUE}
 * is held as its two's-complement bits; {@link #getDouble(int)} and {@link #getObject(int)} read it unsigned.
 */
public final class LongColumn implements Column {
    private final ColumnSpec spec;
    private final int width;
    private final boolean unsigned64;
    private long[] values;
    /** Rows of the batch this column belongs to; set by {@link BatchBuffer}. */
    int rows;

    LongColumn(ColumnSpec spec, int capacity) {
        this.spec = spec;
        this.width = spec.elementsPerRow();
        this.unsigned64 = spec.type() == StorageType.UINT64;
        this.values = new long[Math.multiplyExact(capacity, width)];
    }

    /**
     * The backing array, which the stream reuses and which is usually longer than the batch: row r's values are at
     * {@code [r * width(), (r + 1) * width())}, and only the first {@link #rowCount()} rows belong to this batch.
     * The fast path for loops bounded by the row count; {@link #values()} gives exactly the batch's values.
     */
    public long[] buffer() {
        return values;
    }

    /** A copy of exactly this batch's values ({@code rowCount() * width()} of them), which stays valid. */
    public long[] values() {
        return Arrays.copyOf(values, rows * width);
    }

    @Override
    public int rowCount() {
        return rows;
    }

    /** The row's first value. */
    public long get(int row) {
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
        System.arraycopy(((LongColumn) source).values, sourceRow * width, values, targetRow * width, rows * width);
    }

    @Override
    public double getDouble(int row) {
        long v = values[row * width];
        if (unsigned64 && v < 0) {
            return (double) (v >>> 1) * 2.0 + (v & 1);
        }
        return v;
    }

    @Override
    public long getLong(int row) {
        return values[row * width];
    }

    @Override
    public Object getObject(int row) {
        if (width == 1) {
            long v = values[row];
            if (unsigned64 && v < 0) {
                return new java.math.BigInteger(Long.toUnsignedString(v));
            }
            return v;
        }
        return Arrays.copyOfRange(values, row * width, (row + 1) * width);
    }
}
