package io.battdat.hdf5.write;

import io.battdat.api.BadFormatException;
import io.battdat.api.ErrorLocation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A Group Symbol Table Node, "SNOD" (III.B): version 1, the number of symbols, then room for 2K Symbol Table
 * Entries (III.C), K being the superblock's "group leaf node K" (4 in every file PyTables writes: 8 entries, 328
 * bytes). Entries are sorted by name. A node is always written whole at a new address (a changed node is a copy),
 * so a reader sees the old node or the new one.
 */
final class GroupSymbolTableNode {
    /** Symbol table entry size with 8-byte addresses: name offset, header, cache type, reserved, scratch pad. */
    static final int ENTRY_SIZE = 40;
    /** Cache type of a group's entry: the scratch pad holds its B-tree and heap addresses. */
    static final int CACHE_GROUP = 1;

    /**
     * One Symbol Table Entry, kept as stored so that entries this writer does not change (soft links, cache type 2)
     * are copied exactly.
     *
     * @param nameOffset    offset of the name in the group's local heap
     * @param headerAddress the object header
     * @param cacheType     0 nothing cached, 1 a group's B-tree and heap, 2 a soft link's value offset
     * @param scratch0      first 8 bytes of the scratch pad (a group's B-tree address)
     * @param scratch1      last 8 bytes of the scratch pad (a group's heap address)
     */
    record Entry(long nameOffset, long headerAddress, int cacheType, long scratch0, long scratch1) {
    }

    /** The entries, sorted by name; at most 2K. */
    final List<Entry> entries;
    /** The live address, or {@link Bytes#UNDEFINED} while this node is a copy not yet written. */
    long address = Bytes.UNDEFINED;

    GroupSymbolTableNode(List<Entry> entries) {
        this.entries = entries;
    }

    static int size(int leafK) {
        return 8 + 2 * leafK * ENTRY_SIZE;
    }

    /** Reads the node at {@code address}; more than 2K entries is damage. */
    static GroupSymbolTableNode read(Hdf5Channel file, String group, long address, int leafK) {
        ByteBuffer b = file.read(address, size(leafK));
        if (b.get(0) != 'S' || b.get(1) != 'N' || b.get(2) != 'O' || b.get(3) != 'D') {
            throw new BadFormatException(ErrorLocation.of(file.file(), group),
                    "no symbol table node signature at address " + address, null);
        }
        int count = b.getShort(6) & 0xffff;
        if (count > 2 * leafK) {
            throw new BadFormatException(ErrorLocation.of(file.file(), group),
                    "symbol table node at " + address + " holds " + count
                    + " entries; the superblock allows " + 2 * leafK, null);
        }
        List<Entry> entries = new ArrayList<>(2 * leafK);
        for (int i = 0; i < count; i++) {
            int p = 8 + ENTRY_SIZE * i;
            entries.add(new Entry(b.getLong(p), b.getLong(p + 8), b.getInt(p + 16), b.getLong(p + 24),
                    b.getLong(p + 32)));
        }
        GroupSymbolTableNode node = new GroupSymbolTableNode(entries);
        node.address = address;
        return node;
    }

    byte[] encode(int leafK) {
        Bytes b = new Bytes().bytes("SNOD".getBytes(StandardCharsets.US_ASCII)).u8(1).u8(0).u16(entries.size());
        for (Entry e : entries) {
            b.u64(e.nameOffset()).u64(e.headerAddress()).u32(e.cacheType()).u32(0).u64(e.scratch0()).u64(e.scratch1());
        }
        return b.zeros(size(leafK) - b.size()).toArray();
    }
}
