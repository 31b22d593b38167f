package io.battdat.hdf5.write;

import io.battdat.api.ErrorLocation;
import io.battdat.api.UnsupportedFeatureException;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.TableLayout;
import io.battdat.hdf5.ObjectHeaderV1;

import java.nio.charset.StandardCharsets;

/**
 * The Datatype Message (type 0x0003; File Format Specification IV.A.2.d) as PyTables writes it for battdat tables
 * (docs/commit-protocol.md section 2.3): IEEE floats (64, 32 and 16 bits), complex numbers as {r, i} compounds,
 * fixed-point integers, bool as an 8-bit bitfield, ASCII fixed strings, in either byte order, and a version 1 compound
 * of them with members packed in column order (version 2 when a member is an array).
 */
final class DatatypeMessage {
    static final int TYPE = ObjectHeaderV1.MessageType.DATATYPE;

    private DatatypeMessage() {
    }

    /** Bytes per element of a layout (members packed without alignment). */
    static int elementSize(TableLayout layout) {
        int size = 0;
        for (ColumnSpec c : layout.columns()) {
            size += c.itemSize() * c.elementsPerRow();
        }
        return size;
    }

    /** The compound type of a table's rows. */
    static byte[] compound(TableLayout layout) {
        boolean arrays = layout.columns().stream().anyMatch(ColumnSpec::isArray);
        // version 1 cannot hold array members; PyTables switches to version 2 exactly then
        Bytes b = new Bytes().u8(arrays ? 0x26 : 0x16).u16(layout.size()).u8(0).u32(elementSize(layout));
        int offset = 0;
        for (ColumnSpec c : layout.columns()) {
            byte[] name = c.name().getBytes(StandardCharsets.UTF_8);
            // the name's own length (with its NUL) is padded to 8, wherever it starts
            b.bytes(name).zeros(Bytes.pad8(name.length + 1) - name.length);
            if (arrays) {
                b.u32(offset).bytes(c.isArray() ? array(c) : member(c));
            } else {
                b.u32(offset).u8(0).zeros(3).u32(0).u32(0).zeros(16).bytes(member(c));
            }
            offset += c.itemSize() * c.elementsPerRow();
        }
        return b.toArray();
    }

    /** An Array datatype (class 10, version 2) of the member's element type and shape. */
    static byte[] array(ColumnSpec c) {
        int[] shape = c.shape();
        Bytes b = new Bytes().u8(0x2a).u8(0).u8(0).u8(0).u32((long) c.itemSize() * c.elementsPerRow())
                .u8(shape.length).zeros(3);
        for (int d : shape) {
            b.u32(d);
        }
        for (int i = 0; i < shape.length; i++) {
            b.u32(i);
        }
        return b.bytes(member(c)).toArray();
    }

    /** The datatype of one member (also the type of its FIELD_i_FILL attribute), in the member's byte order. */
    static byte[] member(ColumnSpec c) {
        int order = c.bigEndian() ? 1 : 0;
        return switch (c.type()) {
            case FLOAT64 -> float64(order);
            case FLOAT32 -> float32(order);
            case FLOAT16 -> new Bytes().u8(0x11).u8(0x20 | order).u8(0x0f).u8(0).u32(2)
                    .u16(0).u16(16).u8(10).u8(5).u8(0).u8(10).u32(15).toArray();
            case COMPLEX128 -> complex(float64(order), 8);
            case COMPLEX64 -> complex(float32(order), 4);
            case INT8, INT16, INT32, INT64 -> integer(c.itemSize(), true, order);
            case UINT8, UINT16, UINT32, UINT64 -> integer(c.itemSize(), false, order);
            case BOOL -> new Bytes().u8(0x14).u8(0).u8(0).u8(0).u32(1).u16(0).u16(8).toArray();
            case STRING -> string(c.itemSize(), false);
            default -> throw new UnsupportedFeatureException(ErrorLocation.NONE,
                    "writing " + c + " columns is not supported", null);
        };
    }

    private static byte[] float64(int order) {
        return new Bytes().u8(0x11).u8(0x20 | order).u8(0x3f).u8(0).u32(8)
                .u16(0).u16(64).u8(52).u8(11).u8(0).u8(52).u32(1023).toArray();
    }

    private static byte[] float32(int order) {
        return new Bytes().u8(0x11).u8(0x20 | order).u8(0x1f).u8(0).u32(4)
                .u16(0).u16(32).u8(23).u8(8).u8(0).u8(23).u32(127).toArray();
    }

    /**
     * PyTables' (and numpy's) complex: a nested version 1 compound {r, i} of two floats (docs/format.md section 2.7).
     */
    private static byte[] complex(byte[] part, int partSize) {
        Bytes b = new Bytes().u8(0x16).u16(2).u8(0).u32(2L * partSize);
        int offset = 0;
        for (String name : new String[]{"r", "i"}) {
            b.bytes(name.getBytes(StandardCharsets.US_ASCII)).zeros(Bytes.pad8(name.length() + 1) - name.length());
            b.u32(offset).u8(0).zeros(3).u32(0).u32(0).zeros(16).bytes(part);
            offset += partSize;
        }
        return b.toArray();
    }

    private static byte[] integer(int size, boolean signed, int order) {
        return new Bytes().u8(0x10).u8((signed ? 0x08 : 0) | order).u8(0).u8(0).u32(size).u16(0).u16(8 * size)
                .toArray();
    }

    /** A fixed-length, NUL-terminated string type: ASCII for table members, UTF-8 for PyTables' attributes. */
    static byte[] string(int size, boolean utf8) {
        return new Bytes().u8(0x13).u8(utf8 ? 0x10 : 0).u8(0).u8(0).u32(size).toArray();
    }

    /** H5T_STD_I64LE, the type of NROWS. */
    static byte[] int64() {
        return integer(8, true, 0);
    }
}
