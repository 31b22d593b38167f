package io.battdat.spark;

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
 */
abstract class ColumnCopier {
    /** The Spark row ordinal read. */
    final int ordinal;
    /** Whether the Spark column may hold nulls; when it cannot, no null test is made. */
    final boolean nullable;
    private final Path file;
    private final String table;

    private ColumnCopier(int ordinal, boolean nullable, Path file, String table) {
        this.ordinal = ordinal;
        this.nullable = nullable;
        this.file = file;
        this.table = table;
    }

    /** Copies the value of {@code row} into row {@code at} of the batch column. */
    abstract void copy(InternalRow row, int at, long tableRow);

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
        NumberGetter number = NumberGetter.of(source);
        if (spec.isArray() || spec.type().numpyKind() == 'c') {
            throw refused(spec, source, file, table);
        }
        if (target instanceof DoubleColumn d && number != null) {
            return source.equals(DataTypes.DoubleType) ? new DoubleFromDouble(d, ordinal, nullable, file, table)
                    : new DoubleFromNumber(d, number, ordinal, nullable, file, table);
        }
        if (target instanceof FloatColumn f && number != null) {
            return source.equals(DataTypes.FloatType) ? new FloatFromFloat(f, ordinal, nullable, file, table)
                    : new FloatFromNumber(f, number, ordinal, nullable, file, table);
        }
        if (target instanceof LongColumn l && number != null) {
            return source.equals(DataTypes.LongType) ? new LongFromLong(l, ordinal, nullable, file, table)
                    : new LongFromNumber(l, number, ordinal, nullable, file, table);
        }
        if (target instanceof BooleanColumn b && source.equals(DataTypes.BooleanType)) {
            return new BooleanFromBoolean(b, ordinal, nullable, file, table);
        }
        if (target instanceof StringColumn s && source.equals(DataTypes.StringType)) {
            return new StringFromString(s, ordinal, nullable, file, table);
        }
        throw refused(spec, source, file, table);
    }

    private static WriteException refused(ColumnSpec spec, DataType source, Path file, String table) {
        return new WriteException(file, table, "column " + spec.name() + " is " + source.simpleString()
                + " in the DataFrame, which the file's column " + spec + " cannot hold");
    }

    final WriteException nullIn(ColumnSpec spec, long tableRow) {
        return new WriteException(file, table, tableRow, "column " + spec.name() + " is null; a " + spec.numpyDtype()
                + " column cannot hold null (fill or drop it first)", null);
    }

    /** Reads a Spark number column as a double or a long, with the getter of its own type. */
    private abstract static class NumberGetter {
        abstract double getDouble(InternalRow row, int ordinal);

        abstract long getLong(InternalRow row, int ordinal);

        static NumberGetter of(DataType t) {
            if (t.equals(DataTypes.DoubleType)) {
                return new NumberGetter() {
                    double getDouble(InternalRow row, int o) {
                        return row.getDouble(o);
                    }

                    long getLong(InternalRow row, int o) {
                        return (long) row.getDouble(o);
                    }
                };
            }
            if (t.equals(DataTypes.FloatType)) {
                return new NumberGetter() {
                    double getDouble(InternalRow row, int o) {
                        return row.getFloat(o);
                    }

                    long getLong(InternalRow row, int o) {
                        return (long) row.getFloat(o);
                    }
                };
            }
            if (t.equals(DataTypes.LongType)) {
                return new NumberGetter() {
                    double getDouble(InternalRow row, int o) {
                        return row.getLong(o);
                    }

                    long getLong(InternalRow row, int o) {
                        return row.getLong(o);
                    }
                };
            }
            if (t.equals(DataTypes.IntegerType)) {
                return new NumberGetter() {
                    double getDouble(InternalRow row, int o) {
                        return row.getInt(o);
                    }

                    long getLong(InternalRow row, int o) {
                        return row.getInt(o);
                    }
                };
            }
            if (t.equals(DataTypes.ShortType)) {
                return new NumberGetter() {
                    double getDouble(InternalRow row, int o) {
                        return row.getShort(o);
                    }

                    long getLong(InternalRow row, int o) {
                        return row.getShort(o);
                    }
                };
            }
            if (t.equals(DataTypes.ByteType)) {
                return new NumberGetter() {
                    double getDouble(InternalRow row, int o) {
                        return row.getByte(o);
                    }

                    long getLong(InternalRow row, int o) {
                        return row.getByte(o);
                    }
                };
            }
            return null;
        }
    }

    private static final class DoubleFromDouble extends ColumnCopier {
        private final double[] values;

        DoubleFromDouble(DoubleColumn target, int ordinal, boolean nullable, Path file, String table) {
            super(ordinal, nullable, file, table);
            this.values = target.buffer();
        }

        @Override
        void copy(InternalRow row, int at, long tableRow) {
            values[at] = nullable && row.isNullAt(ordinal) ? Double.NaN : row.getDouble(ordinal);
        }
    }

    private static final class DoubleFromNumber extends ColumnCopier {
        private final double[] values;
        private final NumberGetter getter;

        DoubleFromNumber(DoubleColumn target, NumberGetter getter, int ordinal, boolean nullable, Path file,
                         String table) {
            super(ordinal, nullable, file, table);
            this.values = target.buffer();
            this.getter = getter;
        }

        @Override
        void copy(InternalRow row, int at, long tableRow) {
            values[at] = nullable && row.isNullAt(ordinal) ? Double.NaN : getter.getDouble(row, ordinal);
        }
    }

    private static final class FloatFromFloat extends ColumnCopier {
        private final float[] values;

        FloatFromFloat(FloatColumn target, int ordinal, boolean nullable, Path file, String table) {
            super(ordinal, nullable, file, table);
            this.values = target.buffer();
        }

        @Override
        void copy(InternalRow row, int at, long tableRow) {
            values[at] = nullable && row.isNullAt(ordinal) ? Float.NaN : row.getFloat(ordinal);
        }
    }

    private static final class FloatFromNumber extends ColumnCopier {
        private final float[] values;
        private final NumberGetter getter;

        FloatFromNumber(FloatColumn target, NumberGetter getter, int ordinal, boolean nullable, Path file,
                        String table) {
            super(ordinal, nullable, file, table);
            this.values = target.buffer();
            this.getter = getter;
        }

        @Override
        void copy(InternalRow row, int at, long tableRow) {
            values[at] = nullable && row.isNullAt(ordinal) ? Float.NaN : (float) getter.getDouble(row, ordinal);
        }
    }

    private static final class LongFromLong extends ColumnCopier {
        private final LongColumn target;
        private final long[] values;

        LongFromLong(LongColumn target, int ordinal, boolean nullable, Path file, String table) {
            super(ordinal, nullable, file, table);
            this.target = target;
            this.values = target.buffer();
        }

        @Override
        void copy(InternalRow row, int at, long tableRow) {
            if (nullable && row.isNullAt(ordinal)) {
                throw nullIn(target.spec(), tableRow);
            }
            values[at] = row.getLong(ordinal);
        }
    }

    private static final class LongFromNumber extends ColumnCopier {
        private final LongColumn target;
        private final long[] values;
        private final NumberGetter getter;

        LongFromNumber(LongColumn target, NumberGetter getter, int ordinal, boolean nullable, Path file,
                       String table) {
            super(ordinal, nullable, file, table);
            this.target = target;
            this.values = target.buffer();
            this.getter = getter;
        }

        @Override
        void copy(InternalRow row, int at, long tableRow) {
            if (nullable && row.isNullAt(ordinal)) {
                throw nullIn(target.spec(), tableRow);
            }
            values[at] = getter.getLong(row, ordinal);
        }
    }

    private static final class BooleanFromBoolean extends ColumnCopier {
        private final BooleanColumn target;
        private final boolean[] values;

        BooleanFromBoolean(BooleanColumn target, int ordinal, boolean nullable, Path file, String table) {
            super(ordinal, nullable, file, table);
            this.target = target;
            this.values = target.buffer();
        }

        @Override
        void copy(InternalRow row, int at, long tableRow) {
            if (nullable && row.isNullAt(ordinal)) {
                throw nullIn(target.spec(), tableRow);
            }
            values[at] = row.getBoolean(ordinal);
        }
    }

    /** UTF-8 bytes straight from Spark's string into the fixed-width slot, NUL-padded; too wide is an error. */
    private static final class StringFromString extends ColumnCopier {
        private final ColumnSpec spec;
        private final byte[] bytes;
        private final int width;
        private final Path file;
        private final String table;

        StringFromString(StringColumn target, int ordinal, boolean nullable, Path file, String table) {
            super(ordinal, nullable, file, table);
            this.spec = target.spec();
            this.bytes = target.buffer();
            this.width = target.width();
            this.file = file;
            this.table = table;
        }

        @Override
        void copy(InternalRow row, int at, long tableRow) {
            int off = at * width;
            int length = 0;
            if (!nullable || !row.isNullAt(ordinal)) {
                UTF8String text = row.getUTF8String(ordinal);
                length = text.numBytes();
                if (length > width) {
                    throw new WriteException(file, table, tableRow, "value of column " + spec.name() + " is "
                            + length + " bytes, wider than the column's " + width, null);
                }
                text.writeToMemory(bytes, Platform.BYTE_ARRAY_OFFSET + off);
            }
            Arrays.fill(bytes, off + length, off + width, (byte) 0);
        }
    }
}
