package io.battdat.hdf5.shuffle;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The 8 x 8 byte transpose at the heart of every byte shuffle battdat does (HDF5's shuffle filter and blosc's
 * shuffled blocks, both directions): eight little-endian 8-byte words, read a stride apart, are transposed in
 * registers and written another stride apart, so that 64 bytes move with 16 loads and stores instead of 64 of each.
 */
public final class ByteTranspose {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private ByteTranspose() {
    }

    /**
     * Reads the words at {@code from + q * fromStride} (q = 0..7) of {@code src}, transposes them as an 8 x 8 byte
     * matrix (byte {@code q} of word {@code b} becomes what byte {@code b} of word {@code q} was) and writes word
     * {@code b} at {@code to + b * toStride} of {@code dst}. Three rounds of masked swaps of 1-, 2- and 4-byte blocks;
     * a small method, so that the JIT compiles it early in a short run.
     */
    public static void tile(byte[] src, int from, int fromStride, byte[] dst, int to, int toStride) {
        long r0 = (long) LONGS.get(src, from);
        long r1 = (long) LONGS.get(src, from + fromStride);
        long r2 = (long) LONGS.get(src, from + 2 * fromStride);
        long r3 = (long) LONGS.get(src, from + 3 * fromStride);
        long r4 = (long) LONGS.get(src, from + 4 * fromStride);
        long r5 = (long) LONGS.get(src, from + 5 * fromStride);
        long r6 = (long) LONGS.get(src, from + 6 * fromStride);
        long r7 = (long) LONGS.get(src, from + 7 * fromStride);
        long x;
        x = ((r0 >>> 8) ^ r1) & 0x00FF00FF00FF00FFL;
        r1 ^= x;
        r0 ^= x << 8;
        x = ((r2 >>> 8) ^ r3) & 0x00FF00FF00FF00FFL;
        r3 ^= x;
        r2 ^= x << 8;
        x = ((r4 >>> 8) ^ r5) & 0x00FF00FF00FF00FFL;
        r5 ^= x;
        r4 ^= x << 8;
        x = ((r6 >>> 8) ^ r7) & 0x00FF00FF00FF00FFL;
        r7 ^= x;
        r6 ^= x << 8;
        x = ((r0 >>> 16) ^ r2) & 0x0000FFFF0000FFFFL;
        r2 ^= x;
        r0 ^= x << 16;
        x = ((r1 >>> 16) ^ r3) & 0x0000FFFF0000FFFFL;
        r3 ^= x;
        r1 ^= x << 16;
        x = ((r4 >>> 16) ^ r6) & 0x0000FFFF0000FFFFL;
        r6 ^= x;
        r4 ^= x << 16;
        x = ((r5 >>> 16) ^ r7) & 0x0000FFFF0000FFFFL;
        r7 ^= x;
        r5 ^= x << 16;
        x = ((r0 >>> 32) ^ r4) & 0x00000000FFFFFFFFL;
        r4 ^= x;
        r0 ^= x << 32;
        x = ((r1 >>> 32) ^ r5) & 0x00000000FFFFFFFFL;
        r5 ^= x;
        r1 ^= x << 32;
        x = ((r2 >>> 32) ^ r6) & 0x00000000FFFFFFFFL;
        r6 ^= x;
        r2 ^= x << 32;
        x = ((r3 >>> 32) ^ r7) & 0x00000000FFFFFFFFL;
        r7 ^= x;
        r3 ^= x << 32;
        LONGS.set(dst, to, r0);
        LONGS.set(dst, to + toStride, r1);
        LONGS.set(dst, to + 2 * toStride, r2);
        LONGS.set(dst, to + 3 * toStride, r3);
        LONGS.set(dst, to + 4 * toStride, r4);
        LONGS.set(dst, to + 5 * toStride, r5);
        LONGS.set(dst, to + 6 * toStride, r6);
        LONGS.set(dst, to + 7 * toStride, r7);
    }
}
