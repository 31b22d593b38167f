package io.battdat.api.data;

/** bool values (HDF5 8-bit bitfield, numpy {@code |b1}); any non-zero byte is true. */
public final class BooleanColumn extends ArrayBackedColumn implements Column {

    BooleanColumn(ColumnSpec spec, int capacity) {
        super(spec, spec.elementsPerRow(), boolean.class, capacity);
    }

    /**
     * The backing array, which the stream reuses and which is usually longer than the batch: row r's values are at
     * {@code [r * width(), (r + 1) * width())}, and only the first {@link #rowCount()} rows belong to this batch.
     * The fast path for loops bounded by the row count; {@link #values()} gives exactly the batch's values.
     */
    public boolean[] buffer() {
        return (boolean[]) array;
    }

    /** A copy of exactly this batch's values ({@code rowCount() * width()} of them), which stays valid. */
    public boolean[] values() {
        return (boolean[]) copyOfRows();
    }

    /** The row's first value. */
    public boolean get(int row) {
        return buffer()[row * width];
    }

    /** 1.0 for true, 0.0 for false. */
    @Override
    public double getDouble(int row) {
        return get(row) ? 1.0 : 0.0;
    }
}
