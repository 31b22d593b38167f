package io.battdat.hadoop;

import org.apache.hadoop.fs.FSInputStream;

import org.apache.hadoop.fs.FSDataInputStream;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * A Hadoop input stream over bytes in memory, for tests of {@link HadoopSource}: positional reads copy from
 * {@link #content}; subclasses count or fail them before calling this class's {@link #read(long, byte[], int, int)}.
 */
class InMemoryStream extends FSInputStream {
    private final byte[] content;
    private long pos;

    InMemoryStream(byte[] content) {
        this.content = content;
    }

    /**
     * A source over {@code content} with the storage's settings, whose every request to the store is recorded in
     * {@code requests} as (position, length).
     */
    static HadoopSource recordedSource(String uri, byte[] content, HadoopStorage storage, List<long[]> requests)
            throws IOException {
        HadoopSource.Opener opener = () -> new FSDataInputStream(new InMemoryStream(content) {
            @Override
            public int read(long position, byte[] buffer, int offset, int length) throws IOException {
                requests.add(new long[] {position, length});
                return super.read(position, buffer, offset, length);
            }
        });
        return new HadoopSource(uri, content.length, opener.open(), opener, storage.settings());
    }

    /** Reads {@code length} bytes at {@code position} through the source and checks they are the content's. */
    static void assertReads(HadoopSource source, byte[] content, long position, int length) {
        ByteBuffer into = ByteBuffer.allocate(length);
        source.readFully(position, into);
        assertArrayEquals(Arrays.copyOfRange(content, (int) position, (int) position + length), into.array());
    }

    /** {@code size} bytes of a fixed pattern that is unlikely to match at a wrong offset. */
    static byte[] pattern(int size) {
        byte[] out = new byte[size];
        for (int i = 0; i < size; i++) {
            out[i] = (byte) (i * 31 + 7);
        }
        return out;
    }

    @Override
    public int read(long position, byte[] buffer, int offset, int length) throws IOException {
        int n = (int) Math.min(length, content.length - position);
        if (n <= 0) {
            return -1;
        }
        System.arraycopy(content, (int) position, buffer, offset, n);
        return n;
    }

    @Override
    public void readFully(long position, byte[] buffer, int offset, int length) throws IOException {
        if (read(position, buffer, offset, length) < length) {
            throw new EOFException();
        }
    }

    @Override
    public void seek(long p) {
        pos = p;
    }

    @Override
    public long getPos() {
        return pos;
    }

    @Override
    public boolean seekToNewSource(long targetPos) {
        return false;
    }

    @Override
    public int read() {
        return pos < content.length ? content[(int) pos++] & 0xff : -1;
    }
}
