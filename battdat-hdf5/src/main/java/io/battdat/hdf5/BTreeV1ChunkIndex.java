package io.battdat.hdf5;

import io.battdat.api.BadFormatException;

import java.nio.ByteBuffer;
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
    private static final int MAX_ENTRIES = 1 << 12;

    private final Path file;
    private final FileChannel channel;
    private final long base;
    private final int keySize;
    private final long chunkRows;
    private final String table;
    private final Set<Long> seen = new HashSet<>();

    private BTreeV1ChunkIndex(Path file, FileChannel channel, long base, int rank, long chunkRows, String table) {
        this.file = file;
        this.channel = channel;
        this.base = base;
        this.keySize = 8 + 8 * rank;
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
            throw corrupt(address, "the chunk index loops or is deeper than " + MAX_DEPTH + " levels");
        }
        ByteBuffer head = ObjectHeaderV1.read(file, channel, base, address, 8);
        if (head.get(0) != 'T' || head.get(1) != 'R' || head.get(2) != 'E' || head.get(3) != 'E' || head.get(4) != 1) {
            throw corrupt(address, "no chunk B-tree node");
        }
        int level = head.get(5) & 0xff;
        int used = head.getShort(6) & 0xffff;
        if (used > MAX_ENTRIES) {
            throw corrupt(address, used + " entries");
        }
        ByteBuffer node = ObjectHeaderV1.read(file, channel, base, address + 24, used * (keySize + 8) + keySize);
        for (int i = 0; i < used; i++) {
            int at = i * (keySize + 8);
            long start = node.getLong(at + 8);
            long end = level == 0 ? start + chunkRows : node.getLong(at + keySize + 8 + 8);
            if (end <= from || start >= to) {
                continue;
            }
            long child = node.getLong(at + keySize);
            if (level == 0) {
                out.add(new ChunkIndex.Entry(start, child, node.getInt(at), node.getInt(at + 4)));
            } else {
                visit(child, depth + 1, from, to, out);
            }
        }
    }

    private BadFormatException corrupt(long address, String what) {
        return new BadFormatException(file, table, "corrupt chunk index node at address " + address + ": " + what);
    }
}
