package io.battdat.parquet;

import org.apache.parquet.io.SeekableInputStream;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * parquet-java's {@link SeekableInputStream} over bytes read by position, in bulk. parquet-java's own
 * {@code LocalInputFile} stream reads one byte per call when asked for many (it leaves {@code read(byte[], int,
 * int)} to {@link java.io.InputStream}'s loop), which made copying row groups run at well under 1 MB/s. Subclasses
 * say only how to read at a position: a local file channel ({@link ChannelInputStream}) or a storage provider's
 * source ({@link SourceInputFile}).
 */
abstract class PositionalInputStream extends SeekableInputStream {
    private long position;

    /**
     * Reads up to {@code buf.remaining()} bytes at {@code at} into {@code buf}.
     *
     * @return the number of bytes read, or -1 at the end of the file
     */
    protected abstract int readAt(long at, ByteBuffer buf) throws IOException;

    @Override
    public long getPos() {
        return position;
    }

    @Override
    public void seek(long newPos) {
        position = newPos;
    }

    @Override
    public int read() throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        return read(one) < 1 ? -1 : one.get(0) & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return read(ByteBuffer.wrap(b, off, len));
    }

    @Override
    public void readFully(byte[] bytes) throws IOException {
        readFully(ByteBuffer.wrap(bytes));
    }

    @Override
    public void readFully(byte[] bytes, int start, int len) throws IOException {
        readFully(ByteBuffer.wrap(bytes, start, len));
    }

    @Override
    public int read(ByteBuffer buf) throws IOException {
        if (!buf.hasRemaining()) {
            return 0;
        }
        int n = readAt(position, buf);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public void readFully(ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            if (read(buf) < 0) {
                throw new EOFException("end of file at " + position);
            }
        }
    }
}
