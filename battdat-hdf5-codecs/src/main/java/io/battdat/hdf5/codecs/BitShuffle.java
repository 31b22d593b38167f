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
        int elements = blockSize / typesize;
        if (elements % 8 != 0) {
            System.arraycopy(src, srcOff, dst, dstOff, blockSize);
            return;
        }
        int rowLength = elements / 8;
        for (int j = 0; j < typesize; j++) {
            int rowBase = dstOff + 8 * j * rowLength;
            for (int r = 0; r < rowLength; r++) {
                int in = srcOff + 8 * r * typesize + j;
                long x = 0;
                for (int k = 0; k < 8; k++, in += typesize) {
                    x |= (src[in] & 0xFFL) << (8 * k);
                }
                x = transpose8x8(x);
                for (int b = 0; b < 8; b++) {
                    dst[rowBase + b * rowLength + r] = (byte) (x >>> (8 * b));
                }
            }
        }
        copyTail(elements * typesize, blockSize, src, srcOff, dst, dstOff);
    }

    /** Reverses {@link #shuffle}. */
    public static void unshuffle(int typesize, int blockSize, byte[] src, int srcOff, byte[] dst, int dstOff) {
        int elements = blockSize / typesize;
        if (elements % 8 != 0) {
            System.arraycopy(src, srcOff, dst, dstOff, blockSize);
            return;
        }
        int rowLength = elements / 8;
        for (int j = 0; j < typesize; j++) {
            int rowBase = srcOff + 8 * j * rowLength;
            for (int r = 0; r < rowLength; r++) {
                long x = 0;
                for (int b = 0; b < 8; b++) {
                    x |= (src[rowBase + b * rowLength + r] & 0xFFL) << (8 * b);
                }
                x = transpose8x8(x);
                int out = dstOff + 8 * r * typesize + j;
                for (int k = 0; k < 8; k++, out += typesize) {
                    dst[out] = (byte) (x >>> (8 * k));
                }
            }
        }
        copyTail(elements * typesize, blockSize, src, srcOff, dst, dstOff);
    }

    private static void copyTail(int whole, int blockSize, byte[] src, int srcOff, byte[] dst, int dstOff) {
        System.arraycopy(src, srcOff + whole, dst, dstOff + whole, blockSize - whole);
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
