package io.battdat.hdf5;

import io.battdat.api.BadFormatException;
import io.battdat.api.ErrorLocation;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A node of a version 1 B-tree of node type 1 (III.A.1): a chunked dataset's chunk index, as the follower reads it
 * and the appender reads and writes it. A node of n entries holds n children and n + 1 keys; a key of a dataset of
 * rank r holds the chunk's stored size, its filter mask and r + 1 offsets, the first of which is the chunk's first
 * row for a table. Entry i covers the rows from its key to key i + 1; the last key is the node's bound.
 *
 * <p>Internal to battdat-hdf5: public only because its writer package shares it; not an API.
 *
 * @param address      where the node starts
 * @param level        0 for leaves (whose children are chunks), else the height above them
 * @param leftSibling  the left sibling's address, all ones when none
 * @param rightSibling the right sibling's address, all ones when none
 * @param entries      the keys and children, in row order
 * @param bound        the last key
 */
public record BTreeV1ChunkNode(long address, int level, long leftSibling, long rightSibling, List<Entry> entries,
                               Key bound) {
    /** The undefined address (all bits set). */
    static final long UNDEFINED = -1L;
    /** Where the left sibling's address sits in a node. */
    public static final int LEFT_SIBLING = 8;
    /** Where the right sibling's address sits in a node: what a split or a copy of the right neighbour updates. */
    public static final int RIGHT_SIBLING = 16;
    /** Bytes before the first key: signature, type, level, entries used, two sibling addresses. */
    static final int HEADER_SIZE = 24;
    /** A table's key: chunk size, filter mask, first row, element offset 0. */
    static final int TABLE_KEY_SIZE = 24;
    private static final int MAX_ENTRIES = 1 << 12;

    /**
     * A key: a chunk's stored size and filter mask, and the first row it covers.
     *
     * @param chunkBytes    the chunk's size on disk (after filters)
     * @param filterMask    bit i set: filter i of the pipeline was skipped for this chunk
     * @param firstRow      the first row covered
     * @param elementOffset the key's last offset: 0 in a table's keys, the element size in HDF5's right bound
     */
    public record Key(int chunkBytes, int filterMask, long firstRow, long elementOffset) {
    }

    /**
     * A key with the child it leads to.
     *
     * @param chunkBytes the chunk's size on disk, or the first chunk's below a node
     * @param filterMask the chunk's filter mask
     * @param firstRow   the first row covered
     * @param child      the chunk's address at level 0, else the child node's
     */
    public record Entry(int chunkBytes, int filterMask, long firstRow, long child) {
    }

    public BTreeV1ChunkNode {
        entries = List.copyOf(entries);
    }

    /** The row bound of entry {@code i}: the next key's first row. */
    long endRow(int i) {
        return i + 1 < entries.size() ? entries.get(i + 1).firstRow() : bound.firstRow();
    }

    /**
     * Reads a node.
     *
     * @param rank  the key's dimensionality: the dataset's rank plus one (2 for a table)
     * @param table the table, for messages
     * @throws BadFormatException when the node has no chunk-node signature or more entries than HDF5 allows
     */
    public static BTreeV1ChunkNode read(Path file, FileChannel channel, long base, long address, int rank,
                                        String table) {
        ByteBuffer head = ObjectHeaderV1.read(file, channel, base, address, HEADER_SIZE);
        if (head.get(0) != 'T' || head.get(1) != 'R' || head.get(2) != 'E' || head.get(3) != 'E') {
            throw corrupt(file, table, address, "no B-tree signature");
        }
        if (head.get(4) != 1) {
            throw corrupt(file, table, address, "node type " + head.get(4) + ", not a chunk index node");
        }
        int level = head.get(5) & 0xff;
        int used = head.getShort(6) & 0xffff;
        if (used > MAX_ENTRIES) {
            throw corrupt(file, table, address, used + " entries");
        }
        int keySize = 8 + 8 * rank;
        ByteBuffer b = ObjectHeaderV1.read(file, channel, base, address + HEADER_SIZE,
                used * (keySize + 8) + keySize);
        List<Entry> entries = new ArrayList<>(used);
        for (int i = 0; i < used; i++) {
            int at = i * (keySize + 8);
            entries.add(new Entry(b.getInt(at), b.getInt(at + 4), b.getLong(at + 8), b.getLong(at + keySize)));
        }
        int last = used * (keySize + 8);
        Key bound = new Key(b.getInt(last), b.getInt(last + 4), b.getLong(last + 8), b.getLong(last + keySize - 8));
        return new BTreeV1ChunkNode(address, level, head.getLong(LEFT_SIBLING), head.getLong(RIGHT_SIBLING), entries,
                bound);
    }

    /**
     * Checks what a table's index node must hold to be appended to: 1 to {@code fanout} entries whose first rows
     * rise and are whole multiples of {@code chunkRows}.
     *
     * @throws BadFormatException naming the node and the first entry that breaks the rule
     */
    public void requireTableEntries(int fanout, long chunkRows, Path file, String table) {
        if (entries.isEmpty() || entries.size() > fanout) {
            throw corrupt(file, table, address, entries.size() + " entries (1 to " + fanout + " expected)");
        }
        long previous = -1;
        for (int i = 0; i < entries.size(); i++) {
            long first = entries.get(i).firstRow();
            if (first <= previous || first % chunkRows != 0) {
                throw corrupt(file, table, address, "entry " + i + " starts at row " + first);
            }
            previous = first;
        }
    }

    /** The key that bounds the entries before {@code next}: its own key, element offset 0. */
    public static Key keyOf(Entry next) {
        return new Key(next.chunkBytes(), next.filterMask(), next.firstRow(), 0);
    }

    /**
     * HDF5's bound of a right-most node (on-disk 5): chunk size 0, the row after the last chunk, and the element
     * size as the last offset.
     */
    public static Key rightBound(long endRow, int elementSize) {
        return new Key(0, 0, endRow, elementSize);
    }

    /**
     * The node as stored in a table's index (keys of rank 2), padded to {@code fanout} entries as HDF5 allocates
     * nodes at full size.
     */
    public byte[] encodeTableNode(int fanout) {
        if (entries.size() > fanout) {
            throw new IllegalArgumentException(entries.size() + " entries in a node of " + fanout);
        }
        ByteBuffer b = ByteBuffer.allocate(tableNodeSize(fanout)).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'T').put((byte) 'R').put((byte) 'E').put((byte) 'E').put((byte) 1).put((byte) level)
                .putShort((short) entries.size()).putLong(leftSibling).putLong(rightSibling);
        for (Entry e : entries) {
            b.putInt(e.chunkBytes()).putInt(e.filterMask()).putLong(e.firstRow()).putLong(0).putLong(e.child());
        }
        b.putInt(bound.chunkBytes()).putInt(bound.filterMask()).putLong(bound.firstRow())
                .putLong(bound.elementOffset());
        return b.array();
    }

    /** The size of a table's index node of {@code fanout} entries. */
    public static int tableNodeSize(int fanout) {
        return HEADER_SIZE + (fanout + 1) * TABLE_KEY_SIZE + fanout * 8;
    }

    /** The error for a damaged chunk index node: one message for the reader and the appender. */
    public static BadFormatException corrupt(Path file, String table, long address, String what) {
        return new BadFormatException(ErrorLocation.of(file, table),
                "corrupt chunk index node at address " + address + ": " + what, null);
    }
}
