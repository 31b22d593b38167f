package io.battdat.hdf5;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.UnaryOperator;

/**
 * Reads the part of a version 1 B-tree chunk index (III.A.1, node type 1) that covers a range of rows, visiting
 * only the nodes whose key range meets it: how a follower finds the chunks of a new commit without re-reading the
 * whole index (jHDF reads every chunk of a table when a dataset is opened).
 */
final class BTreeV1ChunkIndex {
    private static final int MAX_DEPTH = 16;
    private static final int DEFAULT_NODE_ENTRIES = 64;

    private final Path file;
    private final FileChannel channel;
    private final long base;
    private final int rank;
    private final long chunkRows;
    private final String table;
    private final Set<Long> seen = new HashSet<>();
    private final Prefetch prefetch;
    /** Where the children of the nodes just above the leaves go when leaves are read later; null: read them now. */
    private final List<BTreeV1ChunkNode.Entry> deferredLeaves;

    /**
     * Told the file ranges of an internal node's children before they are read one by one, so a source on a slow
     * store can fetch them all at once: the index then costs about one round trip per level, not one per node.
     */
    @FunctionalInterface
    interface Prefetch {
        /** Nothing is announced: local files, whose reads cost no round trip. */
        Prefetch NONE = (position, length) -> { };

        /** The bytes {@code [position, position + length)} of the file will be read soon. */
        void willRead(long position, long length);
    }

    private BTreeV1ChunkIndex(Path file, FileChannel channel, long base, int rank, long chunkRows, String table,
                              Prefetch prefetch, List<BTreeV1ChunkNode.Entry> deferredLeaves) {
        this.file = file;
        this.channel = channel;
        this.base = base;
        this.rank = rank;
        this.chunkRows = chunkRows;
        this.table = table;
        this.prefetch = prefetch;
        this.deferredLeaves = deferredLeaves;
    }

    /**
     * The chunks holding rows {@code [from, to)}, sorted by first row.
     *
     * @param root the layout message's B-tree address
     * @param rank the key's dimensionality: the dataset's rank plus one (2 for a table)
     */
    static List<ChunkIndex.Entry> range(Path file, FileChannel channel, long base, long root, int rank, long chunkRows,
                                       long from, long to, String table) {
        return range(file, channel, base, root, rank, chunkRows, from, to, table, Prefetch.NONE);
    }

    /**
     * The chunks holding rows {@code [from, to)}, sorted by first row, announcing each internal node's children to
     * {@code prefetch} before reading them.
     */
    static List<ChunkIndex.Entry> range(Path file, FileChannel channel, long base, long root, int rank, long chunkRows,
                                       long from, long to, String table, Prefetch prefetch) {
        List<ChunkIndex.Entry> out = new ArrayList<>();
        if (root >= 0 && from < to) {
            new BTreeV1ChunkIndex(file, channel, base, rank, chunkRows, table, prefetch, null)
                    .visit(root, 0, from, to, out);
        }
        return out;
    }

    /**
     * The chunks holding rows {@code [from, to)} as a lookup that reads the index now only down to the nodes just
     * above its leaves, and reads each leaf when a chunk in it is first asked for, announcing the leaves to
     * {@code prefetch} {@value LazyLeaves#LEAVES_AHEAD} ahead of the one read. On a remote store the first rows then
     * decode as soon as the first leaf arrives; {@link #range} would wait for the last of them (one per 64 chunks).
     *
     * @param checked turns a stored entry into the one the reader uses (its absolute address, checked against the
     *                file), for the entries read now and for those read later
     */
    static ChunkLookup lazy(Path file, FileChannel channel, long base, long root, int rank, long chunkRows, long from,
                            long to, String table, Prefetch prefetch, UnaryOperator<ChunkIndex.Entry> checked) {
        List<ChunkIndex.Entry> rootLeaf = new ArrayList<>();
        List<BTreeV1ChunkNode.Entry> leaves = new ArrayList<>();
        if (root >= 0 && from < to) {
            new BTreeV1ChunkIndex(file, channel, base, rank, chunkRows, table, prefetch, leaves)
                    .visit(root, 0, from, to, rootLeaf);
        }
        if (leaves.isEmpty()) {
            rootLeaf.replaceAll(checked);
            return ChunkLookup.of(rootLeaf);
        }
        BTreeV1ChunkIndex reader = new BTreeV1ChunkIndex(file, channel, base, rank, chunkRows, table, prefetch, null);
        return new LazyLeaves(reader, leaves, from, to, checked);
    }

    private void visit(long address, int depth, long from, long to, List<ChunkIndex.Entry> out) {
        if (depth > MAX_DEPTH || !seen.add(address)) {
            throw BTreeV1ChunkNode.corrupt(file, table, address,
                    "the chunk index loops or is deeper than " + MAX_DEPTH + " levels");
        }
        visit(BTreeV1ChunkNode.read(file, channel, base, address, rank, table), depth, from, to, out);
    }

    private void visit(BTreeV1ChunkNode node, int depth, long from, long to, List<ChunkIndex.Entry> out) {
        // leaves read later are announced a few at a time as the reader moves (LazyLeaves): all at once, their
        // fetches would compete with the first rows' for the store and the CPU
        boolean leavesLater = node.level() == 1 && deferredLeaves != null;
        if (node.level() > 0 && prefetch != Prefetch.NONE && !leavesLater) {
            long childBytes = childBytes(node.entries().size());
            for (int i = 0; i < node.entries().size(); i++) {
                BTreeV1ChunkNode.Entry e = node.entries().get(i);
                if (node.endRow(i) > from && e.firstRow() < to) {
                    prefetch.willRead(base + e.child(), childBytes);
                }
            }
        }
        for (int i = 0; i < node.entries().size(); i++) {
            BTreeV1ChunkNode.Entry e = node.entries().get(i);
            long end = node.level() == 0 ? e.firstRow() + chunkRows : node.endRow(i);
            if (end <= from || e.firstRow() >= to) {
                continue;
            }
            if (node.level() == 0) {
                out.add(new ChunkIndex.Entry(e.firstRow(), e.child(), e.chunkBytes(), e.filterMask()));
            } else if (node.level() == 1 && deferredLeaves != null) {
                deferredLeaves.add(e);
            } else {
                visit(e.child(), depth + 1, from, to, out);
            }
        }
    }

    /**
     * The bytes to announce for a child node, whose size is known only once read: the larger of its parent's entries
     * and the 64 that HDF5 and PyTables allocate chunk index nodes for (2K, K = 32), so one announcement covers it.
     */
    private long childBytes(int parentEntries) {
        return BTreeV1ChunkNode.HEADER_SIZE
                + (long) Math.max(parentEntries, DEFAULT_NODE_ENTRIES) * (8 + 8 * rank + 8) + 8 + 8 * rank;
    }

    /** The chunks of one leaf that meet rows {@code [from, to)}, which must be sorted as a valid index keeps them. */
    private List<ChunkIndex.Entry> readLeaf(long address, long from, long to, UnaryOperator<ChunkIndex.Entry> checked) {
        BTreeV1ChunkNode node = BTreeV1ChunkNode.read(file, channel, base, address, rank, table);
        if (node.level() != 0) {
            throw BTreeV1ChunkNode.corrupt(file, table, address, "level " + node.level() + " where a leaf belongs");
        }
        List<ChunkIndex.Entry> out = new ArrayList<>(node.entries().size());
        visit(node, 0, from, to, out);
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < out.size(); i++) {
            ChunkIndex.Entry e = checked.apply(out.get(i));
            if (e.firstRow() <= previous) {
                throw BTreeV1ChunkNode.corrupt(file, table, address, "chunk rows out of order at row " + e.firstRow());
            }
            previous = e.firstRow();
            out.set(i, e);
        }
        return out;
    }

    /**
     * The leaves of an index, each read the first time a chunk in it is asked for. Decoding threads ask at once: a
     * leaf two of them need together may be read twice (the source's cache answers the second), never half-seen.
     */
    private static final class LazyLeaves implements ChunkLookup {
        /**
         * Leaves announced beyond the one being read. A leaf lists about 64 chunks, tens of milliseconds of decoding,
         * so a few leaves ahead hide a store's round trip while the first rows' fetches go first.
         */
        static final int LEAVES_AHEAD = 8;

        private final BTreeV1ChunkIndex reader;
        private final long[] leafFirstRows;
        private final long[] leafAddresses;
        private final AtomicReferenceArray<List<ChunkIndex.Entry>> read;
        private final long from;
        private final long to;
        private final UnaryOperator<ChunkIndex.Entry> checked;
        private final long leafBytes;
        private final AtomicInteger announcedEnd = new AtomicInteger();

        LazyLeaves(BTreeV1ChunkIndex reader, List<BTreeV1ChunkNode.Entry> leaves, long from, long to,
                   UnaryOperator<ChunkIndex.Entry> checked) {
            this.reader = reader;
            this.leafFirstRows = new long[leaves.size()];
            this.leafAddresses = new long[leaves.size()];
            for (int i = 0; i < leaves.size(); i++) {
                leafFirstRows[i] = leaves.get(i).firstRow();
                leafAddresses[i] = leaves.get(i).child();
                if (i > 0 && leafFirstRows[i] <= leafFirstRows[i - 1]) {
                    throw BTreeV1ChunkNode.corrupt(reader.file, reader.table, leafAddresses[i],
                            "leaves out of order at row " + leafFirstRows[i]);
                }
            }
            this.read = new AtomicReferenceArray<>(leaves.size());
            this.from = from;
            this.to = to;
            this.checked = checked;
            this.leafBytes = reader.childBytes(0); // sized for 64 entries: a larger leaf's rest is read with it
            announceThrough(0);
        }

        /** Announces the leaves up to {@code leaf + LEAVES_AHEAD} not announced yet, each once. */
        private void announceThrough(int leaf) {
            if (reader.prefetch == Prefetch.NONE) {
                return;
            }
            int end = Math.min(leafAddresses.length, leaf + LEAVES_AHEAD + 1);
            int first = announcedEnd.getAndAccumulate(end, Math::max);
            for (int i = first; i < end; i++) {
                reader.prefetch.willRead(reader.base + leafAddresses[i], leafBytes);
            }
        }

        @Override
        public ChunkIndex.Entry chunkAt(long firstRow) {
            int leaf = leafHolding(firstRow);
            if (leaf < 0) {
                return null;
            }
            List<ChunkIndex.Entry> entries = read.get(leaf);
            if (entries == null) {
                announceThrough(leaf);
                entries = reader.readLeaf(leafAddresses[leaf], from, to, checked);
                read.compareAndSet(leaf, null, entries);
            }
            return ChunkLookup.find(entries, firstRow);
        }

        /** The last leaf whose first row is at or before {@code row}, or -1. */
        private int leafHolding(long row) {
            int lo = 0;
            int hi = leafFirstRows.length - 1;
            int found = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (leafFirstRows[mid] <= row) {
                    found = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return found;
        }
    }
}
