package io.battdat.spark;

import io.battdat.api.ErrorLocation;
import io.battdat.api.UnsupportedFeatureException;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.StorageType;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

import java.util.List;
import java.util.Map;

/**
 * How battdat column types appear in Spark, and which Spark types a stored column can be read as.
 *
 * <p>Scalars keep their width: float64 is {@code double}, float32 and float16 {@code float}, int8 {@code byte},
 * int16 and uint8 {@code short}, int32 and uint16 {@code int}, int64 and uint32 {@code long}; uint64 is
 * {@code decimal(20,0)} because its values do not all fit a long. Booleans are {@code boolean}, fixed-length
 * strings {@code string}. Array members and complex values become {@code array<element>} of every element in row
 * order (a complex value as its real and imaginary parts).
 */
final class SparkTypes {
    /** Exactly the values of an unsigned 64-bit integer. */
    static final DecimalType UINT64 = DataTypes.createDecimalType(20, 0);

    /** The integer types, narrowest first: an integer widens to any type after it. */
    private static final List<DataType> INTEGERS_BY_WIDTH =
            List.of(DataTypes.ByteType, DataTypes.ShortType, DataTypes.IntegerType, DataTypes.LongType, UINT64);

    /** The stored type each Spark scalar (but string) is written as: the one {@link #of} reads back as it. */
    private static final Map<DataType, StorageType> WRITTEN_AS = Map.of(
            DataTypes.DoubleType, StorageType.FLOAT64,
            DataTypes.FloatType, StorageType.FLOAT32,
            DataTypes.LongType, StorageType.INT64,
            DataTypes.IntegerType, StorageType.INT32,
            DataTypes.ShortType, StorageType.INT16,
            DataTypes.ByteType, StorageType.INT8,
            DataTypes.BooleanType, StorageType.BOOL);

    private SparkTypes() {
    }

    /** The Spark type of one element of a stored column. */
    static DataType elementType(StorageType type) {
        return switch (type) {
            case FLOAT64, COMPLEX64, COMPLEX128 -> DataTypes.DoubleType;
            case FLOAT32, FLOAT16 -> DataTypes.FloatType;
            case INT8 -> DataTypes.ByteType;
            case INT16, UINT8 -> DataTypes.ShortType;
            case INT32, UINT16 -> DataTypes.IntegerType;
            case INT64, UINT32 -> DataTypes.LongType;
            case UINT64 -> UINT64;
            case BOOL -> DataTypes.BooleanType;
            case STRING -> DataTypes.StringType;
        };
    }

    /** Primitive values per row of a stored column: its elements, twice that for complex values. */
    static int valuesPerRow(ColumnSpec spec) {
        return spec.elementsPerRow() * (spec.type().numpyKind() == 'c' ? 2 : 1);
    }

    /** The Spark type of a stored column. */
    static DataType of(ColumnSpec spec) {
        DataType element = elementType(spec.type());
        boolean scalar = !spec.isArray() && spec.type().numpyKind() != 'c';
        return scalar ? element : DataTypes.createArrayType(element, false);
    }

    /**
     * The narrowest type that holds values of both types without loss of range: integers widen to the wider
     * integer, floats to double, an integer with a float to double. Null when there is none (a string and a number).
     */
    static DataType widen(DataType a, DataType b) {
        if (a.equals(b)) {
            return a;
        }
        if (a instanceof ArrayType x && b instanceof ArrayType y) {
            DataType element = widen(x.elementType(), y.elementType());
            return element == null ? null : DataTypes.createArrayType(element, x.containsNull() || y.containsNull());
        }
        int ia = integerRank(a);
        int ib = integerRank(b);
        if (ia > 0 && ib > 0) {
            return ia >= ib ? a : b;
        }
        boolean na = ia > 0 || isFloat(a);
        boolean nb = ib > 0 || isFloat(b);
        if (na && nb) {
            return DataTypes.DoubleType;
        }
        return null;
    }

    /** Whether values of the stored column can be read as {@code target} (its own type or a wider one). */
    static boolean canRead(ColumnSpec spec, DataType target) {
        DataType own = of(spec);
        DataType wide = widen(own, target);
        return wide != null && sameIgnoringNullability(wide, target);
    }

    private static boolean sameIgnoringNullability(DataType a, DataType b) {
        if (a instanceof ArrayType x && b instanceof ArrayType y) {
            return sameIgnoringNullability(x.elementType(), y.elementType());
        }
        return a.equals(b);
    }

    /** 1 to 5 for the integer types, narrowest first; 0 for any other type. */
    private static int integerRank(DataType t) {
        return INTEGERS_BY_WIDTH.indexOf(t) + 1;
    }

    private static boolean isFloat(DataType t) {
        return t.equals(DataTypes.FloatType) || t.equals(DataTypes.DoubleType);
    }

    /** Whether a Spark column is a number or boolean whose batches have a min and max worth computing. */
    static boolean isNumeric(DataType t) {
        return integerRank(t) > 0 || isFloat(t);
    }

    /**
     * The stored column for a Spark column on write: the same widths as {@link #of(ColumnSpec)} reads back.
     *
     * @param stringWidth bytes of the widest value, for string columns
     * @throws UnsupportedFeatureException for types battdat tables do not hold (decimals, dates, nested types)
     */
    static ColumnSpec storedColumn(String name, DataType type, int stringWidth) {
        if (type.equals(DataTypes.StringType)) {
            return ColumnSpec.string(name, Math.max(1, stringWidth));
        }
        StorageType stored = WRITTEN_AS.get(type);
        if (stored == null) {
            throw new UnsupportedFeatureException(ErrorLocation.NONE, "column " + name + " is " + type.simpleString()
                    + "; battdat tables hold double, float, long, int, short, byte, boolean and string columns:"
                    + " cast it first", null);
        }
        return ColumnSpec.of(name, stored);
    }
}
