package io.battdat.hdf5.write;

import io.battdat.api.BadFormatException;
import io.battdat.hdf5.BTreeV1ChunkNode;
import io.battdat.hdf5.BTreeV1ChunkNode.Entry;

import java.util.ArrayList;
import java.util.List;

/**
 * A table's chunk index, a version 1 B-tree of node type 1 (III.A.1), grown by copy-on-write
 * (docs/commit-protocol.md section 4): only the right-most path (the spine) is held in memory. A commit writes new
 * copies of every spine node, with the new chunks, at the end of the file and returns the new root, which the caller
 * swings the layout message to; nodes off the spine are never touched, so the old tree stays valid until that swing.
 * Entries at or beyond the committed extent (orphans of an interrupted append) are dropped when the spine is read.
 * Nodes are read, checked and encoded by {@link BTreeV1ChunkNode}, the class the follower reads them with; this
 * class holds only the copy-on-write policy.
 */
final class ChunkBTree {
    /** Entries per node: 2K with HDF5's default K = 32 for chunk indexes. */
    static final int FANOUT = 64;
    static final int NODE_SIZE = BTreeV1ChunkNode.tableNodeSize(FANOUT);
    private static final int MAX_DEPTH = 16;

    /** A spine node while chunks are added to it: its entries grow until {@link #write()} encodes its copy. */
    private record Node(int level, List<Entry> entries, long left, long address) {
    }

    private final Hdf5Channel file;
    private final String table;
    private final int chunkRows;
    private final int elementSize;
    /** The right-most path, leaf first. */
    private List<Node> spine = new ArrayList<>();
    private boolean changed;
    /** {old left neighbour, its new right sibling}: written after the commit, for tools that follow siblings. */
    private final List<long[]> siblingUpdates = new ArrayList<>();

    private ChunkBTree(Hdf5Channel file, String table, int chunkRows, int elementSize) {
        this.file = file;
        this.table = table;
        this.chunkRows = chunkRows;
        this.elementSize = elementSize;
    }

    /** An index with no chunks (a table being created). */
    static ChunkBTree empty(Hdf5Channel file, String table, int chunkRows, int elementSize) {
        return new ChunkBTree(file, table, chunkRows, elementSize);
    }

    /**
     * Reads the spine of an existing index.
     *
     * @param root     the layout message's B-tree address ({@link Bytes#UNDEFINED} when no chunk exists)
     * @param rowBound rows below it are committed: ceil(rows / chunkRows) x chunkRows; entries from it on are orphans
     */
    static ChunkBTree read(Hdf5Channel file, String table, long root, long rowBound, int chunkRows, int elementSize) {
        ChunkBTree tree = new ChunkBTree(file, table, chunkRows, elementSize);
        List<Node> path = new ArrayList<>();
        long address = root;
        int expectedLevel = -1;
        while (address != Bytes.UNDEFINED && rowBound > 0) {
            if (path.size() == MAX_DEPTH) {
                throw tree.corrupt(address, "deeper than " + MAX_DEPTH + " levels");
            }
            Node node = tree.readNode(address);
            if (expectedLevel >= 0 && node.level() != expectedLevel) {
                throw tree.corrupt(address, "level " + node.level() + " where " + expectedLevel + " was expected");
            }
            List<Entry> kept = new ArrayList<>();
            for (Entry e : node.entries()) {
                if (e.firstRow() < rowBound) {
                    kept.add(e);
                }
            }
            if (kept.isEmpty()) {
                if (path.isEmpty()) {
                    break; // only orphans: the table has no committed chunk
                }
                throw tree.corrupt(address, "no entry below row " + rowBound + " although its parent points here");
            }
            path.add(new Node(node.level(), kept, node.left(), address));
            expectedLevel = node.level() - 1;
            address = node.level() == 0 ? Bytes.UNDEFINED : kept.get(kept.size() - 1).child();
            if (node.level() == 0) {
                break;
            }
        }
        if (!path.isEmpty() && path.get(path.size() - 1).level() != 0) {
            throw tree.corrupt(root, "the right-most path ends above the leaves");
        }
        java.util.Collections.reverse(path);
        tree.spine = path;
        // Orphans stay on disk, beyond the extent where readers ignore them, until a commit copies the spine.
        return tree;
    }

    /** The last chunk's entry, or null when there is none. */
    Entry lastChunk() {
        if (spine.isEmpty()) {
            return null;
        }
        List<Entry> leaf = spine.get(0).entries();
        return leaf.get(leaf.size() - 1);
    }

    /** Adds a chunk, or replaces the entry of a chunk with the same first row (a re-encoded partial chunk). */
    void put(long firstRow, int size, long address) {
        if (spine.isEmpty()) {
            spine.add(new Node(0, new ArrayList<>(), Bytes.UNDEFINED, Bytes.UNDEFINED));
        }
        List<Entry> leaf = spine.get(0).entries();
        Entry e = new Entry(size, 0, firstRow, address);
        if (!leaf.isEmpty() && leaf.get(leaf.size() - 1).firstRow() == firstRow) {
            leaf.set(leaf.size() - 1, e);
        } else {
            if (!leaf.isEmpty() && leaf.get(leaf.size() - 1).firstRow() > firstRow) {
                throw new IllegalStateException("chunk at row " + firstRow + " after one at "
                        + leaf.get(leaf.size() - 1).firstRow());
            }
            leaf.add(e);
        }
        changed = true;
    }

    /** The root's address as of the last {@link #write()}, or {@link Bytes#UNDEFINED}. */
    long root() {
        return spine.isEmpty() ? Bytes.UNDEFINED : spine.get(spine.size() - 1).address();
    }

    /** Whether chunks were added since the last {@link #write()}. */
    boolean changed() {
        return changed;
    }

    /**
     * Writes new copies of the spine, holding every added chunk, at the end of the file (step 2 of
     * docs/commit-protocol.md section 4) and returns the new root. Nothing that readers can reach is changed.
     */
    long write() {
        if (!changed) {
            return root();
        }
        List<Entry> leafEntries = spine.get(0).entries();
        long bound = leafEntries.get(leafEntries.size() - 1).firstRow() + chunkRows;
        List<Node> newSpine = new ArrayList<>();
        List<Entry> carry = List.of();
        long root;
        for (int level = 0; ; level++) {
            Node old = level < spine.size() ? spine.get(level) : null;
            List<Entry> entries = new ArrayList<>();
            if (level == 0) {
                entries.addAll(old.entries());
            } else {
                if (old != null) {
                    entries.addAll(old.entries().subList(0, old.entries().size() - 1));
                }
                entries.addAll(carry);
            }
            int nodes = (entries.size() + FANOUT - 1) / FANOUT;
            long start = file.end();
            long left = old == null ? Bytes.UNDEFINED : old.left();
            List<Entry> up = new ArrayList<>(nodes);
            for (int i = 0; i < nodes; i++) {
                List<Entry> part = entries.subList(i * FANOUT, Math.min(entries.size(), (i + 1) * FANOUT));
                long address = start + (long) i * NODE_SIZE;
                boolean rightMost = i + 1 == nodes;
                Entry rightKey = rightMost ? null : entries.get((i + 1) * FANOUT);
                byte[] node = encode(level, part, left, rightMost ? Bytes.UNDEFINED : address + NODE_SIZE, rightKey,
                        bound);
                if (file.allocate(node, node.length) != address) {
                    throw new IllegalStateException("B-tree nodes of one level must be contiguous");
                }
                Entry first = part.get(0);
                up.add(new Entry(first.chunkBytes(), first.filterMask(), first.firstRow(), address));
                if (rightMost) {
                    newSpine.add(new Node(level, new ArrayList<>(part), left, address));
                }
                left = address;
            }
            if (old != null && old.left() != Bytes.UNDEFINED && old.address() != Bytes.UNDEFINED) {
                siblingUpdates.add(new long[]{old.left(), start});
            }
            carry = up;
            if (level >= spine.size() - 1 && up.size() == 1) {
                root = up.get(0).child();
                break;
            }
        }
        spine = newSpine;
        changed = false;
        return root;
    }

    /**
     * Points the old left neighbours of the copied nodes at their copies (post-commit step 10 of
     * docs/commit-protocol.md section 4). Readers never follow sibling pointers; h5stat and later HDF5 splits do.
     */
    void updateSiblings() {
        for (long[] u : siblingUpdates) {
            file.writeLong(u[0] + BTreeV1ChunkNode.RIGHT_SIBLING, u[1]);
        }
        siblingUpdates.clear();
    }

    private byte[] encode(int level, List<Entry> entries, long left, long right, Entry rightKey, long bound) {
        BTreeV1ChunkNode.Key last = rightKey != null ? BTreeV1ChunkNode.keyOf(rightKey)
                : BTreeV1ChunkNode.rightBound(bound, elementSize);
        return new BTreeV1ChunkNode(Bytes.UNDEFINED, level, left, right, entries, last).encodeTableNode(FANOUT);
    }

    private Node readNode(long address) {
        BTreeV1ChunkNode node = BTreeV1ChunkNode.read(file.file(), file.channel(), file.base(), address, 2, table);
        node.requireTableEntries(FANOUT, chunkRows, file.file(), table);
        return new Node(node.level(), new ArrayList<>(node.entries()), node.leftSibling(), address);
    }

    private BadFormatException corrupt(long address, String what) {
        return BTreeV1ChunkNode.corrupt(file.file(), table, address, what);
    }
}
