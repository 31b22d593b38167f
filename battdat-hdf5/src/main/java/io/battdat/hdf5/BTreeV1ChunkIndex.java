package io.battdat.hdf5;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
                              Prefetch prefetch) {
        this.file = file;
        this.channel = channel;
        this.base = base;
        this.rank = rank;
        this.chunkRows = chunkRows;
        this.table = table;
        this.prefetch = prefetch;
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
            new BTreeV1ChunkIndex(file, channel, base, rank, chunkRows, table, prefetch).visit(root, 0, from, to, out);
        }
        return out;
    }

    private void visit(long address, int depth, long from, long to, List<ChunkIndex.Entry> out) {
        if (depth > MAX_DEPTH || !seen.add(address)) {
            throw BTreeV1ChunkNode.corrupt(file, table, address,
                    "the chunk index loops or is deeper than " + MAX_DEPTH + " levels");
        }
        BTreeV1ChunkNode node = BTreeV1ChunkNode.read(file, channel, base, address, rank, table);
        if (node.level() > 0 && prefetch != Prefetch.NONE) {
            // a child's size is known only once read: guess the larger of this node's entries and the 64 that
            // HDF5 and PyTables allocate chunk index nodes for (2K, K = 32), so one announcement covers it
            long childBytes = BTreeV1ChunkNode.HEADER_SIZE
                    + (long) Math.max(node.entries().size(), DEFAULT_NODE_ENTRIES) * (8 + 8 * rank + 8) + 8 + 8 * rank;
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
            } else {
                visit(e.child(), depth + 1, from, to, out);
            }
        }
    }
}
