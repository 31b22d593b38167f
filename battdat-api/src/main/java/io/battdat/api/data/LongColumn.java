package io.battdat.api.data;

import java.math.BigInteger;

/**
 * Integer values of any width, signed or unsigned, widened to long. A uint64 value above {@code Long.MAX_VALUE}
 * is held as its two's-complement bits; {@link #getDouble(int)} and {@link #getObject(int)} read it unsigned.
 */
public final class LongColumn extends ArrayBackedColumn implements Column {
    private final boolean unsigned64;

    LongColumn(ColumnSpec spec, int capacity) {
        super(spec, spec.elementsPerRow(), long.class, capacity);
        this.unsigned64 = spec.type() == StorageType.UINT64;
    }

    /**
     * The backing array, which the stream reuses and which is usually longer than the batch: row r's values are at
     * {@code [r * width(), (r + 1) * width())}, and only the first {@link #rowCount()} rows belong to this batch.
     * The fast path for loops bounded by the row count; {@link #values()} gives exactly the batch's values.
     */
    public long[] buffer() {
        return (long[]) array;
    }

    /** A copy of exactly this batch's values ({@code rowCount() * width()} of them), which stays valid. */
    public long[] values() {
        return (long[]) copyOfRows();
    }

    /** The row's first value. */
    public long get(int row) {
        return buffer()[row * width];
    }

    @Override
    public double getDouble(int row) {
        long v = get(row);
        if (unsigned64 && v < 0) {
            return (double) (v >>> 1) * 2.0 + (v & 1);
        }
        return v;
    }

    @Override
    public long getLong(int row) {
        return get(row);
    }

    @Override
    public Object getObject(int row) {
        if (unsigned64 && width == 1 && get(row) < 0) {
            return new BigInteger(Long.toUnsignedString(get(row)));
        }
        return super.getObject(row);
    }
}
