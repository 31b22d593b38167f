package io.battdat.hdf5;

import io.battdat.api.BadFormatException;
import io.battdat.api.ErrorLocation;
import io.battdat.api.FileAccessException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * The HDF5 superblock (File Format Specification II.A): the one place that finds, parses and encodes it, for the
 * reader, the follower and the appending writer. It is checked as far as a reader must before trusting anything
 * else: where the signature is, the size of offsets, the base address and the end-of-file address. HDF5 itself
 * refuses a file shorter than base + end-of-file ("truncated file"); so do we, with the file named.
 *
 * <p>Internal to battdat-hdf5: public only because its writer package ({@code io.battdat.hdf5.write}) shares it;
 * not an API.
 */
public final class Superblock {
    static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    /** Size of a version 0 superblock with 8-byte addresses, root group entry included. */
    public static final int V0_SIZE = 96;
    /** Where versions 0 and 1 keep the file consistency flags (4 bytes). */
    public static final long V0_STATUS_FLAGS = 20;
    /** HDF5's default group leaf node K (H5F_CRT_SYM_LEAF_DEF), which PyTables keeps. */
    public static final int DEFAULT_GROUP_LEAF_K = 4;
    /** HDF5's default group internal node K (HDF5_BTREE_SNODE_IK_DEF), which PyTables keeps. */
    public static final int DEFAULT_GROUP_INTERNAL_K = 16;
    /** HDF5's default chunk B-tree K (HDF5_BTREE_CHUNK_IK_DEF). */
    public static final int DEFAULT_CHUNK_K = 32;
    /** An undefined address: all bits set. */
    private static final long UNDEFINED = -1L;
    /** How many bytes are read to parse it: a version 1 superblock with 8-byte addresses is 100 bytes long. */
    private static final int HEAD_BYTES = 128;

    private final int version;
    private final long baseAddress;
    private final int offsetSize;
    private final int lengthSize;
    private final long endOfFile;
    private final int groupLeafK;
    private final int groupInternalK;
    private final int chunkK;
    private final long rootEntry;
    private final long rootHeader;

    private Superblock(int version, long baseAddress, int offsetSize, int lengthSize, long endOfFile, int groupLeafK,
                       int groupInternalK, int chunkK, long rootEntry, long rootHeader) {
        this.version = version;
        this.baseAddress = baseAddress;
        this.offsetSize = offsetSize;
        this.lengthSize = lengthSize;
        this.endOfFile = endOfFile;
        this.groupLeafK = groupLeafK;
        this.groupInternalK = groupInternalK;
        this.chunkK = chunkK;
        this.rootEntry = rootEntry;
        this.rootHeader = rootHeader;
    }

    /** Superblock version 0-3. */
    public int version() {
        return version;
    }

    /** Absolute position of the superblock, where the signature was found (all addresses are relative to it). */
    public long baseAddress() {
        return baseAddress;
    }

    /** Bytes per address. */
    public int offsetSize() {
        return offsetSize;
    }

    /** Bytes per length field (versions 0 and 1; the offset size for later versions, which store it too). */
    public int lengthSize() {
        return lengthSize;
    }

    /** The stored end-of-file address (relative to the base). */
    public long endOfFile() {
        return endOfFile;
    }

    /** "Group leaf node K": symbol table nodes hold up to 2K entries (versions 0 and 1; 0 otherwise). */
    public int groupLeafK() {
        return groupLeafK;
    }

    /** "Group internal node K": group B-tree nodes hold up to 2K children (versions 0 and 1; 0 otherwise). */
    public int groupInternalK() {
        return groupInternalK;
    }

    /** "Indexed storage internal node K" of chunk B-trees: stored from version 1 on, HDF5's default in version 0. */
    public int chunkK() {
        return chunkK;
    }

    /** Address of the root group's symbol table entry (versions 0 and 1 with 8-byte addresses), else -1. */
    public long rootEntry() {
        return rootEntry;
    }

    /** The root group's object header address (versions 0 and 1 with 8-byte addresses), else -1. */
    public long rootHeader() {
        return rootHeader;
    }

    /** Address of the root entry's cached B-tree address; the heap address follows it. */
    public long rootScratchPad() {
        return rootEntry + 24;
    }

    /** Offset of the end-of-file address from the base: after the base and the free-space (or extension) address. */
    public int endOfFileField() {
        return (version == 0 ? 24 : version == 1 ? 28 : 12) + 2 * offsetSize;
    }

    /**
     * The consistency flags and end of file as they are now: what a follower re-reads on every poll.
     *
     * @param flags     the file consistency flags (4 bytes in versions 0 and 1, one byte later)
     * @param endOfFile the stored end-of-file address
     */
    record Status(int flags, long endOfFile) {
    }

    /**
     * Re-reads the consistency flags and the end-of-file address of this superblock.
     *
     * @param object names the object in error messages
     */
    Status readStatus(Path path, FileChannel channel, String object) {
        ByteBuffer b = ByteBuffer.allocate(endOfFileField() + offsetSize).order(ByteOrder.LITTLE_ENDIAN);
        try {
            while (b.hasRemaining()) {
                if (channel.read(b, baseAddress + b.position()) < 0) {
                    throw new FileAccessException(ErrorLocation.of(path, object),
                            "the file was truncated while followed", null);
                }
            }
        } catch (IOException e) {
            throw new FileAccessException(ErrorLocation.of(path, object),
                    "cannot read while following: " + e.getMessage(), e);
        }
        int flags = version <= 1 ? b.getInt((int) V0_STATUS_FLAGS) : b.get(11) & 0xff;
        return new Status(flags, readAddress(b, endOfFileField(), offsetSize));
    }

    /**
     * A version 0 superblock for a new file, as PyTables writes it: 8-byte addresses and lengths, HDF5's default K
     * values and the root group's Symbol Table Entry, whose scratch pad caches the root's B-tree and heap addresses.
     */
    public static byte[] encodeV0(long endOfFile, long rootHeader, long rootBtree, long rootHeap) {
        ByteBuffer b = ByteBuffer.allocate(V0_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.put(SIGNATURE);
        // versions of superblock, free-space storage, root group symbol table entry, reserved, shared header;
        // size of offsets and of lengths; reserved
        b.put(new byte[]{0, 0, 0, 0, 0, 8, 8, 0});
        b.putShort((short) DEFAULT_GROUP_LEAF_K).putShort((short) DEFAULT_GROUP_INTERNAL_K).putInt(0);
        b.putLong(0).putLong(UNDEFINED).putLong(endOfFile).putLong(UNDEFINED); // base, free space, EOF, driver
        b.putLong(0).putLong(rootHeader).putInt(1).putInt(0).putLong(rootBtree).putLong(rootHeap); // root entry
        return b.array();
    }

    /** Finds and checks the superblock; the file must be at least base + end-of-file bytes long. */
    public static Superblock read(Path path, FileChannel channel) {
        try {
            long size = channel.size();
            for (long at = 0; at + 64 <= size || at == 0; at = at == 0 ? 512 : at * 2) {
                if (at + SIGNATURE.length > size) {
                    break;
                }
                ByteBuffer head = ByteBuffer.allocate((int) Math.min(HEAD_BYTES, size - at))
                        .order(ByteOrder.LITTLE_ENDIAN);
                channel.read(head, at);
                head.flip();
                if (!hasSignature(head)) {
                    continue;
                }
                // The size is taken again after the superblock was read: a writer that appends grows the file
                // before it moves the end-of-file address, so this order never sees a live file as truncated.
                return parse(path, head, at, channel.size());
            }
        } catch (IOException e) {
            throw new FileAccessException(ErrorLocation.of(path), "cannot read the file: " + e.getMessage(), e);
        }
        throw new BadFormatException(ErrorLocation.of(path),
                "not an HDF5 file (no HDF5 signature at offset 0, 512, 1024, ...)", null);
    }

    private static boolean hasSignature(ByteBuffer head) {
        if (head.remaining() < SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (head.get(i) != SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    private static Superblock parse(Path path, ByteBuffer b, long at, long fileSize) {
        if (b.remaining() < 12) {
            throw truncated(path, fileSize, at + V0_SIZE);
        }
        int version = b.get(8) & 0xff;
        int offsetSize;
        int lengthSize;
        if (version == 0 || version == 1) {
            offsetSize = b.get(13) & 0xff;
            lengthSize = b.get(14) & 0xff;
        } else if (version == 2 || version == 3) {
            offsetSize = b.get(9) & 0xff;
            lengthSize = b.get(10) & 0xff;
        } else {
            throw new BadFormatException(ErrorLocation.of(path),
                    "unsupported HDF5 superblock version " + version, null);
        }
        if (offsetSize != 2 && offsetSize != 4 && offsetSize != 8) {
            throw new BadFormatException(ErrorLocation.of(path),
                    "corrupt HDF5 superblock: size of offsets is " + offsetSize, null);
        }
        // v0: signature..flags = 24 bytes, v1 adds indexed-storage K and 2 reserved bytes; then base, free-space
        // info (v2+: superblock extension) and end of file
        int eofPosition = (version == 0 ? 24 : version == 1 ? 28 : 12) + 2 * offsetSize;
        if (b.remaining() < eofPosition + offsetSize) {
            throw truncated(path, fileSize, at + eofPosition + offsetSize);
        }
        long eof = readAddress(b, eofPosition, offsetSize);
        // HDF5 takes the base from where the signature was found (a user block shifts it), not from the field.
        if (eof < 0 || at + eof > fileSize) {
            throw truncated(path, fileSize, at + eof);
        }
        int leafK = 0;
        int internalK = 0;
        int chunkK = DEFAULT_CHUNK_K;
        long rootEntry = -1;
        long rootHeader = -1;
        if (version <= 1) {
            leafK = b.getShort(16) & 0xffff;
            internalK = b.getShort(18) & 0xffff;
            if (version == 1) {
                chunkK = b.getShort(24) & 0xffff;
            }
            // the root group's symbol table entry follows the driver information address
            int entry = eofPosition + 2 * offsetSize;
            if (offsetSize == 8 && b.remaining() >= entry + 40) {
                rootEntry = entry;
                rootHeader = b.getLong(entry + 8);
            }
        }
        return new Superblock(version, at, offsetSize, lengthSize, eof, leafK, internalK, chunkK, rootEntry,
                rootHeader);
    }

    private static long readAddress(ByteBuffer b, int pos, int size) {
        return switch (size) {
            case 2 -> b.getShort(pos) & 0xffffL;
            case 4 -> b.getInt(pos) & 0xffffffffL;
            default -> b.getLong(pos);
        };
    }

    private static BadFormatException truncated(Path path, long actual, long expected) {
        return new BadFormatException(ErrorLocation.of(path), "truncated HDF5 file: it has " + actual
                + " bytes but its superblock says it ends at byte " + (expected < 0 ? "(invalid)" : expected), null);
    }
}
