package io.battdat.hdf5;

import io.battdat.api.BattdatException;
import io.battdat.api.spi.RandomAccessSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A read-only {@link FileChannel} over a {@link RandomAccessSource}, so the reader's structure parsing (ours and
 * jHDF's) and chunk reads run unchanged on remote files. Only positional and sequential reads work; writes, locks and
 * memory mapping are refused. A source failure reaches callers as an {@link IOException} whose cause is the source's
 * located exception, which {@link #located(IOException)} recovers.
 */
final class SourceChannel extends FileChannel {
    private final RandomAccessSource source;
    private final long size;
    private long position;

    SourceChannel(RandomAccessSource source) {
        this.source = source;
        this.size = source.size();
    }

    RandomAccessSource source() {
        return source;
    }

    /** The source's own exception when {@code e} carries one, else null. */
    static BattdatException located(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BattdatException b) {
                return b;
            }
        }
        return null;
    }

    @Override
    public int read(ByteBuffer dst, long at) throws IOException {
        ensureOpen();
        if (at >= size) {
            return -1;
        }
        int n = (int) Math.min(dst.remaining(), size - at);
        if (n == 0) {
            return 0;
        }
        ByteBuffer slice = dst.duplicate();
        slice.limit(slice.position() + n);
        try {
            source.readFully(at, slice);
        } catch (BattdatException e) {
            throw new IOException(e.getMessage(), e);
        }
        dst.position(dst.position() + n);
        return n;
    }

    @Override
    public synchronized int read(ByteBuffer dst) throws IOException {
        int n = read(dst, position);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public synchronized long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            int n = read(dsts[i]);
            if (n < 0) {
                return total == 0 ? -1 : total;
            }
            total += n;
            if (dsts[i].hasRemaining()) {
                break;
            }
        }
        return total;
    }

    @Override
    public synchronized long position() {
        return position;
    }

    @Override
    public synchronized FileChannel position(long newPosition) {
        this.position = newPosition;
        return this;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) {
        throw new NonWritableChannelException();
    }

    @Override
    public int write(ByteBuffer src, long at) {
        throw new NonWritableChannelException();
    }

    @Override
    public FileChannel truncate(long newSize) {
        throw new NonWritableChannelException();
    }

    @Override
    public void force(boolean metaData) {
        // nothing is written
    }

    @Override
    public long transferTo(long at, long count, WritableByteChannel target) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(count, 1 << 16));
        long done = 0;
        while (done < count) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), count - done));
            int n = read(buffer, at + done);
            if (n <= 0) {
                break;
            }
            buffer.flip();
            while (buffer.hasRemaining()) {
                target.write(buffer);
            }
            done += n;
        }
        return done;
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long at, long count) {
        throw new NonWritableChannelException();
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long at, long count) {
        throw new UnsupportedOperationException("memory mapping " + source.name()
                + ": remote files are read by range, not mapped");
    }

    @Override
    public FileLock lock(long at, long count, boolean shared) {
        throw new UnsupportedOperationException("locking " + source.name());
    }

    @Override
    public FileLock tryLock(long at, long count, boolean shared) {
        throw new UnsupportedOperationException("locking " + source.name());
    }

    private void ensureOpen() throws IOException {
        if (!isOpen()) {
            throw new java.nio.channels.ClosedChannelException();
        }
    }

    @Override
    protected void implCloseChannel() {
        source.close();
    }
}
