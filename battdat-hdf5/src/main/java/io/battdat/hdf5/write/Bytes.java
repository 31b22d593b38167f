package io.battdat.hdf5.write;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/** A growable little-endian byte buffer for encoding HDF5 structures; addresses and lengths are 8 bytes. */
final class Bytes {
    static final long UNDEFINED = -1L;

    private ByteBuffer buffer = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);

    private void room(int n) {
        if (buffer.remaining() < n) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + n))
                    .order(ByteOrder.LITTLE_ENDIAN);
            buffer.flip();
            bigger.put(buffer);
            buffer = bigger;
        }
    }

    Bytes u8(int v) {
        return littleEndian(v, 1);
    }

    Bytes u16(int v) {
        return littleEndian(v, 2);
    }

    Bytes u32(long v) {
        return littleEndian(v, 4);
    }

    Bytes u64(long v) {
        return littleEndian(v, 8);
    }

    /** Appends the low {@code width} bytes of {@code v}, least significant first. */
    private Bytes littleEndian(long v, int width) {
        room(width);
        for (int shift = 0; shift < 8 * width; shift += 8) {
            buffer.put((byte) (v >>> shift));
        }
        return this;
    }

    Bytes bytes(byte[] b) {
        room(b.length);
        buffer.put(b);
        return this;
    }

    Bytes zeros(int n) {
        return bytes(new byte[n]);
    }

    /** Pads with zeros to a multiple of 8. */
    Bytes pad8() {
        return zeros((8 - size() % 8) % 8);
    }

    int size() {
        return buffer.position();
    }

    byte[] toArray() {
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    static int pad8(int n) {
        return (n + 7) & ~7;
    }
}
