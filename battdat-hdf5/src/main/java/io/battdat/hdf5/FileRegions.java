package io.battdat.hdf5;

import io.battdat.api.ErrorLocation;
import io.battdat.api.FileAccessException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Reads byte ranges of the file with positional reads into buffers the caller reuses, so resident memory stays
 * at a few chunks whatever the file size (a memory mapping would keep every touched page of the file resident).
 * Thread-safe: positional reads do not move a shared position.
 */
final class FileRegions {
    private final Path path;
    private final FileChannel channel;
    private final long size;

    FileRegions(Path path, FileChannel channel) throws IOException {
        this.path = path;
        this.channel = channel;
        this.size = channel.size();
    }

    long size() {
        return size;
    }

    /** Fills {@code into} (from its position to its limit) with the bytes at {@code position}. */
    void read(long position, ByteBuffer into, String table) {
        try {
            long at = position;
            while (into.hasRemaining()) {
                int n = channel.read(into, at);
                if (n < 0) {
                    throw new FileAccessException(ErrorLocation.of(path, table),
                            "file ends at byte " + at + " inside a chunk", null);
                }
                at += n;
            }
        } catch (IOException e) {
            throw new FileAccessException(ErrorLocation.of(path, table),
                    "cannot read bytes " + position + ".. : " + e.getMessage(), e);
        }
    }

    /** A little-endian direct buffer of at least {@code capacity} bytes: {@code current} when big enough. */
    static ByteBuffer direct(ByteBuffer current, int capacity) {
        if (current != null && current.capacity() >= capacity) {
            return current.clear();
        }
        return ByteBuffer.allocateDirect(Math.max(capacity, 1 << 16)).order(ByteOrder.LITTLE_ENDIAN);
    }
}
