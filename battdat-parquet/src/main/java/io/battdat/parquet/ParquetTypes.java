package io.battdat.parquet;

import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.StorageType;
import io.battdat.api.data.TableLayout;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How battdat's column types map to Parquet's, both ways, as pyarrow maps pandas' dtypes (docs/format.md section 3):
 * float64 to DOUBLE, float32 to FLOAT, float16 to FIXED_LEN_BYTE_ARRAY(2) FLOAT16, integers to INT32/INT64 with their
 * {@code INT(bits, signed)} annotation, bool to BOOLEAN, strings to BYTE_ARRAY STRING. Every field is OPTIONAL, as
 * pyarrow writes pandas columns, so a frame written by either program has the same Parquet schema. Array members
 * and complex columns, which pandas has no column type for, are lists (see {@link #schemaOf}).
 */
final class ParquetTypes {
    /** Values per row beyond which an array member is refused (and a recorded shape is not believed on read). */
    static final int MAX_LIST_VALUES = 1 << 20;
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
        return layoutOf(schema, stringWidths, Map.of());
    }

    /**
     * As {@link #layoutOf(MessageType, int[])}, where a LIST column named in {@code arrayMembers} (our
     * {@code battdat_array_members} key) reads as the array member recorded there; other list columns make the
     * file no battdat table, since their rows may hold any number of elements.
     */
    static TableLayout layoutOf(MessageType schema, int[] stringWidths, Map<String, ArrayMember> arrayMembers)
            throws NotATableException {
        List<ColumnSpec> specs = new ArrayList<>();
        for (int i = 0; i < schema.getFieldCount(); i++) {
            Type field = schema.getType(i);
            PrimitiveType element = listElement(field);
            if (element == null) {
                specs.add(specOf(field, stringWidths[i]));
                continue;
            }
            ArrayMember member = arrayMembers.get(field.getName());
            if (member == null) {
                throw new NotATableException("column '" + field.getName() + "' is a list column without the fixed "
                        + "shape an array member needs (no '" + KeyValueMetadata.ARRAY_MEMBERS + "' entry)");
            }
            specs.add(member.spec(field.getName(), specOf(element, stringWidths[i]), element));
        }
        return TableLayout.of(specs);
    }

    /**
     * The element of a LIST column in the three-level form the Parquet format specifies (and pyarrow, DuckDB and
     * we write): {@code <optional|required> group name (LIST) { repeated group list { <element>; } }}; null for
     * any other column.
     */
    static PrimitiveType listElement(Type field) {
        if (field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED)
                || !(field.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation)) {
            return null;
        }
        GroupType outer = field.asGroupType();
        if (outer.getFieldCount() != 1 || outer.getType(0).isPrimitive()
                || !outer.getType(0).isRepetition(Type.Repetition.REPEATED)) {
            return null;
        }
        GroupType repeated = outer.getType(0).asGroupType();
        if (repeated.getFieldCount() != 1 || !repeated.getType(0).isPrimitive()
                || repeated.getType(0).isRepetition(Type.Repetition.REPEATED)) {
            return null;
        }
        return repeated.getType(0).asPrimitiveType();
    }

    /** Whether column {@code i} (or the element of list column {@code i}) is a variable-length string to measure. */
    static boolean isVariableString(MessageType schema, int i) {
        Type t = schema.getType(i);
        PrimitiveType element = listElement(t);
        if (element != null) {
            t = element;
        }
        return t.isPrimitive() && t.asPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.BINARY;
    }

    /**
     * What {@code battdat_array_members} records of one array member (or complex column): its numpy dtype and
     * HDF5 shape, which a Parquet list (any number of elements per row) does not hold.
     *
     * @param dtype the member's numpy element dtype, e.g. {@code <f8} or {@code <c16}
     * @param shape the fixed shape, {@code [3]} for {@code (3,)f8}; empty for a scalar complex column
     */
    record ArrayMember(String dtype, int[] shape) {
        /** Values per row in the list: the elements of the shape, two per complex element. */
        int valuesPerRow() {
            int n = 1;
            for (int d : shape) {
                n = Math.multiplyExact(n, d);
            }
            return dtype.indexOf('c') >= 0 ? 2 * n : n;
        }

        ColumnSpec spec(String name, ColumnSpec element, PrimitiveType parquetElement) throws NotATableException {
            boolean complex = dtype.endsWith("c8") || dtype.endsWith("c16");
            if (complex) {
                if (parquetElement.getPrimitiveTypeName() != PrimitiveTypeName.DOUBLE) {
                    throw new NotATableException("column '" + name + "' is recorded as " + dtype + " but its list "
                            + "holds " + parquetElement.getPrimitiveTypeName() + ", not DOUBLE");
                }
                return ColumnSpec.builder(name, dtype.endsWith("c8") ? StorageType.COMPLEX64 : StorageType.COMPLEX128)
                        .shape(shape).build();
            }
            if (shape.length == 0) {
                throw new NotATableException("column '" + name + "' is recorded with an empty shape; a list column "
                        + "reads as an array member");
            }
            return ColumnSpec.builder(name, element.type()).itemSize(element.itemSize()).shape(shape).build();
        }

        /** The {@code battdat_array_members} entry of a column, or null for a plain scalar column. */
        static ArrayMember of(ColumnSpec c) {
            return c.isArray() || c.type().numpyKind() == 'c' ? new ArrayMember(c.numpyDtype(), c.shape()) : null;
        }
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
     * The Parquet schema for a battdat layout. Scalars are OPTIONAL primitives; an array member (and a complex
     * column, as its real and imaginary parts) is an OPTIONAL LIST of REQUIRED elements holding the row's values in
     * row-major order, whose shape and dtype {@code battdat_array_members} records.
     *
     * @throws IllegalArgumentException naming the first column Parquet cannot hold
     */
    static MessageType schemaOf(TableLayout layout) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (ColumnSpec c : layout.columns()) {
            ArrayMember member = ArrayMember.of(c);
            if (member != null && (long) member.valuesPerRow() >= MAX_LIST_VALUES) {
                throw new IllegalArgumentException("column '" + c.name() + "' is an array member " + c + " of "
                        + member.valuesPerRow() + " values per row; the Parquet layout holds at most "
                        + (MAX_LIST_VALUES - 1));
            }
            if (member == null) {
                b.addField(primitive(c, Type.Repetition.OPTIONAL).named(c.name()));
            } else {
                PrimitiveType element = primitive(c, Type.Repetition.REQUIRED).named("element");
                b.addField(Types.optionalGroup().as(LogicalTypeAnnotation.listType())
                        .addField(Types.repeatedGroup().addField(element).named("list")).named(c.name()));
            }
        }
        return b.named(SCHEMA_NAME);
    }

    private static Types.PrimitiveBuilder<PrimitiveType> primitive(ColumnSpec c, Type.Repetition repetition) {
        return switch (c.type()) {
            case FLOAT64, COMPLEX64, COMPLEX128 -> Types.primitive(PrimitiveTypeName.DOUBLE, repetition);
            case FLOAT32 -> Types.primitive(PrimitiveTypeName.FLOAT, repetition);
            case FLOAT16 -> Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, repetition).length(2)
                    .as(LogicalTypeAnnotation.float16Type());
            case INT8 -> Types.primitive(PrimitiveTypeName.INT32, repetition).as(LogicalTypeAnnotation.intType(8, true));
            case INT16 -> Types.primitive(PrimitiveTypeName.INT32, repetition)
                    .as(LogicalTypeAnnotation.intType(16, true));
            case INT32 -> Types.primitive(PrimitiveTypeName.INT32, repetition);
            case INT64 -> Types.primitive(PrimitiveTypeName.INT64, repetition);
            case UINT8 -> Types.primitive(PrimitiveTypeName.INT32, repetition)
                    .as(LogicalTypeAnnotation.intType(8, false));
            case UINT16 -> Types.primitive(PrimitiveTypeName.INT32, repetition)
                    .as(LogicalTypeAnnotation.intType(16, false));
            case UINT32 -> Types.primitive(PrimitiveTypeName.INT32, repetition)
                    .as(LogicalTypeAnnotation.intType(32, false));
            case UINT64 -> Types.primitive(PrimitiveTypeName.INT64, repetition)
                    .as(LogicalTypeAnnotation.intType(64, false));
            case BOOL -> Types.primitive(PrimitiveTypeName.BOOLEAN, repetition);
            case STRING -> Types.primitive(PrimitiveTypeName.BINARY, repetition).as(LogicalTypeAnnotation.stringType());
        };
    }
}
