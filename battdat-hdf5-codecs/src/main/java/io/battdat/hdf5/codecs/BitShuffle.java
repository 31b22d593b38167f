package io.battdat.hdf5.codecs;

/**
 * Blosc's bit shuffle of one block (the bitshuffle algorithm as c-blosc embeds it).
 *
 * <p>With {@code n} whole elements in the block, the output is {@code 8 * typesize} rows of {@code n / 8} bytes:
 * row {@code 8 * j + b} holds bit {@code b} of byte {@code j} of every element, eight elements per byte, the
 * first element in the least significant bit. c-blosc only bit-shuffles when {@code n} is a multiple of 8; then the
 * bytes after the last whole element are copied as they are. Otherwise the whole block is copied unchanged.
 */
public final class BitShuffle {

    private BitShuffle() {
    }

    /** Bit-shuffles {@code blockSize} bytes from {@code src} into {@code dst}. */
    public static void shuffle(int typesize, int blockSize, byte[] src, int srcOff, byte[] dst, int dstOff) {
        move(typesize, blockSize, src, srcOff, dst, dstOff, true);
    }

    /** Reverses {@link #shuffle}. */
    public static void unshuffle(int typesize, int blockSize, byte[] src, int srcOff, byte[] dst, int dstOff) {
        move(typesize, blockSize, src, srcOff, dst, dstOff, false);
    }

    /**
     * Moves between element order and bit rows; both directions walk the same 8 x 8 bit tiles (byte {@code j} of 8
     * consecutive elements, {@code typesize} bytes apart, against byte {@code r} of 8 rows, a row apart), only which
     * side is read differs.
     */
    private static void move(int typesize, int blockSize, byte[] src, int srcOff, byte[] dst, int dstOff,
                             boolean shuffle) {
        int elements = blockSize / typesize;
        if (elements % 8 != 0) {
            System.arraycopy(src, srcOff, dst, dstOff, blockSize);
            return;
        }
        int rowLength = elements / 8;
        for (int j = 0; j < typesize; j++) {
            for (int r = 0; r < rowLength; r++) {
                int inElements = 8 * r * typesize + j;
                int inRows = 8 * j * rowLength + r;
                if (shuffle) {
                    scatter(transpose8x8(gather(src, srcOff + inElements, typesize)), dst, dstOff + inRows, rowLength);
                } else {
                    scatter(transpose8x8(gather(src, srcOff + inRows, rowLength)), dst, dstOff + inElements, typesize);
                }
            }
        }
        int whole = elements * typesize;
        System.arraycopy(src, srcOff + whole, dst, dstOff + whole, blockSize - whole);
    }

    /** Eight bytes {@code stride} apart as one word, the first in the least significant byte. */
    private static long gather(byte[] b, int at, int stride) {
        long x = 0;
        for (int k = 0; k < 8; k++, at += stride) {
            x |= (b[at] & 0xFFL) << (8 * k);
        }
        return x;
    }

    /** Reverses {@link #gather}. */
    private static void scatter(long x, byte[] b, int at, int stride) {
        for (int k = 0; k < 8; k++, at += stride) {
            b[at] = (byte) (x >>> (8 * k));
        }
    }

    /**
     * Transposes the 8x8 bit matrix whose rows are the bytes of {@code x} (byte 0 least significant): bit
     * {@code m} of byte {@code k} becomes bit {@code k} of byte {@code m}. The transpose is its own inverse.
     */
    static long transpose8x8(long x) {
        long t = (x ^ (x >>> 7)) & 0x00AA00AA00AA00AAL;
        x = x ^ t ^ (t << 7);
        t = (x ^ (x >>> 14)) & 0x0000CCCC0000CCCCL;
        x = x ^ t ^ (t << 14);
        t = (x ^ (x >>> 28)) & 0x00000000F0F0F0F0L;
        return x ^ t ^ (t << 28);
    }
}
