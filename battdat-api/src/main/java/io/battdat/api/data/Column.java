package io.battdat.api.data;

/**
 * One column of a {@link ColumnBatch}: a primitive array holding {@link #width()} values per row, row after row.
 * Array members and complex values put several values in a row; scalars one. Each class offers {@code values()},
 * exactly the batch's {@link #rowCount()} rows (a copy), and {@code buffer()}, the backing array that the stream
 * reuses: it may be longer than the batch, and only its first {@code rowCount() * width()} values are meaningful.
 */
public sealed interface Column permits DoubleColumn, FloatColumn, LongColumn, BooleanColumn, StringColumn {

    /** What this column stores. */
    ColumnSpec spec();

    /** Primitive values per row (for strings: bytes per row). */
    int width();

    /** Rows of the batch this column belongs to (the same as the batch's {@link ColumnBatch#rowCount()}). */
    int rowCount();

    /** Rows the backing array can hold. */
    int capacity();

    /** The row's (first) value as a double; strings and booleans as documented by each class. */
    double getDouble(int row);

    /** The row's (first) value as a long. */
    long getLong(int row);

    /** The row's value boxed: Double, Float, Long, Boolean, String, or an array for array members. Slow path. */
    Object getObject(int row);
}
