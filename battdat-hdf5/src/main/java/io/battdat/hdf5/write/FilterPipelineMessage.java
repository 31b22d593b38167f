package io.battdat.hdf5.write;

import java.nio.charset.StandardCharsets;

/**
 * The Filter Pipeline Message (type 0x000B; IV.A.2.l), version 1, for PyTables' zlib compression: shuffle (2) with
 * the element size, then deflate (1) with the level, both optional (hdf5-on-disk.md 4.5).
 */
final class FilterPipelineMessage {
    static final int TYPE = 0x000B;

    private FilterPipelineMessage() {
    }

    static byte[] shuffleDeflate(int elementSize, int level) {
        Bytes b = new Bytes().u8(1).u8(2).zeros(6);
        filter(b, 2, "shuffle", elementSize);
        filter(b, 1, "deflate", level);
        return b.toArray();
    }

    private static void filter(Bytes b, int id, String name, int value) {
        byte[] n = (name + "\0").getBytes(StandardCharsets.US_ASCII);
        b.u16(id).u16(Bytes.pad8(n.length)).u16(1).u16(1).bytes(n).pad8().u32(value).u32(0);
    }
}
