package io.battdat.api.data;

/** float32 (and float16, widened exactly) values. */
public final class FloatColumn extends ArrayBackedColumn implements Column {

    FloatColumn(ColumnSpec spec, int capacity) {
        super(spec, spec.elementsPerRow(), float.class, capacity);
    }

    /**
     * The backing array, which the stream reuses and which is usually longer than the batch: row r's values are at
     * {@code [r * width(), (r + 1) * width())}, and only the first {@link #rowCount()} rows belong to this batch.
     * The fast path for loops bounded by the row count; {@link #values()} gives exactly the batch's values.
     */
    public float[] buffer() {
        return (float[]) array;
    }

    /** A copy of exactly this batch's values ({@code rowCount() * width()} of them), which stays valid. */
    public float[] values() {
        return (float[]) copyOfRows();
    }

    /** The row's first value. */
    public float get(int row) {
        return buffer()[row * width];
    }

    @Override
    public double getDouble(int row) {
        return get(row);
    }
}
