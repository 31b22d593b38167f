package io.battdat.hdf5.write;

import io.battdat.hdf5.ObjectHeaderV1;

import java.nio.ByteBuffer;

/**
 * The Dataspace Message (type 0x0001; IV.A.2.b): version 1 for scalars and extendible 1-D tables, version 2 for
 * the NULL dataspace PyTables gives empty-string attributes (docs/commit-protocol.md section 2.3).
 */
final class DataspaceMessage {
    static final int TYPE = ObjectHeaderV1.MessageType.DATASPACE;
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

    /** Rank of an existing dataspace. */
    static int rank(ByteBuffer data) {
        return data.get(1) & 0xff;
    }

    /** Whether an existing rank-1 dataspace may grow without limit (a maximum size that is "unlimited"). */
    static boolean unlimited(ByteBuffer data) {
        boolean hasMax = (data.get(2) & 1) != 0;
        return hasMax && data.getLong(ObjectHeaderV1.currentSizeOffset(data) + 8) == Bytes.UNDEFINED;
    }
}
