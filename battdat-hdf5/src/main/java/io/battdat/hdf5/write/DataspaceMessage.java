package io.battdat.hdf5.write;

/**
 * The Dataspace Message (type 0x0001; IV.A.2.b): version 1 for scalars and extendible 1-D tables, version 2 for
 * the NULL dataspace PyTables gives empty-string attributes (hdf5-on-disk.md 4.1).
 */
final class DataspaceMessage {
    static final int TYPE = 0x0001;
    /** Offset of dims[0] within an extendible 1-D dataspace message's data: the commit point of an append. */
    static final int CURRENT_SIZE_OFFSET = 8;

    private DataspaceMessage() {
    }

    static byte[] scalar() {
        return new Bytes().u8(1).u8(0).u8(0).zeros(5).toArray();
    }

    static byte[] nullSpace() {
        return new Bytes().u8(2).u8(0).u8(0).u8(2).toArray();
    }

    /** Rank 1, current size {@code rows}, unlimited maximum. */
    static byte[] extendible(long rows) {
        return new Bytes().u8(1).u8(1).u8(1).zeros(5).u64(rows).u64(Bytes.UNDEFINED).toArray();
    }
}
