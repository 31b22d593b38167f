package io.battdat.hdf5.write;

import io.battdat.api.BadFormatException;
import io.battdat.api.FileAccessException;
import io.battdat.api.UnsupportedFeatureException;
import io.battdat.hdf5.Superblock;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * The Superblock, versions 0 and 1 (II.A), as PyTables writes it: 8-byte addresses and lengths, the end-of-file
 * address at byte 40 (the only allocation record; docs/commit-protocol.md section 2.1) and the root group's Symbol
 * Table Entry, whose scratch pad caches the root's B-tree and heap addresses.
 *
 * @param base             where the signature was found (HDF5 takes the base address from there)
 * @param version          0 or 1
 * @param endOfFile        the stored end-of-file address
 * @param rootEntry        address of the root group's symbol table entry, relative to the base
 * @param rootHeader       the root group's object header address
 * @param groupLeafK       "group leaf node K": symbol table nodes hold up to 2K entries
 * @param groupInternalK   "group internal node K": group B-tree nodes hold up to 2K children
 */
record SuperblockV0(long base, int version, long endOfFile, long rootEntry, long rootHeader, int groupLeafK,
                    int groupInternalK) {
    static final int SIZE = 96;
    /** HDF5's default group leaf node K (H5F_CRT_SYM_LEAF_DEF), which PyTables keeps. */
    static final int DEFAULT_GROUP_LEAF_K = 4;
    /** HDF5's default group internal node K (HDF5_BTREE_SNODE_IK_DEF), which PyTables keeps. */
    static final int DEFAULT_GROUP_INTERNAL_K = 16;
    private static final int GROUP_LEAF_K = 16;
    private static final int GROUP_INTERNAL_K = 18;
    static final long END_OF_FILE = 40;
    /** The file consistency flags (4 bytes; HDF5 checks them only from superblock version 3 on). */
    static final long STATUS_FLAGS = 20;
    /**
     * The flags while our writer has the file open: write access (1) and SWMR write access (4), the "commits are
     * safe to follow" mark that battdat's follower looks for. HDF5 itself sets 1 while open for writing and 0 at
     * close; versions 0-2 accept any of the bits 1, 2, 4 (docs/commit-protocol.md section 5).
     */
    static final int WRITING = 0x05;
    private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    /** Address of the root entry's cached B-tree address; the heap address follows it. */
    long rootScratchPad() {
        return rootEntry + 24;
    }

    /** The end-of-file field's address (version 1 has 4 more bytes before the addresses). */
    long endOfFileField() {
        return version == 0 ? END_OF_FILE : END_OF_FILE + 4;
    }

    /** A version 0 superblock for a new file. */
    static byte[] encode(long endOfFile, long rootHeader, long rootBtree, long rootHeap) {
        return new Bytes().bytes(SIGNATURE)
                .u8(0).u8(0).u8(0).u8(0).u8(0).u8(8).u8(8).u8(0).u16(DEFAULT_GROUP_LEAF_K).u16(DEFAULT_GROUP_INTERNAL_K).u32(0)
                .u64(0).u64(Bytes.UNDEFINED).u64(endOfFile).u64(Bytes.UNDEFINED)
                .u64(0).u64(rootHeader).u32(1).u32(0).u64(rootBtree).u64(rootHeap).toArray();
    }

    /**
     * Reads the superblock of a file to append to. Versions 2 and 3 (h5py's {@code libver='latest'}) use
     * checksummed structures this writer does not update, so they are refused with a clear message.
     */
    static SuperblockV0 read(Path path, FileChannel channel) {
        Superblock found = Superblock.read(path, channel); // signature, version, truncation: the reader's checks
        if (found.version() > 1) {
            throw new UnsupportedFeatureException(path, null, "cannot append to a file with HDF5 superblock version "
                    + found.version() + " (h5py libver='latest' layout); this writer appends to PyTables' version 0 "
                    + "layout");
        }
        ByteBuffer b = ByteBuffer.allocate(SIZE + 4).order(ByteOrder.LITTLE_ENDIAN);
        try {
            channel.read(b, found.baseAddress());
        } catch (IOException e) {
            throw new FileAccessException(path, null, "cannot read the file: " + e.getMessage(), e);
        }
        int entry = found.version() == 0 ? 56 : 60;
        if (b.position() < entry + 40) {
            throw new BadFormatException(path, null, "truncated HDF5 superblock (" + b.position() + " bytes)");
        }
        if (b.get(13) != 8 || b.get(14) != 8) {
            throw new UnsupportedFeatureException(path, null, "cannot append to a file with " + b.get(13)
                    + "-byte addresses and " + b.get(14) + "-byte lengths; this writer handles 8-byte ones");
        }
        if (found.version() == 1 && b.getShort(24) != 32) {
            throw new UnsupportedFeatureException(path, null, "cannot append to a file whose chunk B-trees have K = "
                    + b.getShort(24) + "; this writer handles HDF5's default 32");
        }
        int leafK = b.getShort(GROUP_LEAF_K) & 0xffff;
        int internalK = b.getShort(GROUP_INTERNAL_K) & 0xffff;
        if (leafK == 0 || internalK == 0) {
            throw new BadFormatException(path, null, "corrupt HDF5 superblock: group leaf node K " + leafK
                    + ", group internal node K " + internalK + " (HDF5 requires both above 0)");
        }
        return new SuperblockV0(found.baseAddress(), found.version(), found.endOfFile(), entry, b.getLong(entry + 8),
                leafK, internalK);
    }
}
