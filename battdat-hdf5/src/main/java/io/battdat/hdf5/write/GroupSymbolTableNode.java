package io.battdat.hdf5.write;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A Group Symbol Table Node, "SNOD" (III.B): up to 8 Symbol Table Entries (III.C) sorted by name; 328 bytes.
 * Entries of groups have cache type 1 with their B-tree and heap in the scratch pad; datasets cache type 0.
 */
final class GroupSymbolTableNode {
    static final int CAPACITY = 8;
    static final int SIZE = 8 + CAPACITY * 40;

    /**
     * One link.
     *
     * @param nameOffset   offset of the name in the parent's local heap
     * @param headerAddress the object header
     * @param btree        for groups: their B-tree address, else 0
     * @param heap         for groups: their heap address, else 0
     */
    record Entry(long nameOffset, long headerAddress, long btree, long heap, boolean group) {
    }

    private GroupSymbolTableNode() {
    }

    static byte[] encode(List<Entry> entries) {
        Bytes b = new Bytes().bytes("SNOD".getBytes(StandardCharsets.US_ASCII)).u8(1).u8(0).u16(entries.size());
        for (Entry e : entries) {
            b.u64(e.nameOffset()).u64(e.headerAddress()).u32(e.group() ? 1 : 0).u32(0);
            if (e.group()) {
                b.u64(e.btree()).u64(e.heap());
            } else {
                b.zeros(16);
            }
        }
        b.zeros((CAPACITY - entries.size()) * 40);
        return b.toArray();
    }
}
