package io.battdat.spark;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarArray;
import org.apache.spark.sql.vectorized.ColumnarMap;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * A column with one value in every row: the {@code file} and {@code cell} strings of a partition, or null for a
 * column that a file does not have (any type).
 */
final class ConstantVector extends ColumnVector {
    private final UTF8String value;
    private int rows;

    /** A string column holding {@code value} in every row; null makes a column of nulls of any type. */
    ConstantVector(DataType type, String value) {
        super(type);
        this.value = value == null ? null : UTF8String.fromString(value);
    }

    /** Sets the row count of the current batch (for {@link #numNulls()}). */
    void rows(int n) {
        rows = n;
    }

    @Override
    public void close() {
        // nothing held
    }

    @Override
    public boolean hasNull() {
        return value == null;
    }

    @Override
    public int numNulls() {
        return value == null ? rows : 0;
    }

    @Override
    public boolean isNullAt(int rowId) {
        return value == null;
    }

    @Override
    public UTF8String getUTF8String(int rowId) {
        return value;
    }

    @Override
    public boolean getBoolean(int rowId) {
        return false;
    }

    @Override
    public byte getByte(int rowId) {
        return 0;
    }

    @Override
    public short getShort(int rowId) {
        return 0;
    }

    @Override
    public int getInt(int rowId) {
        return 0;
    }

    @Override
    public long getLong(int rowId) {
        return 0;
    }

    @Override
    public float getFloat(int rowId) {
        return 0;
    }

    @Override
    public double getDouble(int rowId) {
        return 0;
    }

    @Override
    public ColumnarArray getArray(int rowId) {
        return null;
    }

    @Override
    public ColumnarMap getMap(int ordinal) {
        return null;
    }

    @Override
    public Decimal getDecimal(int rowId, int precision, int scale) {
        return null;
    }

    @Override
    public byte[] getBinary(int rowId) {
        return null;
    }

    @Override
    public ColumnVector getChild(int ordinal) {
        return null;
    }
}
