package io.battdat.hdf5.write;

import io.battdat.api.BadFormatException;
import io.battdat.api.ErrorLocation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A version 1 B-tree node of type 0, a group node (III.A.1): {@code TREE}, type, level, entries used, left and right
 * sibling addresses, then key 0, child 0, key 1, ... key n. Keys are offsets of link names in the group's local
 * heap; child i holds the names after key i up to and including key i+1. Level 0 nodes point at Symbol Table Nodes,
 * higher levels at nodes one level down. A node holds up to 2K children, K being the superblock's "group internal
 * node K" (16 in every file PyTables writes: 544 bytes), and is always allocated at that full size. Chunk index nodes
 * (type 1) are {@link io.battdat.hdf5.BTreeV1ChunkNode}.
 */
final class BTreeV1GroupNode {
    /** Node type of group B-trees. */
    static final int GROUP_NODE = 0;
    /** Where the left sibling address sits; the right one follows. */
    static final int LEFT_SIBLING = 8;
    static final int RIGHT_SIBLING = 16;
    private static final int PREFIX = 24;

    final int level;
    /** Heap offsets of the keys: one more than children. */
    final List<Long> keys;
    /**
     * {@link BTreeV1GroupNode}s above level 0; at level 0 {@link GroupSymbolTableNode}s, or their addresses (Long)
     * until they are read.
     */
    final List<Object> children;
    /** The live address, or {@link Bytes#UNDEFINED} while this node is a copy not yet written. */
    long address = Bytes.UNDEFINED;
    /** The sibling addresses the live node holds in the file. */
    long left = Bytes.UNDEFINED;
    long right = Bytes.UNDEFINED;

    BTreeV1GroupNode(int level, List<Long> keys, List<Object> children) {
        this.level = level;
        this.keys = keys;
        this.children = children;
    }

    static int size(int internalK) {
        return PREFIX + 2 * internalK * 8 + (2 * internalK + 1) * 8;
    }

    /**
     * Reads the node at {@code address}; its children are returned as addresses (the caller reads them).
     *
     * @param childAddresses receives the child addresses
     * @throws BadFormatException when no group node is there or it holds more children than the superblock allows
     */
    static BTreeV1GroupNode read(Hdf5Channel file, String group, long address, int internalK,
                                 List<Long> childAddresses) {
        ByteBuffer b = file.read(address, size(internalK));
        if (b.get(0) != 'T' || b.get(1) != 'R' || b.get(2) != 'E' || b.get(3) != 'E' || b.get(4) != GROUP_NODE) {
            throw new BadFormatException(ErrorLocation.of(file.file(), group),
                    "no group B-tree node at address " + address, null);
        }
        int used = b.getShort(6) & 0xffff;
        if (used > 2 * internalK) {
            throw new BadFormatException(ErrorLocation.of(file.file(), group),
                    "group B-tree node at " + address + " has " + used
                    + " children; the superblock allows " + 2 * internalK, null);
        }
        List<Long> keys = new ArrayList<>(2 * internalK + 1);
        for (int i = 0; i < used; i++) {
            keys.add(b.getLong(PREFIX + 16 * i));
            childAddresses.add(b.getLong(PREFIX + 8 + 16 * i));
        }
        keys.add(b.getLong(PREFIX + 16 * used));
        BTreeV1GroupNode node = new BTreeV1GroupNode(b.get(5) & 0xff, keys, new ArrayList<>(2 * internalK));
        node.address = address;
        node.left = b.getLong(LEFT_SIBLING);
        node.right = b.getLong(RIGHT_SIBLING);
        return node;
    }

    /** Encodes the node with its children's (already assigned) addresses and the given siblings. */
    byte[] encode(int internalK, long leftSibling, long rightSibling) {
        Bytes b = new Bytes().bytes("TREE".getBytes(StandardCharsets.US_ASCII)).u8(GROUP_NODE).u8(level)
                .u16(children.size()).u64(leftSibling).u64(rightSibling);
        for (int i = 0; i < children.size(); i++) {
            Object c = children.get(i);
            long address = c instanceof BTreeV1GroupNode n ? n.address
                    : c instanceof GroupSymbolTableNode s ? s.address : (Long) c;
            b.u64(keys.get(i)).u64(address);
        }
        b.u64(keys.get(children.size()));
        return b.zeros(size(internalK) - b.size()).toArray();
    }
}
