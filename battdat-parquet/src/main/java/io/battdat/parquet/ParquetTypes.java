package io.battdat.parquet;

import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.StorageType;
import io.battdat.api.data.TableLayout;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

import java.util.ArrayList;
import java.util.List;

/**
 * How battdat's column types map to Parquet's, both ways, as pyarrow maps pandas' dtypes (docs/format.md section 3):
 * float64 to DOUBLE, float32 to FLOAT, float16 to FIXED_LEN_BYTE_ARRAY(2) FLOAT16, integers to INT32/INT64 with their
 * {@code INT(bits, signed)} annotation, bool to BOOLEAN, strings to BYTE_ARRAY STRING. Every field is OPTIONAL, as
 * pyarrow writes pandas columns, so a frame written by either program has the same Parquet schema.
 */
final class ParquetTypes {
    /** The schema name pyarrow writes. */
    static final String SCHEMA_NAME = "schema";

    /** A Parquet column that has no battdat column type; the table is listed as ignored with this reason. */
    static final class NotATableException extends Exception {
        NotATableException(String message) {
            super(message);
        }
    }

    private ParquetTypes() {
    }

    /**
     * The battdat layout of a Parquet schema. String columns get the width {@code stringWidths} gives (the longest
     * stored value, as pandas sizes {@code S<n>}); the caller measures it.
     */
    static TableLayout layoutOf(MessageType schema, int[] stringWidths) throws NotATableException {
        List<ColumnSpec> specs = new ArrayList<>();
        for (int i = 0; i < schema.getFieldCount(); i++) {
            specs.add(specOf(schema.getType(i), stringWidths[i]));
        }
        return TableLayout.of(specs);
    }

    /** Whether column {@code i} reads as a variable-length string whose width must be measured. */
    static boolean isVariableString(MessageType schema, int i) {
        Type t = schema.getType(i);
        return t.isPrimitive() && t.asPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.BINARY;
    }

    private static ColumnSpec specOf(Type type, int stringWidth) throws NotATableException {
        String name = type.getName();
        if (!type.isPrimitive()) {
            throw new NotATableException("column '" + name + "' is a nested or list column, which battdat tables "
                    + "do not hold");
        }
        if (type.isRepetition(Type.Repetition.REPEATED)) {
            throw new NotATableException("column '" + name + "' is repeated, which battdat tables do not hold");
        }
        PrimitiveType p = type.asPrimitiveType();
        LogicalTypeAnnotation logical = p.getLogicalTypeAnnotation();
        if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) {
            throw new NotATableException("column '" + name + "' is a DECIMAL, which has no battdat column type");
        }
        switch (p.getPrimitiveTypeName()) {
            case DOUBLE:
                return ColumnSpec.of(name, StorageType.FLOAT64);
            case FLOAT:
                return ColumnSpec.of(name, StorageType.FLOAT32);
            case BOOLEAN:
                return ColumnSpec.of(name, StorageType.BOOL);
            case INT32:
                if (logical instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation a) {
                    return ColumnSpec.of(name, intType(a.getBitWidth(), a.isSigned()));
                }
                return ColumnSpec.of(name, StorageType.INT32); // plain, or DATE / TIME(ms) as their count
            case INT64:
                if (logical instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation a && !a.isSigned()) {
                    return ColumnSpec.of(name, StorageType.UINT64);
                }
                return ColumnSpec.of(name, StorageType.INT64); // timestamps as their count in the stored unit
            case BINARY:
                return ColumnSpec.string(name, stringWidth);
            case FIXED_LEN_BYTE_ARRAY:
                if (logical instanceof LogicalTypeAnnotation.Float16LogicalTypeAnnotation) {
                    return ColumnSpec.of(name, StorageType.FLOAT16);
                }
                return ColumnSpec.string(name, p.getTypeLength());
            default:
                throw new NotATableException("column '" + name + "' has the Parquet type " + p.getPrimitiveTypeName()
                        + ", which has no battdat column type");
        }
    }

    private static StorageType intType(int bits, boolean signed) {
        return switch (bits) {
            case 8 -> signed ? StorageType.INT8 : StorageType.UINT8;
            case 16 -> signed ? StorageType.INT16 : StorageType.UINT16;
            case 32 -> signed ? StorageType.INT32 : StorageType.UINT32;
            default -> signed ? StorageType.INT64 : StorageType.UINT64;
        };
    }

    /**
     * The Parquet schema for a battdat layout.
     *
     * @throws IllegalArgumentException naming the first column Parquet cannot hold as pyarrow would write it
     *                                  (complex numbers and array members: pyarrow has no type for them)
     */
    static MessageType schemaOf(TableLayout layout) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (ColumnSpec c : layout.columns()) {
            if (c.isArray()) {
                throw new IllegalArgumentException("column '" + c.name() + "' is an array member " + c
                        + "; the Parquet layout stores scalar columns only");
            }
            Types.PrimitiveBuilder<PrimitiveType> f = switch (c.type()) {
                case FLOAT64 -> Types.optional(PrimitiveTypeName.DOUBLE);
                case FLOAT32 -> Types.optional(PrimitiveTypeName.FLOAT);
                case FLOAT16 -> Types.optional(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY).length(2)
                        .as(LogicalTypeAnnotation.float16Type());
                case INT8 -> Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.intType(8, true));
                case INT16 -> Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.intType(16, true));
                case INT32 -> Types.optional(PrimitiveTypeName.INT32);
                case INT64 -> Types.optional(PrimitiveTypeName.INT64);
                case UINT8 -> Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.intType(8, false));
                case UINT16 -> Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.intType(16, false));
                case UINT32 -> Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.intType(32, false));
                case UINT64 -> Types.optional(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.intType(64, false));
                case BOOL -> Types.optional(PrimitiveTypeName.BOOLEAN);
                case STRING -> Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType());
                case COMPLEX64, COMPLEX128 -> throw new IllegalArgumentException("column '" + c.name()
                        + "' is complex (" + c.numpyDtype() + "); pyarrow has no complex type, so the Parquet "
                        + "layout cannot hold it");
            };
            b.addField(f.named(c.name()));
        }
        return b.named(SCHEMA_NAME);
    }
}
