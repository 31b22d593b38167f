package io.battdat.hdf5;

import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.StorageType;
import io.battdat.api.data.TableLayout;
import io.jhdf.object.datatype.ArrayDataType;
import io.jhdf.object.datatype.BitField;
import io.jhdf.object.datatype.CompoundDataType;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.EnumDataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.datatype.StringData;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The compound datatype of a table mapped to columns, as PyTables reads it (docs/format.md section 2.7): IEEE floats,
 * fixed-point integers, 8-bit bitfields as bool, enums as their base integer, fixed-length strings, array members,
 * and {@code {r, i}} compounds as complex. Anything else makes the dataset something other than a table.
 *
 * @param members     the members in storage order
 * @param elementSize bytes per element (row)
 */
record CompoundLayout(List<CompoundMember> members, int elementSize) {

    /** Thrown when a compound holds a member PyTables would not read as a table column. */
    static final class NotATableException extends Exception {
        private static final long serialVersionUID = 1L;

        NotATableException(String message) {
            super(message, null, false, false);
        }
    }

    /** The columns as a layout. */
    TableLayout tableLayout() {
        List<ColumnSpec> specs = new ArrayList<>(members.size());
        for (CompoundMember m : members) {
            specs.add(m.spec());
        }
        return TableLayout.of(specs);
    }

    static CompoundLayout of(CompoundDataType compound) throws NotATableException {
        List<CompoundMember> members = new ArrayList<>();
        for (CompoundDataType.CompoundDataMember m : compound.getMembers()) {
            int[] legacyDims = m.getDimensionSize();
            ColumnSpec spec = columnFor(m.getName(), m.getDataType(), legacyDims == null ? new int[0] : legacyDims);
            if (m.getOffset() < 0 || (long) m.getOffset() + bytesOf(spec) > compound.getSize()) {
                throw new NotATableException("member " + m.getName() + " lies outside the " + compound.getSize()
                        + "-byte element");
            }
            members.add(new CompoundMember(spec, m.getOffset()));
        }
        if (members.isEmpty()) {
            throw new NotATableException("compound type has no members");
        }
        return new CompoundLayout(List.copyOf(members), compound.getSize());
    }

    private static long bytesOf(ColumnSpec spec) {
        return (long) spec.itemSize() * spec.elementsPerRow();
    }

    private static ColumnSpec columnFor(String name, DataType type, int[] shape) throws NotATableException {
        if (type instanceof ArrayDataType array) {
            int[] dims = array.getArrayTypeDimensions();
            int[] all = new int[shape.length + dims.length];
            System.arraycopy(shape, 0, all, 0, shape.length);
            System.arraycopy(dims, 0, all, shape.length, dims.length);
            return columnFor(name, array.getBaseType(), all);
        }
        if (type instanceof FloatingPoint f) {
            StorageType st = switch (f.getSize()) {
                case 2 -> StorageType.FLOAT16;
                case 4 -> StorageType.FLOAT32;
                case 8 -> StorageType.FLOAT64;
                default -> throw new NotATableException("member " + name + " is a " + f.getSize() + "-byte float");
            };
            return ColumnSpec.builder(name, st).shape(shape).bigEndian(f.getByteOrder() == ByteOrder.BIG_ENDIAN)
                    .build();
        }
        if (type instanceof FixedPoint i) {
            StorageType st = switch (i.getSize()) {
                case 1 -> i.isSigned() ? StorageType.INT8 : StorageType.UINT8;
                case 2 -> i.isSigned() ? StorageType.INT16 : StorageType.UINT16;
                case 4 -> i.isSigned() ? StorageType.INT32 : StorageType.UINT32;
                case 8 -> i.isSigned() ? StorageType.INT64 : StorageType.UINT64;
                default -> throw new NotATableException("member " + name + " is a " + i.getSize() + "-byte integer");
            };
            return ColumnSpec.builder(name, st).shape(shape).bigEndian(i.getByteOrder() == ByteOrder.BIG_ENDIAN)
                    .build();
        }
        if (type instanceof BitField b) {
            if (b.getSize() != 1) {
                throw new NotATableException("member " + name + " is a " + (8 * b.getSize()) + "-bit bitfield");
            }
            return ColumnSpec.builder(name, StorageType.BOOL).itemSize(1).shape(shape).build();
        }
        if (type instanceof EnumDataType e) {
            return columnFor(name, e.getBaseType(), shape);
        }
        if (type instanceof StringData s) {
            if (s.getSize() < 1) {
                throw new NotATableException("member " + name + " is a string of size " + s.getSize());
            }
            return ColumnSpec.builder(name, StorageType.STRING).itemSize(s.getSize()).shape(shape).build();
        }
        if (type instanceof CompoundDataType c && c.getMembers().size() == 2) {
            CompoundDataType.CompoundDataMember r = c.getMembers().get(0);
            CompoundDataType.CompoundDataMember im = c.getMembers().get(1);
            if (r.getName().equals("r") && im.getName().equals("i") && r.getDataType() instanceof FloatingPoint rf
                    && im.getDataType() instanceof FloatingPoint imf && rf.getSize() == imf.getSize()
                    && (rf.getSize() == 4 || rf.getSize() == 8) && r.getOffset() == 0 && im.getOffset() == rf.getSize()) {
                StorageType st = rf.getSize() == 4 ? StorageType.COMPLEX64 : StorageType.COMPLEX128;
                return ColumnSpec.builder(name, st).shape(shape).bigEndian(rf.getByteOrder() == ByteOrder.BIG_ENDIAN)
                        .build();
            }
        }
        throw new NotATableException("member " + name + " has HDF5 datatype class " + type.getDataClass()
                + " (" + type.getClass().getSimpleName() + "), which is not a table column type");
    }
}
