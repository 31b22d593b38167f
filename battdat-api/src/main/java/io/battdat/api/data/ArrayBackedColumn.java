package io.battdat.api.data;

import io.battdat.api.InvalidUseException;

import java.lang.reflect.Array;

/**
 * What the five column kinds share: the spec, the row width, the batch's row count, and the handling of the backing
 * primitive array that does not depend on its element type (growth, row copies between batches, copies of the
 * batch's values or of one row). It holds the array as an {@code Object} and works on it through
 * {@link System#arraycopy} and {@link Array}; the per-row accessors stay in the subclasses, which read the array as
 * their primitive type, so that reading a row neither boxes nor allocates.
 */
abstract class ArrayBackedColumn {
    private final ColumnSpec spec;
    /** Array elements per row; subclasses index their array with {@code row * width}. */
    final int width;
    /** Rows of the batch this column belongs to; set by {@link BatchBuffer}. */
    int rows;
    /** The primitive backing array; replaced when the column grows. */
    Object array;

    /**
     * @param spec        the column as stored
     * @param width       array elements per row (0 only for strings of item size 0, which need no storage)
     * @param elementType the backing array's primitive element type
     * @param capacity    rows to allocate room for
     */
    ArrayBackedColumn(ColumnSpec spec, int width, Class<?> elementType, int capacity) {
        this.spec = spec;
        this.width = width;
        this.array = Array.newInstance(elementType, Math.multiplyExact(capacity, width));
    }

    /**
     * The column as stored: name, element type, item size and shape.
     *
     * @return the spec
     */
    public ColumnSpec spec() {
        return spec;
    }

    /**
     * Array elements per row: the product of the shape, doubled for complex values, times the item size for strings.
     *
     * @return the width
     */
    public int width() {
        return width;
    }

    /**
     * Rows of the batch; only these rows of the backing array hold its values.
     *
     * @return the row count
     */
    public int rowCount() {
        return rows;
    }

    /**
     * Rows the backing array holds without growing.
     *
     * @return the capacity in rows
     */
    public int capacity() {
        return width == 0 ? Integer.MAX_VALUE : Array.getLength(array) / width;
    }

    /**
     * The row's (first) value as a double; see {@link Column#getDouble(int)}.
     *
     * @param row the row
     * @return the value
     */
    public abstract double getDouble(int row);

    /**
     * The row's (first) value as a long: for floating-point and bool columns, their double value truncated toward
     * zero (NaN reads as 0), which is what a cast of the stored value gives; integer and string columns read their
     * own way.
     *
     * @param row the row
     * @return the value
     */
    public long getLong(int row) {
        return (long) getDouble(row);
    }

    void ensureCapacity(int capacity) {
        if (width > 0 && capacity > capacity()) {
            array = copyOfRange(0, Math.multiplyExact(capacity, width));
        }
    }

    void copyRows(ArrayBackedColumn source, int sourceRow, int targetRow, int count) {
        if (source.getClass() != getClass() || source.width != width) {
            throw new InvalidUseException("cannot copy rows of column " + source.spec + " into column " + spec);
        }
        if (sourceRow < 0 || targetRow < 0 || count < 0 || sourceRow > source.capacity() - count
                || targetRow > capacity() - count) {
            throw new InvalidUseException("cannot copy " + count + " rows from row " + sourceRow + " of column "
                    + source.spec + " (capacity " + source.capacity() + ") to row " + targetRow + " (capacity "
                    + capacity() + ")");
        }
        System.arraycopy(source.array, sourceRow * width, array, targetRow * width, count * width);
    }

    /** A copy of exactly the batch's values ({@code rowCount() * width()} elements). */
    final Object copyOfRows() {
        return copyOfRange(0, rows * width);
    }

    /**
     * The row's value boxed, or a copy of its elements for array members.
     *
     * @param row the row
     * @return a boxed primitive, or a primitive array of {@code width()} elements
     */
    public Object getObject(int row) {
        return width == 1 ? Array.get(array, row) : copyOfRange(row * width, (row + 1) * width);
    }

    /** Elements {@code [from, to)} in a new array of the same type; past the end of the backing array, zeros. */
    private Object copyOfRange(int from, int to) {
        Object copy = Array.newInstance(array.getClass().getComponentType(), to - from);
        System.arraycopy(array, from, copy, 0, Math.min(to, Array.getLength(array)) - from);
        return copy;
    }
}
