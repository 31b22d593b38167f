package io.battdat.spark;

import io.battdat.api.ErrorLocation;
import io.battdat.api.WriteException;
import io.battdat.api.data.BooleanColumn;
import io.battdat.api.data.Column;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.DoubleColumn;
import io.battdat.api.data.FloatColumn;
import io.battdat.api.data.LongColumn;
import io.battdat.api.data.StringColumn;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.unsafe.Platform;
import org.apache.spark.unsafe.types.UTF8String;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Copies one Spark column of Spark's {@link InternalRow}s into one column of the batch being written. Made once
 * per column when a cell's file is opened, from the column's Spark type and the file's column type, so each cell
 * is one typed getter ({@code getDouble}, {@code getLong}, {@code getUTF8String}) and one store into the batch's
 * primitive array: no boxing, no type test per value. A null goes in as NaN (floats) or an empty string; an
 * integer or bool column cannot hold one, which is an error naming the file, the row and the column.
 *
 * <p>The null test is made here once for every type; what differs per type is two small stores chosen in
 * {@link #of}: where a value goes and what a null becomes.
 */
final class ColumnCopier {
    /** Stores the Spark value at {@code ordinal} of {@code row} into row {@code at} of the batch column. */
    private interface ValueStore {
        void store(InternalRow row, int ordinal, int at, long tableRow);
    }

    /** Stores a null into row {@code at} of the batch column, or refuses it. */
    private interface NullStore {
        void store(int at, long tableRow);
    }

    /** Reads a Spark number column's value as a long, with the getter of its own type. */
    private interface LongGetter {
        long get(InternalRow row, int ordinal);
    }

    /** Reads a Spark number column's value as a double, with the getter of its own type. */
    private interface DoubleGetter {
        double get(InternalRow row, int ordinal);
    }

    /** The Spark row ordinal read. */
    private final int ordinal;
    /** Whether the Spark column may hold nulls; when it cannot, no null test is made. */
    private final boolean nullable;
    private final ValueStore values;
    private final NullStore nulls;

    private ColumnCopier(int ordinal, boolean nullable, ValueStore values, NullStore nulls) {
        this.ordinal = ordinal;
        this.nullable = nullable;
        this.values = values;
        this.nulls = nulls;
    }

    /** Copies the value of {@code row} into row {@code at} of the batch column. */
    void copy(InternalRow row, int at, long tableRow) {
        if (nullable && row.isNullAt(ordinal)) {
            nulls.store(at, tableRow);
        } else {
            values.store(row, ordinal, at, tableRow);
        }
    }

    /**
     * The copier of one column.
     *
     * @param target   the batch column written (its type is the file's)
     * @param source   the Spark type of the column
     * @param ordinal  the Spark row ordinal
     * @param nullable whether the Spark column may hold nulls
     * @throws WriteException when the Spark type cannot be stored in the file's column
     */
    static ColumnCopier of(Column target, DataType source, int ordinal, boolean nullable, Path file, String table) {
        ColumnSpec spec = target.spec();
        if (spec.isArray() || spec.type().numpyKind() == 'c') {
            throw refused(spec, source, file, table);
        }
        LongGetter integer = integerGetter(source);
        DoubleGetter real = integer != null ? (row, o) -> integer.get(row, o) : realGetter(source);
        LongGetter whole = integer != null || real == null ? integer : (row, o) -> (long) real.get(row, o);
        NullStore refuse = (at, tableRow) -> {
            throw new WriteException(ErrorLocation.of(file, table, tableRow), "column " + spec.name() + " is null; a "
                    + spec.numpyDtype() + " column cannot hold null (fill or drop it first)", null);
        };
        ColumnCopier copier = null;
        if (target instanceof DoubleColumn d && real != null) {
            double[] v = d.buffer();
            copier = new ColumnCopier(ordinal, nullable, (row, o, at, r) -> v[at] = real.get(row, o),
                    (at, r) -> v[at] = Double.NaN);
        } else if (target instanceof FloatColumn f && real != null) {
            float[] v = f.buffer();
            copier = new ColumnCopier(ordinal, nullable, (row, o, at, r) -> v[at] = (float) real.get(row, o),
                    (at, r) -> v[at] = Float.NaN);
        } else if (target instanceof LongColumn l && whole != null) {
            long[] v = l.buffer();
            copier = new ColumnCopier(ordinal, nullable, (row, o, at, r) -> v[at] = whole.get(row, o), refuse);
        } else if (target instanceof BooleanColumn b && source.equals(DataTypes.BooleanType)) {
            boolean[] v = b.buffer();
            copier = new ColumnCopier(ordinal, nullable, (row, o, at, r) -> v[at] = row.getBoolean(o), refuse);
        } else if (target instanceof StringColumn s && source.equals(DataTypes.StringType)) {
            copier = strings(s, ordinal, nullable, file, table);
        }
        if (copier == null) {
            throw refused(spec, source, file, table);
        }
        return copier;
    }

    /** The exact getter of a Spark integer type, or null for any other type. */
    private static LongGetter integerGetter(DataType t) {
        return t.equals(DataTypes.LongType) ? InternalRow::getLong
                : t.equals(DataTypes.IntegerType) ? InternalRow::getInt
                : t.equals(DataTypes.ShortType) ? InternalRow::getShort
                : t.equals(DataTypes.ByteType) ? InternalRow::getByte
                : null;
    }

    /** The getter of a Spark floating-point type, or null for any other type. */
    private static DoubleGetter realGetter(DataType t) {
        return t.equals(DataTypes.DoubleType) ? InternalRow::getDouble
                : t.equals(DataTypes.FloatType) ? InternalRow::getFloat
                : null;
    }

    /** UTF-8 bytes straight from Spark's string into the fixed-width slot, NUL-padded; too wide is an error. */
    private static ColumnCopier strings(StringColumn target, int ordinal, boolean nullable, Path file, String table) {
        byte[] bytes = target.buffer();
        int width = target.width();
        ValueStore value = (row, o, at, tableRow) -> {
            UTF8String text = row.getUTF8String(o);
            int length = text.numBytes();
            if (length > width) {
                throw new WriteException(ErrorLocation.of(file, table, tableRow),
                        "value of column " + target.spec().name() + " is "
                        + length + " bytes, wider than the column's " + width, null);
            }
            text.writeToMemory(bytes, Platform.BYTE_ARRAY_OFFSET + (long) at * width);
            Arrays.fill(bytes, at * width + length, (at + 1) * width, (byte) 0);
        };
        return new ColumnCopier(ordinal, nullable, value,
                (at, tableRow) -> Arrays.fill(bytes, at * width, (at + 1) * width, (byte) 0));
    }

    private static WriteException refused(ColumnSpec spec, DataType source, Path file, String table) {
        return new WriteException(ErrorLocation.of(file, table),
                "column " + spec.name() + " is " + source.simpleString()
                + " in the DataFrame, which the file's column " + spec + " cannot hold", null);
    }
}
