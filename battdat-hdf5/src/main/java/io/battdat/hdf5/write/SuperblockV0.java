package io.battdat.hdf5.write;

import io.battdat.api.BadFormatException;
import io.battdat.api.ErrorLocation;
import io.battdat.api.UnsupportedFeatureException;
import io.battdat.hdf5.Superblock;

import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * What the writer requires of a {@link Superblock}: PyTables' layout, versions 0 and 1 with 8-byte addresses and
 * lengths, whose end-of-file address is the only allocation record (docs/commit-protocol.md section 2.1). The
 * superblock itself is parsed and encoded by {@link Superblock}; this class holds the writer's policy.
 */
final class SuperblockV0 {
    static final int SIZE = Superblock.V0_SIZE;
    /** HDF5's default group leaf node K (H5F_CRT_SYM_LEAF_DEF), which PyTables keeps. */
    static final int DEFAULT_GROUP_LEAF_K = Superblock.DEFAULT_GROUP_LEAF_K;
    /** HDF5's default group internal node K (HDF5_BTREE_SNODE_IK_DEF), which PyTables keeps. */
    static final int DEFAULT_GROUP_INTERNAL_K = Superblock.DEFAULT_GROUP_INTERNAL_K;
    /** The file consistency flags (4 bytes; HDF5 checks them only from superblock version 3 on). */
    static final long STATUS_FLAGS = Superblock.V0_STATUS_FLAGS;
    /**
     * The flags while our writer has the file open: write access (1) and SWMR write access (4), the "commits are
     * safe to follow" mark that battdat's follower looks for. HDF5 itself sets 1 while open for writing and 0 at
     * close; versions 0-2 accept any of the bits 1, 2, 4 (docs/commit-protocol.md section 5).
     */
    static final int WRITING = 0x05;

    private SuperblockV0() {
    }

    /**
     * Reads the superblock of a file to append to. Versions 2 and 3 (h5py's {@code libver='latest'}) use
     * checksummed structures this writer does not update, so they are refused with a clear message.
     */
    static Superblock read(Path path, FileChannel channel) {
        Superblock found = Superblock.read(path, channel); // signature, version, truncation: the reader's checks
        if (found.version() > 1) {
            throw new UnsupportedFeatureException(ErrorLocation.of(path),
                    "cannot append to a file with HDF5 superblock version "
                    + found.version() + " (h5py libver='latest' layout); this writer appends to PyTables' version 0 "
                    + "layout", null);
        }
        if (found.offsetSize() == 8 && found.rootEntry() < 0) {
            throw new BadFormatException(ErrorLocation.of(path),
                    "truncated HDF5 superblock (no root group entry)", null);
        }
        if (found.offsetSize() != 8 || found.lengthSize() != 8) {
            throw new UnsupportedFeatureException(ErrorLocation.of(path),
                    "cannot append to a file with " + found.offsetSize()
                    + "-byte addresses and " + found.lengthSize() + "-byte lengths; this writer handles 8-byte ones",
                    null);
        }
        if (found.chunkK() != Superblock.DEFAULT_CHUNK_K) {
            throw new UnsupportedFeatureException(ErrorLocation.of(path),
                    "cannot append to a file whose chunk B-trees have K = "
                    + found.chunkK() + "; this writer handles HDF5's default " + Superblock.DEFAULT_CHUNK_K, null);
        }
        if (found.groupLeafK() == 0 || found.groupInternalK() == 0) {
            throw new BadFormatException(ErrorLocation.of(path), "corrupt HDF5 superblock: group leaf node K "
                    + found.groupLeafK() + ", group internal node K " + found.groupInternalK()
                    + " (HDF5 requires both above 0)", null);
        }
        return found;
    }
}
