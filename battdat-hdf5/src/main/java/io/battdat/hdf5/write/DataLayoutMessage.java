package io.battdat.hdf5.write;

import io.battdat.hdf5.ObjectHeaderV1;

import java.nio.ByteBuffer;

/**
 * The Data Layout Message (type 0x0008; IV.A.2.i), version 3, chunked: the chunk B-tree's address and the chunk
 * dimensions {rows per chunk, element size} (docs/commit-protocol.md section 2.3).
 */
final class DataLayoutMessage {
    static final int TYPE = ObjectHeaderV1.MessageType.LAYOUT;
    /** Offset of the B-tree address within the message data (never 8-aligned). */
    static final int BTREE_ADDRESS_OFFSET = 3;

    private DataLayoutMessage() {
    }

    static byte[] chunked(long btreeAddress, int chunkRows, int elementSize) {
        return new Bytes().u8(3).u8(2).u8(2).u64(btreeAddress).u32(chunkRows).u32(elementSize).pad8().toArray();
    }

    /** Whether an existing message is version 3 with chunked storage: the only layout an append updates. */
    static boolean isChunkedV3(ByteBuffer data) {
        return data.limit() >= 19 && ObjectHeaderV1.isChunkedV3(data) && data.get(2) == 2;
    }

    static long btreeAddress(ByteBuffer data) {
        return ObjectHeaderV1.chunkIndexAddress(data);
    }

    static int chunkRows(ByteBuffer data) {
        return data.getInt(11);
    }

    static int elementSize(ByteBuffer data) {
        return data.getInt(15);
    }
}
