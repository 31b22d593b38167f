package io.battdat.hdf5.shuffle;

/**
 * The 8 x 8 byte transpose at the heart of HDF5's byte shuffle filter, shared by the reader (unshuffling a chunk into
 * elements) and the writer (shuffling elements before deflate): eight bytes of eight streams, or eight bytes of eight
 * elements, are swapped in registers instead of one byte per load and store.
 */
public final class ByteTranspose {
    private ByteTranspose() {
    }

    /**
     * Transposes an 8 x 8 byte matrix held as 8 little-endian words: afterwards byte {@code q} of word {@code b}
     * is what byte {@code b} of word {@code q} was. Three rounds of masked swaps of 1-, 2- and 4-byte blocks.
     */
    public static void transpose(long[] t) {
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
