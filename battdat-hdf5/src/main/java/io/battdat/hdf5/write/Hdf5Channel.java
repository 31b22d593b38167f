package io.battdat.hdf5.write;

import io.battdat.api.ErrorLocation;
import io.battdat.api.WriteException;
import io.battdat.hdf5.ObjectHeaderV1;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;

/**
 * The file being written, seen as HDF5 sees it: addresses relative to the base address (where the superblock
 * sits), space allocated at the end of the file (the end-of-file address is the only allocation record a version 0
 * superblock has, docs/commit-protocol.md section 2.1), and barriers between the steps of a commit when durability is
 * asked for. Every failure names the file.
 */
final class Hdf5Channel {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Hdf5Channel.class);
    private final Path file;
    private final FileChannel channel;
    private final long base;
    private final boolean fsync;
    private long end;
    /** Tests only: writes allowed before {@link #failure} is thrown instead (a crash or a full disk); -1 = no limit. */
    private long writesLeft = -1;
    private java.util.function.Supplier<? extends Throwable> failure;
    private long writes;
    private WriteException failed;
    private final java.util.Set<Long> straddling = new java.util.HashSet<>();

    /**
     * @param end first free address: the superblock's end-of-file address for an existing file. Bytes past it (the
     *            leftovers of an interrupted writer) are overwritten, as HDF5 does.
     */
    Hdf5Channel(Path file, FileChannel channel, long base, long end, boolean fsync) {
        this.file = file;
        this.channel = channel;
        this.base = base;
        this.end = end;
        this.fsync = fsync;
    }

    Path file() {
        return file;
    }

    FileChannel channel() {
        return channel;
    }

    long base() {
        return base;
    }

    /** The first unallocated address. */
    long end() {
        return end;
    }

    /** Writes bytes at the end of the file and returns their address. */
    long allocate(byte[] bytes, int length) {
        return allocate(ByteBuffer.wrap(bytes, 0, length));
    }

    /** Writes a buffer's remaining bytes at the end of the file and returns their address. */
    long allocate(ByteBuffer bytes) {
        long at = end;
        int length = bytes.remaining();
        write(at, bytes);
        end += length;
        return at;
    }

    /** Writes bytes in place at an allocated address. */
    void write(long address, byte[] bytes) {
        write(address, ByteBuffer.wrap(bytes));
    }

    /** Writes a buffer's remaining bytes at an address (one positional write, as far as the OS allows). */
    void write(long address, ByteBuffer bytes) {
        if (writesLeft >= 0 && writesLeft-- == 0) {
            failWrite();
        }
        writes++;
        try {
            long p = base + address;
            while (bytes.hasRemaining()) {
                p += channel.write(bytes, p);
            }
        } catch (IOException e) {
            failed = new WriteException(ErrorLocation.of(file),
                    "cannot write at address " + address + ": " + e.getMessage(), e);
            throw failed;
        }
    }

    /**
     * Writes an 8-byte little-endian value in place with a single write: the commit steps of an append. A killed
     * process leaves such a write whole or absent; for power loss (with {@code fsync}) the device must write it
     * atomically, which only a field inside one 512-byte sector is assumed to get (docs/commit-protocol.md section 6),
     * so a field that straddles a sector boundary is reported once.
     */
    void writeLong(long address, long value) {
        if (fsync && (base + address) / 512 != (base + address + 7) / 512 && straddling.add(address)) {
            LOG.warn("{}: the 8-byte field at address {} straddles a 512-byte sector: a power loss during its write "
                    + "could tear it (a killed process cannot)", file, address);
        }
        write(address, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, value));
    }

    /** The write that failed, if one did: nothing more may be written after it. */
    WriteException failure() {
        return failed;
    }

    /** Writes made so far (tests count the steps of a commit with it). */
    long writes() {
        return writes;
    }

    /** Tests only: after {@code writes} more writes, each write throws what {@code failure} supplies. */
    void failAfter(long writes, java.util.function.Supplier<? extends Throwable> failure) {
        this.writesLeft = writes;
        this.failure = failure;
    }

    private void failWrite() {
        writesLeft = 0;
        Throwable t = failure.get();
        if (t instanceof IOException io) {
            failed = new WriteException(ErrorLocation.of(file), "cannot write: " + io.getMessage(), io);
            throw failed;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw (RuntimeException) t;
    }

    /** Reads {@code length} bytes at an address; a read past the end of the file is a format error. */
    ByteBuffer read(long address, int length) {
        return ObjectHeaderV1.read(file, channel, base, address, length);
    }

    /** Reads every message of the version 1 object header at {@code address}, following continuation messages. */
    List<ObjectHeaderV1.Message> readHeader(long address, String object) {
        return ObjectHeaderV1.read(file, channel, base, address, object);
    }

    /**
     * Orders the writes before it before the writes after it on the storage device, when power-loss durability is
     * asked for. Against a killed process the order of the writes alone is enough (each completed write is in the
     * page cache), so without {@code fsync} this does nothing.
     */
    void barrier() {
        if (fsync) {
            try {
                channel.force(false);
            } catch (IOException e) {
                throw new WriteException(ErrorLocation.of(file),
                        "cannot force writes to the device: " + e.getMessage(), e);
            }
        }
    }

    void truncateToEnd() {
        try {
            if (channel.size() > base + end) {
                channel.truncate(base + end);
            }
        } catch (IOException e) {
            throw new WriteException(ErrorLocation.of(file), "cannot trim the file: " + e.getMessage(), e);
        }
    }

    void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new WriteException(ErrorLocation.of(file), "cannot close: " + e.getMessage(), e);
        }
    }
}
