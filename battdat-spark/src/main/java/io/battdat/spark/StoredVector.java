package io.battdat.spark;

import io.battdat.api.data.BooleanColumn;
import io.battdat.api.data.Column;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.DoubleColumn;
import io.battdat.api.data.FloatColumn;
import io.battdat.api.data.LongColumn;
import io.battdat.api.data.StorageType;
import io.battdat.api.data.StringColumn;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarArray;
import org.apache.spark.sql.vectorized.ColumnarMap;
import org.apache.spark.unsafe.types.UTF8String;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A Spark column vector that reads a battdat {@link Column}'s primitive array in place: no copy, no object per
 * value. {@link #point(Column)} moves it to the column of the next batch (readers reuse and regrow their
 * batches). Index {@code i} is the i-th primitive value of the array: the row for scalar columns, an element for
 * the child of an {@link Elements} vector. Getters of wider types convert on the fly, so a float32 column reads
 * as {@code double} and an int32 column as {@code long} where files were merged.
 */
abstract sealed class StoredVector extends ColumnVector {

    private StoredVector(DataType type) {
        super(type);
    }

    /** A vector reading a stored column as the Spark type {@code target} (checked with {@link SparkTypes#canRead}). */
    static StoredVector of(ColumnSpec spec, DataType target) {
        if (target instanceof ArrayType array) {
            return new Elements(array, scalar(spec, array.elementType()), SparkTypes.valuesPerRow(spec));
        }
        return scalar(spec, target);
    }

    private static StoredVector scalar(ColumnSpec spec, DataType target) {
        return switch (spec.type()) {
            case FLOAT64, COMPLEX64, COMPLEX128 -> new Doubles(target);
            case FLOAT32, FLOAT16 -> new Floats(target);
            case BOOL -> new Booleans(target);
            case STRING -> new Strings(target, spec.itemSize());
            default -> new Longs(target, spec.type() == StorageType.UINT64);
        };
    }

    /** Moves the vector to a column of the current batch. */
    abstract void point(Column column);

    @Override
    public void close() {
        // the arrays belong to the reader's batch
    }

    @Override
    public boolean hasNull() {
        return false;
    }

    @Override
    public int numNulls() {
        return 0;
    }

    @Override
    public boolean isNullAt(int rowId) {
        return false;
    }

    // Every getter refuses unless a subclass reads that type; narrower integers and float are read through
    // getLong and getDouble, so a vector of wider values serves Spark's narrower types without its own getters.

    @Override
    public boolean getBoolean(int rowId) {
        throw unsupported("boolean");
    }

    @Override
    public byte getByte(int rowId) {
        return (byte) getLong(rowId);
    }

    @Override
    public short getShort(int rowId) {
        return (short) getLong(rowId);
    }

    @Override
    public int getInt(int rowId) {
        return (int) getLong(rowId);
    }

    @Override
    public long getLong(int rowId) {
        throw unsupported("long");
    }

    @Override
    public float getFloat(int rowId) {
        return (float) getDouble(rowId);
    }

    @Override
    public double getDouble(int rowId) {
        throw unsupported("double");
    }

    @Override
    public ColumnarArray getArray(int rowId) {
        throw unsupported("array");
    }

    @Override
    public ColumnarMap getMap(int ordinal) {
        throw unsupported("map");
    }

    @Override
    public Decimal getDecimal(int rowId, int precision, int scale) {
        throw unsupported("decimal");
    }

    @Override
    public UTF8String getUTF8String(int rowId) {
        throw unsupported("string");
    }

    @Override
    public byte[] getBinary(int rowId) {
        throw unsupported("binary");
    }

    @Override
    public ColumnVector getChild(int ordinal) {
        throw unsupported("struct");
    }

    private UnsupportedOperationException unsupported(String what) {
        // SparkTypes.canRead keeps Spark from asking; reaching this is a bug of this module
        return new UnsupportedOperationException(getClass().getSimpleName() + " read as " + dataType().simpleString()
                + " has no " + what + " values");
    }

    /** float64 values (and complex parts). */
    static final class Doubles extends StoredVector {
        private double[] values;

        Doubles(DataType type) {
            super(type);
        }

        @Override
        void point(Column column) {
            values = ((DoubleColumn) column).buffer();
        }

        @Override
        public double getDouble(int rowId) {
            return values[rowId];
        }
    }

    /** float32 and float16 values, read as float or double. */
    static final class Floats extends StoredVector {
        private float[] values;

        Floats(DataType type) {
            super(type);
        }

        @Override
        void point(Column column) {
            values = ((FloatColumn) column).buffer();
        }

        @Override
        public float getFloat(int rowId) {
            return values[rowId];
        }

        @Override
        public double getDouble(int rowId) {
            return values[rowId];
        }
    }

    /** Integers of every width (held as long), read as any integer type wide enough, float, double or decimal. */
    static final class Longs extends StoredVector {
        private final boolean unsigned64;
        private long[] values;

        Longs(DataType type, boolean unsigned64) {
            super(type);
            this.unsigned64 = unsigned64;
        }

        @Override
        void point(Column column) {
            values = ((LongColumn) column).buffer();
        }

        @Override
        public long getLong(int rowId) {
            return values[rowId];
        }

        @Override
        public double getDouble(int rowId) {
            long v = values[rowId];
            if (unsigned64 && v < 0) {
                return (double) (v >>> 1) * 2.0 + (v & 1);
            }
            return v;
        }

        @Override
        public Decimal getDecimal(int rowId, int precision, int scale) {
            long v = values[rowId];
            if (unsigned64 && v < 0) {
                return Decimal.apply(new BigDecimal(new BigInteger(Long.toUnsignedString(v))), precision, scale);
            }
            return Decimal.apply(v, precision, scale);
        }
    }

    /** bool values. */
    static final class Booleans extends StoredVector {
        private boolean[] values;

        Booleans(DataType type) {
            super(type);
        }

        @Override
        void point(Column column) {
            values = ((BooleanColumn) column).buffer();
        }

        @Override
        public boolean getBoolean(int rowId) {
            return values[rowId];
        }
    }

    /** Fixed-length strings: a view of the bytes up to the trailing NUL padding. */
    static final class Strings extends StoredVector {
        private final int itemSize;
        private byte[] bytes;

        Strings(DataType type, int itemSize) {
            super(type);
            this.itemSize = itemSize;
        }

        @Override
        void point(Column column) {
            bytes = ((StringColumn) column).buffer();
        }

        @Override
        public UTF8String getUTF8String(int rowId) {
            int start = rowId * itemSize;
            int end = start + itemSize;
            while (end > start && bytes[end - 1] == 0) {
                end--;
            }
            return UTF8String.fromBytes(bytes, start, end - start);
        }
    }

    /** Array members and complex values: {@code width} consecutive values of the child per row. */
    static final class Elements extends StoredVector {
        private final StoredVector values;
        private final int width;

        Elements(ArrayType type, StoredVector values, int width) {
            super(type);
            this.values = values;
            this.width = width;
        }

        @Override
        void point(Column column) {
            values.point(column);
        }

        @Override
        public ColumnarArray getArray(int rowId) {
            return new ColumnarArray(values, rowId * width, width);
        }
    }
}
