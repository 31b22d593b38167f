package io.battdat.hdf5.codecs;

import io.jhdf.exceptions.HdfFilterException;

import java.util.Arrays;

/**
 * A growable byte buffer that refuses to grow past a fixed cap, so that a decompression bomb fails with an
 * {@link HdfFilterException} instead of an {@link OutOfMemoryError}.
 */
final class CappedByteSink {

    private final int cap;
    private final String what;
    private byte[] buffer;
    private int size;

    CappedByteSink(int initialCapacity, int cap, String what) {
        this.cap = cap;
        this.what = what;
        this.buffer = new byte[Math.max(16, Math.min(initialCapacity, cap))];
    }

    /** Makes room for at least {@code more} bytes and returns the backing array; write at {@link #size()}. */
    byte[] reserve(int more) {
        long needed = (long) size + more;
        if (needed > cap) {
            throw overflow();
        }
        if (needed > buffer.length) {
            long grown = Math.max(needed, Math.min((long) cap, (long) buffer.length * 2));
            buffer = Arrays.copyOf(buffer, (int) grown);
        }
        return buffer;
    }

    /** The error for output beyond the cap. */
    HdfFilterException overflow() {
        return new HdfFilterException(what + " decodes to more than " + cap
                + " bytes (the decoded chunk size cap); the chunk is corrupt or a decompression bomb");
    }

    /** The backing array; valid until the next {@link #reserve}. */
    byte[] array() {
        return buffer;
    }

    /** Free space in the backing array after the written bytes. */
    int available() {
        return buffer.length - size;
    }

    void advance(int written) {
        size += written;
    }

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
    }
}
