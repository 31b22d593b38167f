package io.battdat.hdf5.write;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Version 1 B-tree nodes (III.A.1), always allocated at full size: type 0 (group nodes, 544 bytes, keys are heap
 * offsets) and type 1 (chunk index, 2096 bytes, 24-byte keys: chunk size, filter mask, first row, 0). The right
 * bound of a right-most chunk node is {(last chunk + 1) x rows per chunk, element size} with size 0, as HDF5 writes
 * it (hdf5-on-disk.md section 5).
 */
final class BTreeV1Node {
    static final int GROUP_NODE_SIZE = 24 + 33 * 8 + 32 * 8;
    static final int CHUNK_FANOUT = 64;
    static final int CHUNK_NODE_SIZE = 24 + (CHUNK_FANOUT + 1) * 24 + CHUNK_FANOUT * 8;

    /** One chunk: its first row, stored size, address. */
    record Chunk(long firstRow, int size, long address) {
    }

    private BTreeV1Node() {
    }

    /** A level-0 group node pointing at symbol table nodes; {@code keys} has one more entry than children. */
    static byte[] group(long[] keys, long[] children) {
        Bytes b = header(0, 0, children.length);
        for (int i = 0; i < children.length; i++) {
            b.u64(keys[i]).u64(children[i]);
        }
        b.u64(keys[children.length]);
        return b.zeros(GROUP_NODE_SIZE - b.size()).toArray();
    }

    private static Bytes header(int type, int level, int entries) {
        return new Bytes().bytes("TREE".getBytes(StandardCharsets.US_ASCII)).u8(type).u8(level).u16(entries)
                .u64(Bytes.UNDEFINED).u64(Bytes.UNDEFINED);
    }

    /** Something that writes a node at the end of the file and returns its address. */
    interface Allocator {
        long write(byte[] node);
    }

    /**
     * Writes the chunk index bottom-up (leaves of up to 64 chunks, then parents of up to 64 nodes) and returns the
     * root's address, or {@link Bytes#UNDEFINED} when there are no chunks.
     */
    static long writeChunkIndex(List<Chunk> chunks, int chunkRows, int elementSize, Allocator out) {
        if (chunks.isEmpty()) {
            return Bytes.UNDEFINED;
        }
        long bound = (chunks.get(chunks.size() - 1).firstRow() + chunkRows);
        List<long[]> level = new ArrayList<>(); // per node: address, first row, first size
        for (int i = 0; i < chunks.size(); i += CHUNK_FANOUT) {
            List<Chunk> part = chunks.subList(i, Math.min(chunks.size(), i + CHUNK_FANOUT));
            Bytes b = header(1, 0, part.size());
            for (Chunk c : part) {
                b.u32(c.size()).u32(0).u64(c.firstRow()).u64(0).u64(c.address());
            }
            long next = i + CHUNK_FANOUT < chunks.size() ? chunks.get(i + CHUNK_FANOUT).firstRow() : -1;
            rightKey(b, next, chunks, i + CHUNK_FANOUT, bound, elementSize);
            level.add(new long[]{out.write(b.zeros(CHUNK_NODE_SIZE - b.size()).toArray()), part.get(0).firstRow(),
                    part.get(0).size()});
        }
        int depth = 1;
        while (level.size() > 1) {
            List<long[]> parents = new ArrayList<>();
            for (int i = 0; i < level.size(); i += CHUNK_FANOUT) {
                List<long[]> part = level.subList(i, Math.min(level.size(), i + CHUNK_FANOUT));
                Bytes b = header(1, depth, part.size());
                for (long[] child : part) {
                    b.u32(child[2]).u32(0).u64(child[1]).u64(0).u64(child[0]);
                }
                if (i + CHUNK_FANOUT < level.size()) {
                    long[] nextChild = level.get(i + CHUNK_FANOUT);
                    b.u32(nextChild[2]).u32(0).u64(nextChild[1]).u64(0);
                } else {
                    b.u32(0).u32(0).u64(bound).u64(elementSize);
                }
                parents.add(new long[]{out.write(b.zeros(CHUNK_NODE_SIZE - b.size()).toArray()), part.get(0)[1],
                        part.get(0)[2]});
            }
            level = parents;
            depth++;
        }
        return level.get(0)[0];
    }

    private static void rightKey(Bytes b, long next, List<Chunk> chunks, int nextIndex, long bound, int elementSize) {
        if (next >= 0) {
            b.u32(chunks.get(nextIndex).size()).u32(0).u64(next).u64(0);
        } else {
            b.u32(0).u32(0).u64(bound).u64(elementSize);
        }
    }
}
