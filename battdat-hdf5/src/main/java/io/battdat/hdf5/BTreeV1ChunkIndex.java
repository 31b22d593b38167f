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

    private final Path file;
    private final FileChannel channel;
    private final long base;
    private final int rank;
    private final long chunkRows;
    private final String table;
    private final Set<Long> seen = new HashSet<>();

    private BTreeV1ChunkIndex(Path file, FileChannel channel, long base, int rank, long chunkRows, String table) {
        this.file = file;
        this.channel = channel;
        this.base = base;
        this.rank = rank;
        this.chunkRows = chunkRows;
        this.table = table;
    }

    /**
     * The chunks holding rows {@code [from, to)}, sorted by first row.
     *
     * @param root the layout message's B-tree address
     * @param rank the key's dimensionality: the dataset's rank plus one (2 for a table)
     */
    static List<ChunkIndex.Entry> range(Path file, FileChannel channel, long base, long root, int rank, long chunkRows,
                                       long from, long to, String table) {
        List<ChunkIndex.Entry> out = new ArrayList<>();
        if (root >= 0 && from < to) {
            new BTreeV1ChunkIndex(file, channel, base, rank, chunkRows, table).visit(root, 0, from, to, out);
        }
        return out;
    }

    private void visit(long address, int depth, long from, long to, List<ChunkIndex.Entry> out) {
        if (depth > MAX_DEPTH || !seen.add(address)) {
            throw BTreeV1ChunkNode.corrupt(file, table, address,
                    "the chunk index loops or is deeper than " + MAX_DEPTH + " levels");
        }
        BTreeV1ChunkNode node = BTreeV1ChunkNode.read(file, channel, base, address, rank, table);
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
