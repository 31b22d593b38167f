package io.battdat.hdf5.write;

import io.battdat.hdf5.ObjectHeaderV1;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Filter Pipeline Message (type 0x000B; IV.A.2.l), version 1, for PyTables' zlib compression (shuffle (2) with
 * the element size, then deflate (1) with the level, both optional; docs/commit-protocol.md section 2.3) and blosc
 * (32001).
 */
final class FilterPipelineMessage {
    static final int TYPE = ObjectHeaderV1.MessageType.FILTER_PIPELINE;

    private FilterPipelineMessage() {
    }

    static byte[] shuffleDeflate(int elementSize, int level) {
        Bytes b = new Bytes().u8(1).u8(2).zeros(6);
        filter(b, 2, "shuffle", elementSize);
        filter(b, 1, "deflate", level);
        return b.toArray();
    }

    /** PyTables' blosc: filter 32001, optional, with hdf5-blosc's seven client values. */
    static byte[] blosc(int[] clientData) {
        Bytes b = new Bytes().u8(1).u8(1).zeros(6);
        filter(b, 32001, "blosc", clientData);
        return b.toArray();
    }

    private static void filter(Bytes b, int id, String name, int... values) {
        byte[] n = (name + "\0").getBytes(StandardCharsets.US_ASCII);
        b.u16(id).u16(Bytes.pad8(n.length)).u16(1).u16(values.length).bytes(n).pad8();
        for (int v : values) {
            b.u32(v);
        }
        if (values.length % 2 == 1) {
            b.u32(0); // version 1 pads the client data to a multiple of 8 bytes
        }
    }

    /** One filter of an existing pipeline: its id and client data. */
    record Filter(int id, int[] clientData) {
    }

    /** The filters of an existing message, versions 1 and 2, in pipeline order. */
    static List<Filter> parse(ByteBuffer data) {
        int version = data.get(0) & 0xff;
        int count = data.get(1) & 0xff;
        int p = version == 1 ? 8 : 2;
        List<Filter> filters = new ArrayList<>();
        for (int f = 0; f < count; f++) {
            int id = data.getShort(p) & 0xffff;
            boolean named = version == 1 || id >= 256;
            int nameLength = named ? data.getShort(p + 2) & 0xffff : 0;
            int values = data.getShort(p + (named ? 6 : 4)) & 0xffff;
            p += (named ? 8 : 6) + nameLength;
            int[] cd = new int[values];
            for (int i = 0; i < values; i++) {
                cd[i] = data.getInt(p + 4 * i);
            }
            p += 4 * values;
            if (version == 1 && values % 2 == 1) {
                p += 4;
            }
            filters.add(new Filter(id, cd));
        }
        return filters;
    }
}
