package io.battdat.hdf5.codecs;

/**
 * Blosc's byte shuffle of one block: byte {@code j} of element {@code i} moves to {@code j * n + i}, where
 * {@code n} is the number of whole elements in the block. Bytes after the last whole element are copied as they
 * are, exactly like c-blosc's generic (un)shuffle.
 */
public final class Shuffle {

    private Shuffle() {
    }

    /** Shuffles {@code blockSize} bytes from {@code src} into {@code dst}. */
    public static void shuffle(int typesize, int blockSize, byte[] src, int srcOff, byte[] dst, int dstOff) {
        int elements = blockSize / typesize;
        for (int j = 0; j < typesize; j++) {
            int out = dstOff + j * elements;
            int in = srcOff + j;
            for (int i = 0; i < elements; i++, in += typesize) {
                dst[out + i] = src[in];
            }
        }
        int whole = elements * typesize;
        System.arraycopy(src, srcOff + whole, dst, dstOff + whole, blockSize - whole);
    }

    /** Reverses {@link #shuffle}. */
    public static void unshuffle(int typesize, int blockSize, byte[] src, int srcOff, byte[] dst, int dstOff) {
        int elements = blockSize / typesize;
        for (int j = 0; j < typesize; j++) {
            int in = srcOff + j * elements;
            int out = dstOff + j;
            for (int i = 0; i < elements; i++, out += typesize) {
                dst[out] = src[in + i];
            }
        }
        int whole = elements * typesize;
        System.arraycopy(src, srcOff + whole, dst, dstOff + whole, blockSize - whole);
    }
}
