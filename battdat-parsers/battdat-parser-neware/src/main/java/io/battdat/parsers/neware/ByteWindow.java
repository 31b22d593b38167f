package io.battdat.parsers.neware;

import io.battdat.api.FileAccessException;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * A sliding window over a stream: the bytes from the read position up to a fixed capacity are in one array, so a
 * record is decoded in place with little-endian reads and nothing is allocated per record. Memory is the window's
 * capacity, whatever the stream's length.
 */
final class ByteWindow implements AutoCloseable, RecordBytes {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle FLOAT = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);

    private final InputStream in;
    private final Path file;
    private final String member;
    private final byte[] buf;
    private int pos;
    private int limit;
    private long base; // stream offset of buf[0]
    private boolean eof;

    /**
     * @param in       the stream, read from its current position
     * @param file     the file, for messages
     * @param member   the zip member being read, or null for the file itself
     * @param capacity the window's size: the largest span {@link #ensure} can be asked for
     */
    ByteWindow(InputStream in, Path file, String member, int capacity) {
        this.in = in;
        this.file = file;
        this.member = member;
        this.buf = new byte[capacity];
    }

    /**
     * Makes {@code n} bytes available from the read position when the stream still has them.
     *
     * @return the bytes available (at least {@code n} unless the stream ended first)
     */
    int ensure(int n) {
        if (limit - pos >= n || eof) {
            return limit - pos;
        }
        if (n > buf.length) {
            throw new IllegalArgumentException("window of " + buf.length + " bytes asked for " + n);
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            base += pos;
            limit -= pos;
            pos = 0;
        }
        try {
            while (limit < buf.length) {
                int r = in.read(buf, limit, buf.length - limit);
                if (r < 0) {
                    eof = true;
                    break;
                }
                limit += r;
                if (limit - pos >= n && limit >= buf.length / 2) {
                    break;
                }
            }
        } catch (IOException e) {
            throw NewareErrors.io(file, member, e);
        }
        return limit - pos;
    }

    /** Bytes available without reading more. */
    int available() {
        return limit - pos;
    }

    /** Moves the read position forward (at most past what {@link #ensure} made available). */
    void skip(int n) {
        pos += n;
    }

    /** Skips {@code n} bytes of the stream, reading through them. */
    long skipLong(long n) {
        long left = n;
        while (left > 0) {
            int have = ensure((int) Math.min(left, buf.length / 2));
            if (have == 0) {
                break;
            }
            int step = (int) Math.min(left, have);
            pos += step;
            left -= step;
        }
        return n - left;
    }

    /** Stream offset of the read position. */
    long offset() {
        return base + pos;
    }

    /** The array holding the window; offsets given to the getters are relative to the read position. */
    byte[] array() {
        return buf;
    }

    @Override
    public int u8(int at) {
        return buf[pos + at] & 0xFF;
    }

    int u16(int at) {
        return ((short) SHORT.get(buf, pos + at)) & 0xFFFF;
    }

    short i16(int at) {
        return (short) SHORT.get(buf, pos + at);
    }

    @Override
    public int i32(int at) {
        return (int) INT.get(buf, pos + at);
    }

    @Override
    public long u32(int at) {
        return ((int) INT.get(buf, pos + at)) & 0xFFFFFFFFL;
    }

    @Override
    public long i64(int at) {
        return (long) LONG.get(buf, pos + at);
    }

    float f32(int at) {
        return (float) FLOAT.get(buf, pos + at);
    }

    double f64(int at) {
        return Double.longBitsToDouble((long) LONG.get(buf, pos + at));
    }

    /** Whether the bytes at {@code at} (relative to the read position) equal {@code pattern}. */
    boolean matches(int at, byte[] pattern) {
        int p = pos + at;
        if (p + pattern.length > limit) {
            return false;
        }
        for (int k = 0; k < pattern.length; k++) {
            if (buf[p + k] != pattern[k]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw NewareErrors.io(file, member, e);
        }
    }
}
