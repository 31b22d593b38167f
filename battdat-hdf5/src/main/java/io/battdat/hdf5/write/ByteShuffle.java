package io.battdat.hdf5.write;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * HDF5's shuffle filter for a whole chunk (byte {@code j} of element {@code i} goes to {@code j * n + i}), done 8
 * elements at a time: eight 8-byte words, one from each of 8 consecutive elements, are transposed in registers
 * into 8 words of 8 byte streams. A byte-by-byte loop costs a load and a store per byte; before zlib level 1
 * it took about as long as deflating the chunk.
 */
final class ByteShuffle {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private ByteShuffle() {
    }

    /**
     * Shuffles {@code n} elements of {@code elementSize} bytes from {@code rows} into {@code out}.
     *
     * @param rows        the elements, one after the other, from position 0
     * @param n           elements
     * @param elementSize bytes per element
     * @param out         receives {@code n * elementSize} bytes from position 0
     */
    static void shuffle(byte[] rows, int n, int elementSize, byte[] out) {
        int e = elementSize;
        int tiled = e >= 8 ? n & ~7 : 0;
        long[] t = new long[8];
        for (int i = 0; i < tiled; i += 8) {
            // windows of 8 bytes across the element; the last one ends at the element's end (and may overlap the
            // one before it, which rewrites the same bytes)
            for (int j = 0; j < e; j += 8) {
                int w = Math.min(j, e - 8);
                int from = i * e + w;
                for (int q = 0; q < 8; q++) {
                    t[q] = (long) LONGS.get(rows, from + q * e);
                }
                transpose(t);
                for (int b = 0; b < 8; b++) {
                    LONGS.set(out, (w + b) * n + i, t[b]);
                }
            }
        }
        for (int j = 0; j < e; j++) {
            int dst = j * n;
            for (int i = tiled; i < n; i++) {
                out[dst + i] = rows[i * e + j];
            }
        }
    }

    /**
     * Transposes an 8 x 8 byte matrix held as 8 little-endian words: afterwards byte {@code q} of word {@code b}
     * is what byte {@code b} of word {@code q} was. Three rounds of masked swaps of 1-, 2- and 4-byte blocks.
     */
    static void transpose(long[] t) {
        long r0 = t[0];
        long r1 = t[1];
        long r2 = t[2];
        long r3 = t[3];
        long r4 = t[4];
        long r5 = t[5];
        long r6 = t[6];
        long r7 = t[7];
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
        t[0] = r0;
        t[1] = r1;
        t[2] = r2;
        t[3] = r3;
        t[4] = r4;
        t[5] = r5;
        t[6] = r6;
        t[7] = r7;
    }
}
