package io.battdat.hdf5.write;

import io.battdat.api.BadFormatException;
import io.battdat.api.ErrorLocation;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A group's links as a version 0 file stores them (III.A.1-III.D): a group B-tree (node type 0) over Symbol Table
 * Nodes, whose entries name their objects by offsets into the group's Local Heap. Links are added as HDF5 adds them
 * (H5G__node_insert, H5B_insert): into the symbol table node that covers the name, which splits in two halves of K
 * when full; the B-tree gains a child and a key, a full node splits with HDF5's ratios (90/10 at the right edge,
 * 10/90 at the left, halves in the middle), and a root that splits gets a new root one level up.
 *
 * <p>Every change is copy-on-write: a changed node (and so each of its ancestors) is written whole at a new address
 * at the end of the file by {@link #write}, which returns the new root for the caller to swing the group's Symbol
 * Table Message to, the one write that makes the copy live. Names go into the heap as {@link LocalHeap} describes.
 * After the commit, {@link #afterCommit} points unchanged neighbours' sibling addresses at the copies, as the chunk
 * index does (readers find links through keys and children only). A commit writes O(depth) nodes, whatever the size
 * of the group.
 */
final class SymbolTable {
    private static final int MAX_DEPTH = 16;
    /** Node split ratios HDF5 uses by default (H5D_XFER_BTREE_SPLIT_RATIO): left edge, middle, right edge. */
    private static final double SPLIT_LEFT = 0.1;
    private static final double SPLIT_MIDDLE = 0.5;
    private static final double SPLIT_RIGHT = 0.9;

    /**
     * One link, as the writer sees it.
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

    /** A node split: the new right node and the key between it and the left one. */
    private record Split(Object right, long middleKey) {
    }

    private final int leafK;
    private final int internalK;
    private final LocalHeap heap;
    private BTreeV1GroupNode root;
    /** The file and group the symbol table nodes not read yet are in (null for a new group). */
    private Hdf5Channel file;
    private String group;
    /** A sibling address to rewrite in an unchanged node after the commit. */
    private record SiblingFix(BTreeV1GroupNode node, boolean left, long value) {
    }

    private final List<SiblingFix> siblingFixes = new ArrayList<>();

    private SymbolTable(int leafK, int internalK, LocalHeap heap, BTreeV1GroupNode root) {
        this.leafK = leafK;
        this.internalK = internalK;
        this.heap = heap;
        this.root = root;
    }

    /** An empty group (its heap holds only the empty name), with the superblock's K values. */
    static SymbolTable create(int leafK, int internalK) {
        LocalHeap heap = LocalHeap.create();
        return new SymbolTable(leafK, internalK, heap,
                new BTreeV1GroupNode(0, new ArrayList<>(List.of(0L)), new ArrayList<>()));
    }

    /** Reads the links of the group whose Symbol Table Message holds {@code btree} and {@code heap}. */
    static SymbolTable read(Hdf5Channel file, String group, long btree, long heapAddress, int leafK, int internalK) {
        LocalHeap heap = LocalHeap.read(file, group, heapAddress);
        SymbolTable table = new SymbolTable(leafK, internalK, heap, null);
        table.file = file;
        table.group = group;
        table.root = table.readNode(file, group, btree, -1, 0, new HashSet<>());
        return table;
    }

    private BTreeV1GroupNode readNode(Hdf5Channel file, String group, long address, int expectedLevel, int depth,
                                      Set<Long> seen) {
        if (depth > MAX_DEPTH || !seen.add(address)) {
            throw new BadFormatException(ErrorLocation.of(file.file(), group),
                    "group B-tree loops or is too deep at " + address, null);
        }
        List<Long> childAddresses = new ArrayList<>();
        BTreeV1GroupNode node = BTreeV1GroupNode.read(file, group, address, internalK, childAddresses);
        if (expectedLevel >= 0 && node.level != expectedLevel) {
            throw new BadFormatException(ErrorLocation.of(file.file(), group),
                    "group B-tree node at " + address + " has level "
                    + node.level + " under a node of level " + (expectedLevel + 1), null);
        }
        for (long key : node.keys) {
            if (heap.name(key) == null) {
                throw new BadFormatException(ErrorLocation.of(file.file(), group),
                        "group B-tree key " + key + " at " + address + " lies outside the local heap", null);
            }
        }
        for (long child : childAddresses) {
            // symbol table nodes are read when a name leads to them: opening a group costs its B-tree nodes only
            node.children.add(node.level > 0 ? readNode(file, group, child, node.level - 1, depth + 1, seen) : child);
        }
        return node;
    }

    /** Child {@code i} of a level 0 node, read on first use. */
    private GroupSymbolTableNode snod(BTreeV1GroupNode node, int i) {
        Object c = node.children.get(i);
        if (c instanceof GroupSymbolTableNode snod) {
            return snod;
        }
        GroupSymbolTableNode snod = GroupSymbolTableNode.read(file, group, (Long) c, leafK);
        for (GroupSymbolTableNode.Entry e : snod.entries) {
            if (heap.name(e.nameOffset()) == null) {
                throw new BadFormatException(ErrorLocation.of(file.file(), group), "link name offset " + e.nameOffset()
                        + " outside the local heap", null);
            }
        }
        node.children.set(i, snod);
        return snod;
    }

    /** The local heap's data segment size. */
    int heapSize() {
        return heap.segmentSize();
    }

    /** The B-tree's height: 1 when the root points at symbol table nodes. */
    int height() {
        return root.level + 1;
    }

    /** HDF5's order of names: strcmp, byte by byte, unsigned. */
    private static int compare(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }

    private static byte[] utf8(String name) {
        return name.getBytes(StandardCharsets.UTF_8);
    }

    private byte[] key(BTreeV1GroupNode node, int i) {
        return heap.name(node.keys.get(i));
    }

    /**
     * The child of {@code node} that covers {@code name}: the first whose right key is at or after it, else the last
     * (a name after every key goes to the right edge, whose key then grows).
     */
    private int childFor(BTreeV1GroupNode node, byte[] name) {
        int lo = 0;
        int hi = node.children.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (compare(name, key(node, mid + 1)) <= 0) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** Index of {@code name} among the entries, or -(insertion point) - 1. */
    private int entryIndex(GroupSymbolTableNode snod, byte[] name) {
        int lo = 0;
        int hi = snod.entries.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = compare(heap.name(snod.entries.get(mid).nameOffset()), name);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -lo - 1;
    }

    private GroupSymbolTableNode leafFor(byte[] name, List<BTreeV1GroupNode> path) {
        BTreeV1GroupNode node = root;
        while (true) {
            if (node.children.isEmpty()) {
                return null;
            }
            if (path != null) {
                path.add(node);
            }
            int i = childFor(node, name);
            if (node.level == 0) {
                return snod(node, i);
            }
            node = (BTreeV1GroupNode) node.children.get(i);
        }
    }

    /** The link of that name, or null. */
    Link get(String name) {
        byte[] n = utf8(name);
        GroupSymbolTableNode snod = leafFor(n, null);
        if (snod == null) {
            return null;
        }
        int i = entryIndex(snod, n);
        if (i < 0) {
            return null;
        }
        GroupSymbolTableNode.Entry e = snod.entries.get(i);
        boolean group = e.cacheType() == GroupSymbolTableNode.CACHE_GROUP;
        return new Link(e.headerAddress(), group, group ? e.scratch0() : 0, group ? e.scratch1() : 0);
    }

    boolean contains(String name) {
        return get(name) != null;
    }

    /** Every name, in HDF5's order. */
    List<String> names() {
        List<String> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private void collect(BTreeV1GroupNode node, List<String> out) {
        for (int i = 0; i < node.children.size(); i++) {
            if (node.level > 0) {
                collect((BTreeV1GroupNode) node.children.get(i), out);
            } else {
                for (GroupSymbolTableNode.Entry e : snod(node, i).entries) {
                    out.add(new String(heap.name(e.nameOffset()), StandardCharsets.UTF_8));
                }
            }
        }
    }

    /** Adds a link, or replaces the one of that name (its name keeps its heap offset). */
    void put(String name, Link link) {
        byte[] n = utf8(name);
        List<BTreeV1GroupNode> path = new ArrayList<>();
        GroupSymbolTableNode snod = leafFor(n, path);
        if (snod != null) {
            int i = entryIndex(snod, n);
            if (i >= 0) {
                snod.entries.set(i, entry(snod.entries.get(i).nameOffset(), link));
                snod.address = Bytes.UNDEFINED;
                path.forEach(p -> p.address = Bytes.UNDEFINED);
                return;
            }
        }
        long offset = heap.insert(n);
        Split split = insert(root, n, entry(offset, link), true, true);
        if (split != null) {
            // the root split: a new root one level up over the two halves (H5B_insert)
            BTreeV1GroupNode right = (BTreeV1GroupNode) split.right();
            List<Long> keys = new ArrayList<>(List.of(root.keys.get(0), split.middleKey(),
                    right.keys.get(right.keys.size() - 1)));
            root = new BTreeV1GroupNode(root.level + 1, keys, new ArrayList<>(List.of(root, right)));
        }
    }

    private static GroupSymbolTableNode.Entry entry(long nameOffset, Link link) {
        return link.group()
                ? new GroupSymbolTableNode.Entry(nameOffset, link.header(), GroupSymbolTableNode.CACHE_GROUP,
                link.btree(), link.heap())
                : new GroupSymbolTableNode.Entry(nameOffset, link.header(), 0, 0, 0);
    }

    /**
     * Inserts under {@code node} (H5B__insert_helper): returns the node's split, or null. {@code leftEdge} and
     * {@code rightEdge} say whether the node has no left or right sibling, which picks HDF5's split ratio.
     */
    private Split insert(BTreeV1GroupNode node, byte[] name, GroupSymbolTableNode.Entry entry, boolean leftEdge,
                         boolean rightEdge) {
        node.address = Bytes.UNDEFINED;
        int n = node.children.size();
        if (n == 0) {
            // the group's first link: one symbol table node, right key = the name (H5G__node_create, then insert)
            node.children.add(new GroupSymbolTableNode(new ArrayList<>(List.of(entry))));
            node.keys.add(entry.nameOffset());
            return null;
        }
        int idx = childFor(node, name);
        if (compare(name, key(node, n)) > 0) {
            node.keys.set(n, entry.nameOffset()); // the right edge's key grows to the new greatest name
        }
        Split childSplit = node.level > 0
                ? insert((BTreeV1GroupNode) node.children.get(idx), name, entry, leftEdge && idx == 0,
                rightEdge && idx == n - 1)
                : insertEntry(snod(node, idx), name, entry);
        if (childSplit == null) {
            return null;
        }
        if (n < 2 * internalK) {
            node.children.add(idx + 1, childSplit.right());
            node.keys.add(idx + 1, childSplit.middleKey());
            return null;
        }
        // H5B__split: the full node keeps nleft children, a new right node takes the rest, then the new child goes
        // next to the one that split
        int twoK = 2 * internalK;
        int nleft = (int) (twoK * (rightEdge ? SPLIT_RIGHT : leftEdge ? SPLIT_LEFT : SPLIT_MIDDLE));
        if (idx < nleft && nleft == twoK) {
            nleft--;
        } else if (idx >= nleft && nleft == 0) {
            nleft++;
        }
        BTreeV1GroupNode right = new BTreeV1GroupNode(node.level,
                new ArrayList<>(node.keys.subList(nleft, twoK + 1)),
                new ArrayList<>(node.children.subList(nleft, twoK)));
        node.keys.subList(nleft + 1, twoK + 1).clear();
        node.children.subList(nleft, twoK).clear();
        BTreeV1GroupNode into = idx < nleft ? node : right;
        int at = idx < nleft ? idx : idx - nleft;
        into.children.add(at + 1, childSplit.right());
        into.keys.add(at + 1, childSplit.middleKey());
        return new Split(right, right.keys.get(0));
    }

    /** Inserts into a symbol table node (H5G__node_insert): a full node splits into halves of K entries. */
    private Split insertEntry(GroupSymbolTableNode snod, byte[] name, GroupSymbolTableNode.Entry entry) {
        snod.address = Bytes.UNDEFINED;
        int idx = -entryIndex(snod, name) - 1;
        if (snod.entries.size() < 2 * leafK) {
            snod.entries.add(idx, entry);
            return null;
        }
        GroupSymbolTableNode right = new GroupSymbolTableNode(
                new ArrayList<>(snod.entries.subList(leafK, 2 * leafK)));
        snod.entries.subList(leafK, 2 * leafK).clear();
        if (idx <= leafK) {
            snod.entries.add(idx, entry);
        } else {
            right.entries.add(idx - leafK, entry);
        }
        return new Split(right, snod.entries.get(snod.entries.size() - 1).nameOffset());
    }

    /** Whether {@link #write} has anything to write. */
    boolean changed() {
        return root.address == Bytes.UNDEFINED || heap.changed();
    }

    /**
     * Writes the heap's changes and every changed node (one contiguous write at the end of the file, children before
     * their parents), and returns the values for the group's Symbol Table Message. Nothing live is modified except
     * the heap's free space (see {@link LocalHeap}); the caller then moves the end-of-file address, calls
     * {@link #swing}, swings the message, and after the commit calls {@link #afterCommit}.
     */
    Written write(Hdf5Channel file, String group) {
        long heapAddress = heap.write(file);
        List<Object> dirty = new ArrayList<>();
        collectDirty(root, dirty);
        Set<Object> copies = Collections.newSetFromMap(new IdentityHashMap<>());
        copies.addAll(dirty);
        long at = file.end();
        for (Object o : dirty) {
            if (o instanceof BTreeV1GroupNode n) {
                n.address = at;
                at += BTreeV1GroupNode.size(internalK);
            } else {
                ((GroupSymbolTableNode) o).address = at;
                at += GroupSymbolTableNode.size(leafK);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) (at - file.end()));
        siblingFixes.clear();
        List<BTreeV1GroupNode> level = List.of(root);
        while (!level.isEmpty()) {
            List<BTreeV1GroupNode> below = new ArrayList<>();
            for (int i = 0; i < level.size(); i++) {
                BTreeV1GroupNode node = level.get(i);
                long left = i > 0 ? level.get(i - 1).address : Bytes.UNDEFINED;
                long right = i + 1 < level.size() ? level.get(i + 1).address : Bytes.UNDEFINED;
                if (node.level > 0) {
                    node.children.forEach(c -> below.add((BTreeV1GroupNode) c));
                }
                if (copies.contains(node)) {
                    node.left = left;
                    node.right = right;
                    continue;
                }
                if (node.left != left) {
                    siblingFixes.add(new SiblingFix(node, true, left));
                }
                if (node.right != right) {
                    siblingFixes.add(new SiblingFix(node, false, right));
                }
            }
            level = below;
        }
        for (Object o : dirty) {
            byte[] b = o instanceof BTreeV1GroupNode n ? n.encode(internalK, n.left, n.right)
                    : ((GroupSymbolTableNode) o).encode(leafK);
            out.writeBytes(b);
        }
        if (!dirty.isEmpty()) {
            long start = dirty.get(0) instanceof BTreeV1GroupNode n ? n.address
                    : ((GroupSymbolTableNode) dirty.get(0)).address;
            byte[] bytes = out.toByteArray();
            long written = file.allocate(bytes, bytes.length);
            if (written != start) {
                throw new IllegalStateException(group + ": B-tree nodes planned at " + start + ", written at " + written);
            }
        }
        return new Written(root.address, heapAddress);
    }

    private static void collectDirty(BTreeV1GroupNode node, List<Object> out) {
        if (node.address != Bytes.UNDEFINED) {
            return;
        }
        for (Object c : node.children) {
            if (c instanceof BTreeV1GroupNode n) {
                collectDirty(n, out);
            } else if (c instanceof GroupSymbolTableNode s && s.address == Bytes.UNDEFINED) {
                out.add(c);
            }
        }
        out.add(node);
    }

    /**
     * Swings the heap's header to a grown segment; after the end-of-file address, before the message swing. Returns
     * whether it wrote.
     */
    boolean swing(Hdf5Channel file) {
        return heap.swing(file);
    }

    /** After the commit: unchanged neighbours of copied nodes point at the copies (8-byte writes readers ignore). */
    void afterCommit(Hdf5Channel file) {
        for (SiblingFix fix : siblingFixes) {
            file.writeLong(fix.node().address + (fix.left() ? BTreeV1GroupNode.LEFT_SIBLING
                    : BTreeV1GroupNode.RIGHT_SIBLING), fix.value());
            if (fix.left()) {
                fix.node().left = fix.value();
            } else {
                fix.node().right = fix.value();
            }
        }
        siblingFixes.clear();
    }
}
