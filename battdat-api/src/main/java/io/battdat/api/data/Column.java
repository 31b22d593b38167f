package io.battdat.api.data;

/**
 * One column of a {@link ColumnBatch}: a primitive array holding {@link #width()} values per row, row after row.
 * Array members and complex values put several values in a row; scalars one. The array may be longer than the
 * batch's row count (batches are reused); only the first {@code rowCount * width} values are meaningful.
 */
public sealed interface Column permits DoubleColumn, FloatColumn, LongColumn, BooleanColumn, StringColumn {

    /** What this column stores. */
    ColumnSpec spec();

    /** Primitive values per row (for strings: bytes per row). */
    int width();

    /** Rows the backing array can hold. */
    int capacity();

    /** Grows the backing array to hold at least {@code rows} rows, keeping the values. */
    void ensureCapacity(int rows);

    /** Copies {@code rows} rows from a column of the same class and spec into this one. */
    void copyRows(Column source, int sourceRow, int targetRow, int rows);

    /** The row's (first) value as a double; strings and booleans as documented by each class. */
    double getDouble(int row);

    /** The row's (first) value as a long. */
    long getLong(int row);

    /** The row's value boxed: Double, Float, Long, Boolean, String, or an array for array members. Slow path. */
    Object getObject(int row);

    /** Creates an empty column for a spec, able to hold {@code capacity} rows. */
    static Column allocate(ColumnSpec spec, int capacity) {
        return switch (spec.type()) {
            case FLOAT64, COMPLEX64, COMPLEX128 -> new DoubleColumn(spec, capacity);
            case FLOAT32, FLOAT16 -> new FloatColumn(spec, capacity);
            case BOOL -> new BooleanColumn(spec, capacity);
            case STRING -> new StringColumn(spec, capacity);
            default -> new LongColumn(spec, capacity);
        };
    }
}
