package io.battdat.hdf5.zlib;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * The adler32 of RFC 1950 (the zlib trailer), summed eight bytes at a time. On JDK 17 {@link java.util.zip.Adler32}
 * calls zlib's byte-at-a-time loop through JNI; the ISA-L paths, which must check or write the trailer themselves,
 * spent about a fifth of their inflate time there. Here each 8-byte word is split into its even and odd bytes,
 * four 16-bit lanes each, and a block of {@value #BLOCK_WORDS} words is summed lane-wise (no lane can overflow within
 * a block: at most 255 x 16 in a byte lane, 510 x 16 x 15 / 2 in the running-prefix lanes) before the lanes are
 * folded into the two sums. About twice the JDK's speed on the project's machine.
 */
final class Adler32Lanes {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int MOD = 65521;
    private static final long EVEN_BYTES = 0x00ff00ff00ff00ffL;
    private static final int BLOCK_WORDS = 16;
    private static final int BLOCK_BYTES = 8 * BLOCK_WORDS;
    /** Blocks between reductions: s2 stays far below 2^63 (s1 < 2^27, s2 grows by at most 2^7 s1 per block). */
    private static final int BLOCKS_PER_REDUCTION = 4096;

    private Adler32Lanes() {
    }

    /** The adler32 of {@code length} bytes of {@code bytes} from {@code offset} (starting from 1, as zlib does). */
    static int of(byte[] bytes, int offset, int length) {
        return update(1, bytes, offset, length);
    }

    /** Continues the adler32 {@code adler} over more bytes. */
    static int update(int adler, byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        long s1 = adler & 0xffff;
        long s2 = (adler >>> 16) & 0xffff;
        int at = offset;
        int end = offset + length;
        int blocks = 0;
        while (end - at >= BLOCK_BYTES) {
            // lanes of the block's even bytes, odd bytes, and the sum of both before each word (for s2)
            long even = 0;
            long odd = 0;
            long before = 0;
            for (int word = 0; word < BLOCK_WORDS; word++, at += 8) {
                long x = (long) LONGS.get(bytes, at);
                before += even + odd;
                even += x & EVEN_BYTES;
                odd += (x >>> 8) & EVEN_BYTES;
            }
            // byte j of a word adds (8 - j) times itself to s2 within its word, 8 times per later word
            s2 += BLOCK_BYTES * s1 + 8 * laneSum(before) + weighted(even, 8, 6, 4, 2) + weighted(odd, 7, 5, 3, 1);
            s1 += laneSum(even) + laneSum(odd);
            if (++blocks == BLOCKS_PER_REDUCTION) {
                s1 %= MOD;
                s2 %= MOD;
                blocks = 0;
            }
        }
        s1 %= MOD;
        s2 %= MOD;
        for (; at < end; at++) {
            s1 += bytes[at] & 0xff;
            s2 += s1;
        }
        s1 %= MOD;
        s2 %= MOD;
        return (int) ((s2 << 16) | s1);
    }

    private static long laneSum(long lanes) {
        return (lanes & 0xffff) + ((lanes >>> 16) & 0xffff) + ((lanes >>> 32) & 0xffff) + (lanes >>> 48);
    }

    private static long weighted(long lanes, int w0, int w1, int w2, int w3) {
        return (lanes & 0xffff) * w0 + ((lanes >>> 16) & 0xffff) * w1 + ((lanes >>> 32) & 0xffff) * w2
                + (lanes >>> 48) * w3;
    }
}
