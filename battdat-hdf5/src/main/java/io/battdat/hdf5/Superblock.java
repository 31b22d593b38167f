package io.battdat.hdf5;

import io.battdat.api.BadFormatException;
import io.battdat.api.FileAccessException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * The HDF5 superblock (File Format Specification II.A), read only as far as a reader must check before trusting
 * anything else: where the signature is, the size of offsets, the base address and the end-of-file address. HDF5
 * itself refuses a file shorter than base + end-of-file ("truncated file"); so do we, with the file named.
 *
 * @param version       superblock version 0-3
 * @param baseAddress   absolute position of the superblock (all addresses are relative to it)
 * @param offsetSize    bytes per address
 * @param endOfFile     the stored end-of-file address (relative to the base)
 */
public record Superblock(int version, long baseAddress, int offsetSize, long endOfFile) {
    static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    /** Offset of the end-of-file address from the base: after the base and the free-space (or extension) address. */
    public int endOfFileField() {
        return (version == 0 ? 24 : version == 1 ? 28 : 12) + 2 * offsetSize;
    }

    /** Finds and checks the superblock; the file must be at least base + end-of-file bytes long. */
    public static Superblock read(Path path, FileChannel channel) {
        try {
            long size = channel.size();
            for (long at = 0; at + 64 <= size || at == 0; at = at == 0 ? 512 : at * 2) {
                if (at + SIGNATURE.length > size) {
                    break;
                }
                ByteBuffer head = ByteBuffer.allocate((int) Math.min(128, size - at)).order(ByteOrder.LITTLE_ENDIAN);
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
            throw new FileAccessException(path, null, "cannot read the file: " + e.getMessage(), e);
        }
        throw new BadFormatException(path, null, "not an HDF5 file (no HDF5 signature at offset 0, 512, 1024, ...)");
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
            throw truncated(path, fileSize, at + 96);
        }
        int version = b.get(8) & 0xff;
        int offsetSize;
        int eofPosition;
        if (version == 0 || version == 1) {
            offsetSize = b.get(13) & 0xff;
            // v0: signature..flags = 24 bytes, v1 adds indexed-storage K and 2 reserved bytes
            int addresses = version == 0 ? 24 : 28;
            eofPosition = addresses + 2 * offsetSize; // base, free-space info, then end of file
        } else if (version == 2 || version == 3) {
            offsetSize = b.get(9) & 0xff;
            eofPosition = 12 + 2 * offsetSize; // base, superblock extension, then end of file
        } else {
            throw new BadFormatException(path, null, "unsupported HDF5 superblock version " + version);
        }
        if (offsetSize != 2 && offsetSize != 4 && offsetSize != 8) {
            throw new BadFormatException(path, null, "corrupt HDF5 superblock: size of offsets is " + offsetSize);
        }
        if (b.remaining() < eofPosition + offsetSize) {
            throw truncated(path, fileSize, at + eofPosition + offsetSize);
        }
        long eof = readAddress(b, eofPosition, offsetSize);
        // HDF5 takes the base from where the signature was found (a user block shifts it), not from the field.
        if (eof < 0 || at + eof > fileSize) {
            throw truncated(path, fileSize, at + eof);
        }
        return new Superblock(version, at, offsetSize, eof);
    }

    private static long readAddress(ByteBuffer b, int pos, int size) {
        return switch (size) {
            case 2 -> b.getShort(pos) & 0xffffL;
            case 4 -> b.getInt(pos) & 0xffffffffL;
            default -> b.getLong(pos);
        };
    }

    private static BadFormatException truncated(Path path, long actual, long expected) {
        return new BadFormatException(path, null, "truncated HDF5 file: it has " + actual
                + " bytes but its superblock says it ends at byte " + (expected < 0 ? "(invalid)" : expected));
    }
}
