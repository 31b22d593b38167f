package io.battdat.hdf5.write;

import io.battdat.api.BadFormatException;
import io.battdat.api.UnsupportedFeatureException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A group's links as a version 0 file stores them (III.B-III.D): a group B-tree (node type 0) over Symbol Table
 * Nodes, whose entries name their objects by offsets into the group's Local Heap. Existing tables are read whole;
 * a change is written as a complete new copy (heap, nodes, B-tree) at the end of the file, which the caller makes
 * visible by swinging the 16 bytes of the group's Symbol Table Message: the copy-on-write that keeps the old
 * links valid until that one write (docs/commit-protocol.md section 9 leaves adding groups in place out for this
 * reason).
 */
final class SymbolTable {
    private static final int MAX_DEPTH = 16;

    /**
     * One link.
     *
     * @param header   the object's header address
     * @param group    whether the entry caches a group's B-tree and heap (cache type 1)
     * @param btree    the cached B-tree address of a group
     * @param heap     the cached heap address of a group
     */
    record Link(long header, boolean group, long btree, long heap) {
    }

    /** Where a copy was written: the values of the group's Symbol Table Message. */
    record Written(long btree, long heap) {
    }

    /** Links by name, in HDF5's order (byte-wise comparison of the UTF-8 names). */
    private final Map<String, Link> links = new TreeMap<>((a, b) -> Arrays.compare(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));

    SymbolTable() {
    }

    Map<String, Link> links() {
        return links;
    }

    /** Reads the links of the group whose Symbol Table Message holds {@code btree} and {@code heap}. */
    static SymbolTable read(Hdf5Channel file, String group, long btree, long heap) {
        SymbolTable table = new SymbolTable();
        ByteBuffer h = file.read(heap, 32);
        if (h.get(0) != 'H' || h.get(1) != 'E' || h.get(2) != 'A' || h.get(3) != 'P') {
            throw new BadFormatException(file.file(), group, "no local heap signature at address " + heap);
        }
        long size = h.getLong(8);
        if (size < 0 || size > (1 << 24)) {
            throw new BadFormatException(file.file(), group, "local heap at " + heap + " claims " + size + " bytes");
        }
        ByteBuffer names = file.read(h.getLong(24), (int) size);
        table.readNode(file, group, btree, names, 0, new HashSet<>());
        return table;
    }

    private void readNode(Hdf5Channel file, String group, long address, ByteBuffer names, int depth, Set<Long> seen) {
        if (depth > MAX_DEPTH || !seen.add(address)) {
            throw new BadFormatException(file.file(), group, "group B-tree loops or is too deep at " + address);
        }
        BTreeV1GroupNode.Node node = BTreeV1GroupNode.read(file, group, address);
        for (long child : node.children()) {
            if (node.level() > 0) {
                readNode(file, group, child, names, depth + 1, seen);
            } else {
                readSymbolNode(file, group, child, names);
            }
        }
    }

    private void readSymbolNode(Hdf5Channel file, String group, long address, ByteBuffer names) {
        ByteBuffer b = file.read(address, GroupSymbolTableNode.SIZE);
        if (b.get(0) != 'S' || b.get(1) != 'N' || b.get(2) != 'O' || b.get(3) != 'D') {
            throw new BadFormatException(file.file(), group, "no symbol table node signature at address " + address);
        }
        int count = b.getShort(6) & 0xffff;
        if (count > GroupSymbolTableNode.CAPACITY) {
            throw new UnsupportedFeatureException(file.file(), group, "symbol table node at " + address + " holds "
                    + count + " entries; this writer handles HDF5's default of at most " + GroupSymbolTableNode.CAPACITY);
        }
        for (int i = 0; i < count; i++) {
            int p = 8 + 40 * i;
            String name = nameAt(file, group, names, b.getLong(p));
            boolean cached = b.getInt(p + 16) == 1;
            links.put(name, new Link(b.getLong(p + 8), cached, cached ? b.getLong(p + 24) : 0,
                    cached ? b.getLong(p + 32) : 0));
        }
    }

    private static String nameAt(Hdf5Channel file, String group, ByteBuffer names, long offset) {
        if (offset < 0 || offset >= names.limit()) {
            throw new BadFormatException(file.file(), group, "link name offset " + offset + " outside the local heap");
        }
        int end = (int) offset;
        while (end < names.limit() && names.get(end) != 0) {
            end++;
        }
        byte[] b = new byte[end - (int) offset];
        names.get((int) offset, b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Writes a complete copy (heap, symbol table nodes, B-tree) at the end of the file. */
    Written write(Hdf5Channel file, String group) {
        List<String> names = new ArrayList<>(links.keySet());
        if (names.size() > BTreeV1GroupNode.CHILDREN * GroupSymbolTableNode.CAPACITY) {
            throw new UnsupportedFeatureException(file.file(), group, "more than "
                    + BTreeV1GroupNode.CHILDREN * GroupSymbolTableNode.CAPACITY + " objects in one group");
        }
        LocalHeap heap = new LocalHeap(names);
        long heapAddress = file.end();
        byte[] heapBytes = heap.encode(heapAddress);
        file.allocate(heapBytes, heapBytes.length);
        int nodes = (names.size() + GroupSymbolTableNode.CAPACITY - 1) / GroupSymbolTableNode.CAPACITY;
        long[] keys = new long[nodes + 1];
        long[] children = new long[nodes];
        for (int s = 0; s < nodes; s++) {
            List<GroupSymbolTableNode.Entry> entries = new ArrayList<>();
            List<String> part = names.subList(s * GroupSymbolTableNode.CAPACITY,
                    Math.min(names.size(), (s + 1) * GroupSymbolTableNode.CAPACITY));
            for (String n : part) {
                Link l = links.get(n);
                entries.add(new GroupSymbolTableNode.Entry(heap.offsetOf(n), l.header(), l.btree(), l.heap(), l.group()));
            }
            byte[] snod = GroupSymbolTableNode.encode(entries);
            children[s] = file.allocate(snod, snod.length);
            keys[s + 1] = heap.offsetOf(part.get(part.size() - 1));
        }
        byte[] tree = BTreeV1GroupNode.group(keys, children);
        return new Written(file.allocate(tree, tree.length), heapAddress);
    }
}
