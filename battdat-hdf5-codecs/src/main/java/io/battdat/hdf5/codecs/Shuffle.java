package io.battdat.hdf5.codecs;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Blosc's byte shuffle of one block: byte {@code j} of element {@code i} moves to {@code j * n + i}, where
 * {@code n} is the number of whole elements in the block. Bytes after the last whole element are copied as they
 * are, exactly like c-blosc's generic (un)shuffle.
 *
 * <p>Both directions move 8 x 8 byte tiles at once ({@link #tile}) instead of 64 single-byte moves with a stride
 * (the byte loop was the bottleneck of blosc reads and writes of 59-byte rows). When the type is wider than 8 bytes
 * but not a multiple of 8, its last 8 streams form one more tile that overlaps the one before it. Elements that do
 * not fill a tile, and the streams of types narrower than 8 bytes, are moved byte by byte.
 *
 * <p>battdat-hdf5 has the same shuffle ({@code io.battdat.hdf5.ByteShuffle}), but this module must load and decode
 * without battdat-hdf5 on the class path (it is an optional dependency, for jHDF users), so it keeps its own.
 */
public final class Shuffle {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Shuffle() {
    }

    /** Shuffles {@code blockSize} bytes from {@code src} into {@code dst}. */
    public static void shuffle(int typesize, int blockSize, byte[] src, int srcOff, byte[] dst, int dstOff) {
        int elements = blockSize / typesize;
        int tiledElements = elements & ~7;
        int tiledStreams = typesize & ~7;
        for (int i = 0; i < tiledElements; i += 8) {
            for (int j = 0; j < tiledStreams; j += 8) {
                tile(src, srcOff + i * typesize + j, typesize, dst, dstOff + j * elements + i, elements);
            }
            if (tiledStreams != typesize && typesize > 8) {
                // the last 8 streams as one tile that overlaps the previous one, which rewrites equal bytes
                int j = typesize - 8;
                tile(src, srcOff + i * typesize + j, typesize, dst, dstOff + j * elements + i, elements);
                continue;
            }
            for (int j = tiledStreams; j < typesize; j++) {
                for (int m = 0; m < 8; m++) {
                    dst[dstOff + j * elements + i + m] = src[srcOff + (i + m) * typesize + j];
                }
            }
        }
        for (int i = tiledElements; i < elements; i++) {
            for (int j = 0; j < typesize; j++) {
                dst[dstOff + j * elements + i] = src[srcOff + i * typesize + j];
            }
        }
        int whole = elements * typesize;
        System.arraycopy(src, srcOff + whole, dst, dstOff + whole, blockSize - whole);
    }

    /** Reverses {@link #shuffle}. */
    public static void unshuffle(int typesize, int blockSize, byte[] src, int srcOff, byte[] dst, int dstOff) {
        int elements = blockSize / typesize;
        int tiledElements = elements & ~7;
        int tiledStreams = typesize & ~7;
        for (int i = 0; i < tiledElements; i += 8) {
            for (int j = 0; j < tiledStreams; j += 8) {
                tile(src, srcOff + j * elements + i, elements, dst, dstOff + i * typesize + j, typesize);
            }
            if (tiledStreams != typesize && typesize > 8) {
                // the last 8 streams as one tile that overlaps the previous one, which rewrites equal bytes
                int j = typesize - 8;
                tile(src, srcOff + j * elements + i, elements, dst, dstOff + i * typesize + j, typesize);
                continue;
            }
            for (int j = tiledStreams; j < typesize; j++) {
                for (int m = 0; m < 8; m++) {
                    dst[dstOff + (i + m) * typesize + j] = src[srcOff + j * elements + i + m];
                }
            }
        }
        for (int i = tiledElements; i < elements; i++) {
            for (int j = 0; j < typesize; j++) {
                dst[dstOff + i * typesize + j] = src[srcOff + j * elements + i];
            }
        }
        int whole = elements * typesize;
        System.arraycopy(src, srcOff + whole, dst, dstOff + whole, blockSize - whole);
    }

    /**
     * Moves one 8 x 8 byte tile: eight 8-byte rows read {@code fromStride} apart, transposed in registers (three
     * rounds of masked swaps of 1-, 2- and 4-byte blocks between rows), written {@code toStride} apart.
     */
    private static void tile(byte[] src, int from, int fromStride, byte[] dst, int to, int toStride) {
        long r0 = (long) LONGS.get(src, from + 0 * fromStride);
        long r1 = (long) LONGS.get(src, from + 1 * fromStride);
        long r2 = (long) LONGS.get(src, from + 2 * fromStride);
        long r3 = (long) LONGS.get(src, from + 3 * fromStride);
        long r4 = (long) LONGS.get(src, from + 4 * fromStride);
        long r5 = (long) LONGS.get(src, from + 5 * fromStride);
        long r6 = (long) LONGS.get(src, from + 6 * fromStride);
        long r7 = (long) LONGS.get(src, from + 7 * fromStride);
        long t;
        t = ((r0 >>> 8) ^ r1) & 0x00FF00FF00FF00FFL;
        r1 ^= t;
        r0 ^= t << 8;
        t = ((r2 >>> 8) ^ r3) & 0x00FF00FF00FF00FFL;
        r3 ^= t;
        r2 ^= t << 8;
        t = ((r4 >>> 8) ^ r5) & 0x00FF00FF00FF00FFL;
        r5 ^= t;
        r4 ^= t << 8;
        t = ((r6 >>> 8) ^ r7) & 0x00FF00FF00FF00FFL;
        r7 ^= t;
        r6 ^= t << 8;
        t = ((r0 >>> 16) ^ r2) & 0x0000FFFF0000FFFFL;
        r2 ^= t;
        r0 ^= t << 16;
        t = ((r1 >>> 16) ^ r3) & 0x0000FFFF0000FFFFL;
        r3 ^= t;
        r1 ^= t << 16;
        t = ((r4 >>> 16) ^ r6) & 0x0000FFFF0000FFFFL;
        r6 ^= t;
        r4 ^= t << 16;
        t = ((r5 >>> 16) ^ r7) & 0x0000FFFF0000FFFFL;
        r7 ^= t;
        r5 ^= t << 16;
        t = ((r0 >>> 32) ^ r4) & 0x00000000FFFFFFFFL;
        r4 ^= t;
        r0 ^= t << 32;
        t = ((r1 >>> 32) ^ r5) & 0x00000000FFFFFFFFL;
        r5 ^= t;
        r1 ^= t << 32;
        t = ((r2 >>> 32) ^ r6) & 0x00000000FFFFFFFFL;
        r6 ^= t;
        r2 ^= t << 32;
        t = ((r3 >>> 32) ^ r7) & 0x00000000FFFFFFFFL;
        r7 ^= t;
        r3 ^= t << 32;
        LONGS.set(dst, to + 0 * toStride, r0);
        LONGS.set(dst, to + 1 * toStride, r1);
        LONGS.set(dst, to + 2 * toStride, r2);
        LONGS.set(dst, to + 3 * toStride, r3);
        LONGS.set(dst, to + 4 * toStride, r4);
        LONGS.set(dst, to + 5 * toStride, r5);
        LONGS.set(dst, to + 6 * toStride, r6);
        LONGS.set(dst, to + 7 * toStride, r7);
    }
}
