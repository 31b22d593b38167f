package io.battdat.hdf5;

import io.battdat.api.FileAccessException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * The file mapped read-only in overlapping windows, so chunk bytes are decoded where the page cache holds them:
 * no copy, and no heap (a 64 MiB heap streams any file size). Windows are {@link #WINDOW} bytes long and start
 * every {@link #STEP} bytes, so any range of up to {@code WINDOW - STEP} bytes lies inside one window.
 */
final class MappedFile {
    static final long STEP = 1L << 30;
    static final long WINDOW = STEP + (64L << 20);

    private final Path path;
    private final FileChannel channel;
    private final long size;
    private final MappedByteBuffer[] windows;

    MappedFile(Path path, FileChannel channel) throws IOException {
        this.path = path;
        this.channel = channel;
        this.size = channel.size();
        this.windows = new MappedByteBuffer[(int) (size / STEP) + 1];
    }

    long size() {
        return size;
    }

    /** Whether {@link #slice} can serve a range of this length. */
    static boolean fits(long length) {
        return length <= WINDOW - STEP;
    }

    /** A little-endian view of {@code [position, position + length)}; the caller checked the range is in the file. */
    ByteBuffer slice(long position, int length) {
        int w = (int) (position / STEP);
        MappedByteBuffer window = window(w);
        int offset = (int) (position - w * STEP);
        return window.slice(offset, length).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Copies a range too long for one window (a chunk over 64 MiB) with positional reads. */
    void read(long position, byte[] into, int length, String table) {
        ByteBuffer buffer = ByteBuffer.wrap(into, 0, length);
        try {
            long at = position;
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, at);
                if (n < 0) {
                    throw new FileAccessException(path, table, "file ends at byte " + at + " inside a chunk");
                }
                at += n;
            }
        } catch (IOException e) {
            throw new FileAccessException(path, table, "cannot read bytes " + position + ".. : " + e.getMessage(), e);
        }
    }

    private MappedByteBuffer window(int w) {
        MappedByteBuffer m = windows[w];
        if (m == null) {
            synchronized (this) {
                m = windows[w];
                if (m == null) {
                    long start = w * STEP;
                    try {
                        m = channel.map(FileChannel.MapMode.READ_ONLY, start, Math.min(WINDOW, size - start));
                    } catch (IOException e) {
                        throw new FileAccessException(path, null, "cannot map bytes " + start + ".. of the file: "
                                + e.getMessage(), e);
                    }
                    windows[w] = m;
                }
            }
        }
        return m;
    }
}
