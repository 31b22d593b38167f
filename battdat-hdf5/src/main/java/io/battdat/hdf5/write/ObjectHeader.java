package io.battdat.hdf5.write;

import io.battdat.hdf5.ObjectHeaderV1;

import java.util.List;

/**
 * A version 1 Data Object Header (IV.A.1.a) with all its messages in one chunk: a 16-byte prefix, then each
 * message as type, size (padded to 8), flags and data. Also builds the small fixed messages PyTables writes:
 * Fill Value (version 2, default zero fill), Symbol Table and Modification Time. Existing headers are parsed by
 * {@link ObjectHeaderV1}, continuation chunks included, to find the fields an append updates in place.
 */
final class ObjectHeader {
    private final Bytes messages = new Bytes();
    private int count;

    /** Adds a message; flags 1 ("constant") as HDF5 sets on datatype, fill value and filter pipeline. */
    ObjectHeader add(int type, byte[] data, boolean constant) {
        int size = Bytes.pad8(data.length);
        messages.u16(type).u16(size).u8(constant ? 1 : 0).zeros(3).bytes(data).zeros(size - data.length);
        count++;
        return this;
    }

    byte[] encode() {
        byte[] body = messages.toArray();
        return new Bytes().u8(1).u8(0).u16(count).u32(1).u32(body.length).u32(0).bytes(body).toArray();
    }

    static byte[] fillValue() {
        return new Bytes().u8(2).u8(3).u8(0).u8(1).u32(0).toArray();
    }

    static byte[] symbolTable(long btree, long heap) {
        return new Bytes().u64(btree).u64(heap).toArray();
    }

    static byte[] modificationTime(long epochSeconds) {
        return new Bytes().u8(1).zeros(3).u32(epochSeconds).toArray();
    }

    /** Reads every message of the version 1 object header at {@code address}, following continuation messages. */
    static List<ObjectHeaderV1.Message> read(Hdf5Channel file, long address, String object) {
        return ObjectHeaderV1.read(file.file(), file.channel(), file.base(), address, object);
    }
}
