package io.battdat.hdf5.write;

import io.battdat.api.ErrorLocation;
import io.battdat.api.WriteException;
import io.battdat.hdf5.ObjectHeaderV1;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The Attribute Message (type 0x000C; IV.A.2.m), version 1: name, datatype and dataspace each padded to 8, then
 * the value. PyTables' string attributes are UTF-8 fixed strings of their exact byte length; an empty string has a
 * NULL dataspace; battdat's pickled {@code json_schema} is ASCII (docs/commit-protocol.md section 2.3).
 */
final class AttributeMessage {
    static final int TYPE = ObjectHeaderV1.MessageType.ATTRIBUTE;
    /** HDF5 refuses (or, near the limit, corrupts) larger header messages (docs/commit-protocol.md section 2.6). */
    static final int MAX_MESSAGE = 65528;

    private AttributeMessage() {
    }

    static byte[] of(String name, byte[] datatype, byte[] dataspace, byte[] value) {
        byte[] n = (name + "\0").getBytes(StandardCharsets.UTF_8);
        Bytes b = new Bytes().u8(1).u8(0).u16(n.length).u16(datatype.length).u16(dataspace.length);
        b.bytes(n).pad8().bytes(datatype).pad8().bytes(dataspace).pad8().bytes(value).pad8();
        if (b.size() > MAX_MESSAGE) {
            throw new WriteException(ErrorLocation.NONE, "attribute " + name + " is " + value.length
                    + " bytes; HDF5 object headers hold attributes up to about 65,488 bytes", null);
        }
        return b.toArray();
    }

    /** A string attribute as PyTables stores a Python str (UTF-8; empty = NULL dataspace). */
    static byte[] text(String name, String value) {
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        if (v.length == 0) {
            return of(name, DatatypeMessage.string(1, true), DataspaceMessage.nullSpace(), new byte[0]);
        }
        return of(name, DatatypeMessage.string(v.length, true), DataspaceMessage.scalar(), v);
    }

    /** A scalar int64 attribute (NROWS). */
    static byte[] int64(String name, long value) {
        return of(name, DatatypeMessage.int64(), DataspaceMessage.scalar(), new Bytes().u64(value).toArray());
    }

    /** The name of an existing attribute (versions 1 to 3). */
    static String name(ByteBuffer data) {
        int version = data.get(0) & 0xff;
        int nameSize = data.getShort(2) & 0xffff;
        int at = version == 3 ? 9 : 8;
        if (nameSize == 0 || at + nameSize > data.limit()) {
            return "";
        }
        byte[] b = new byte[nameSize - 1];
        data.get(at, b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Offset of an existing attribute's value within the message data (version 1 pads each part to 8). */
    static int valueOffset(ByteBuffer data) {
        int version = data.get(0) & 0xff;
        int name = data.getShort(2) & 0xffff;
        int type = data.getShort(4) & 0xffff;
        int space = data.getShort(6) & 0xffff;
        return version == 1 ? 8 + Bytes.pad8(name) + Bytes.pad8(type) + Bytes.pad8(space)
                : (version == 3 ? 9 : 8) + name + type + space;
    }

    /** A pickled Python object as PyTables stores it: a fixed string with ASCII cset, unpickled on reading. */
    static byte[] pickled(String name, byte[] pickle) {
        return of(name, DatatypeMessage.string(pickle.length, false), DataspaceMessage.scalar(), pickle);
    }
}
