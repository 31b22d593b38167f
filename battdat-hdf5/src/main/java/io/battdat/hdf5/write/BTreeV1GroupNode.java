package io.battdat.hdf5.write;

import io.battdat.api.BadFormatException;
import io.battdat.api.UnsupportedFeatureException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Version 1 B-tree group nodes (III.A.1, node type 0), allocated at full size (544 bytes) as HDF5 does; keys are
 * offsets of link names in the group's local heap. Chunk index nodes (type 1) are {@link
 * io.battdat.hdf5.BTreeV1ChunkNode}.
 */
final class BTreeV1GroupNode {
    /** Children per node: 2K with HDF5's default K = 16 for groups. */
    static final int CHILDREN = 32;
    static final int SIZE = 24 + (2 * CHILDREN + 1) * 8;

    /**
     * A node as read.
     *
     * @param level    0 when the children are symbol table nodes, else the height above them
     * @param children the child addresses
     */
    record Node(int level, long[] children) {
    }

    private BTreeV1GroupNode() {
    }

    /** A level-0 group node pointing at symbol table nodes; {@code keys} has one more entry than children. */
    static byte[] group(long[] keys, long[] children) {
        Bytes b = new Bytes().bytes("TREE".getBytes(StandardCharsets.US_ASCII)).u8(0).u8(0).u16(children.length)
                .u64(Bytes.UNDEFINED).u64(Bytes.UNDEFINED);
        for (int i = 0; i < children.length; i++) {
            b.u64(keys[i]).u64(children[i]);
        }
        b.u64(keys[children.length]);
        return b.zeros(SIZE - b.size()).toArray();
    }

    /**
     * Reads a node.
     *
     * @throws BadFormatException          when no group node is there
     * @throws UnsupportedFeatureException when it has more children than HDF5's default allows
     */
    static Node read(Hdf5Channel file, String group, long address) {
        ByteBuffer b = file.read(address, SIZE);
        if (b.get(0) != 'T' || b.get(1) != 'R' || b.get(2) != 'E' || b.get(3) != 'E' || b.get(4) != 0) {
            throw new BadFormatException(file.file(), group, "no group B-tree node at address " + address);
        }
        int used = b.getShort(6) & 0xffff;
        if (used > CHILDREN) {
            throw new UnsupportedFeatureException(file.file(), group, "group B-tree node at " + address + " has "
                    + used + " children; this writer handles HDF5's default of at most " + CHILDREN);
        }
        long[] children = new long[used];
        for (int i = 0; i < used; i++) {
            children[i] = b.getLong(24 + 8 + 16 * i);
        }
        return new Node(b.get(5) & 0xff, children);
    }
}
