package io.battdat.hdf5.write;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A group's Local Heap (III.D): a 32-byte header and a data segment of NUL-terminated link names, each padded to
 * 8, the empty name at offset 0 (docs/commit-protocol.md section 2.2). Sized exactly, with no free block.
 */
final class LocalHeap {
    static final int HEADER = 32;
    /** HDF5 marks "no free block" with offset 1 (H5HL_FREE_NULL); anything past the segment is refused. */
    private static final long FREE_LIST_END = 1;

    private final Map<String, Integer> offsets = new LinkedHashMap<>();
    private final byte[] data;

    LocalHeap(List<String> names) {
        Bytes segment = new Bytes().zeros(8);
        for (String n : names) {
            offsets.put(n, segment.size());
            segment.bytes(n.getBytes(StandardCharsets.UTF_8)).u8(0).pad8();
        }
        this.data = segment.toArray();
    }

    int offsetOf(String name) {
        return offsets.get(name);
    }

    /** Header then data segment, the segment right after the header at {@code address + 32}. */
    byte[] encode(long address) {
        return new Bytes().bytes("HEAP".getBytes(StandardCharsets.US_ASCII)).u8(0).zeros(3).u64(data.length)
                .u64(FREE_LIST_END).u64(address + HEADER).bytes(data).toArray();
    }

    int size() {
        return HEADER + data.length;
    }
}
