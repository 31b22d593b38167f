package io.battdat.api.data;

/** float64 values (and complex values as real/imaginary pairs). */
public final class DoubleColumn extends ArrayBackedColumn implements Column {

    DoubleColumn(ColumnSpec spec, int capacity) {
        super(spec, spec.elementsPerRow() * (spec.type().numpyKind() == 'c' ? 2 : 1), double.class, capacity);
    }

    /**
     * The backing array, which the stream reuses and which is usually longer than the batch: row r's values are at
     * {@code [r * width(), (r + 1) * width())}, and only the first {@link #rowCount()} rows belong to this batch.
     * The fast path for loops bounded by the row count; {@link #values()} gives exactly the batch's values.
     */
    public double[] buffer() {
        return (double[]) array;
    }

    /** A copy of exactly this batch's values ({@code rowCount() * width()} of them), which stays valid. */
    public double[] values() {
        return (double[]) copyOfRows();
    }

    /** The row's first value. */
    public double get(int row) {
        return buffer()[row * width];
    }

    @Override
    public double getDouble(int row) {
        return get(row);
    }
}
