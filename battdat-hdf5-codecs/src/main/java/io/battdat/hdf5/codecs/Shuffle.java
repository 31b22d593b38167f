package io.battdat.hdf5.codecs;

/**
 * Blosc's byte shuffle of one block: byte {@code j} of element {@code i} moves to {@code j * n + i}, where
 * {@code n} is the number of whole elements in the block. Bytes after the last whole element are copied as they
 * are, exactly like c-blosc's generic (un)shuffle.
 */
public final class Shuffle {

    /** Elements per tile: a tile of the row-major side (TILE x typesize bytes) stays in L1 cache. */
    private static final int TILE = 64;

    private Shuffle() {
    }

    /** Shuffles {@code blockSize} bytes from {@code src} into {@code dst}; tiled like {@link #unshuffle}. */
    public static void shuffle(int typesize, int blockSize, byte[] src, int srcOff, byte[] dst, int dstOff) {
        int elements = blockSize / typesize;
        for (int first = 0; first < elements; first += TILE) {
            int end = Math.min(elements, first + TILE);
            for (int j = 0; j < typesize; j++) {
                int out = dstOff + j * elements;
                int in = srcOff + j + first * typesize;
                for (int i = first; i < end; i++, in += typesize) {
                    dst[out + i] = src[in];
                }
            }
        }
        int whole = elements * typesize;
        System.arraycopy(src, srcOff + whole, dst, dstOff + whole, blockSize - whole);
    }

    /**
     * Reverses {@link #shuffle}. Tiled: for each run of {@value #TILE} elements every byte stream is read in turn,
     * so the output lines being filled stay in cache instead of being swept once per byte of the type (the plain
     * loop was the bottleneck of blosc reads of 59-byte rows).
     */
    public static void unshuffle(int typesize, int blockSize, byte[] src, int srcOff, byte[] dst, int dstOff) {
        int elements = blockSize / typesize;
        for (int first = 0; first < elements; first += TILE) {
            int end = Math.min(elements, first + TILE);
            for (int j = 0; j < typesize; j++) {
                int in = srcOff + j * elements;
                int out = dstOff + j + first * typesize;
                for (int i = first; i < end; i++, out += typesize) {
                    dst[out] = src[in + i];
                }
            }
        }
        int whole = elements * typesize;
        System.arraycopy(src, srcOff + whole, dst, dstOff + whole, blockSize - whole);
    }
}
