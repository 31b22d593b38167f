package io.battdat.hdf5.codecs;

import io.battdat.hdf5.ByteShuffle;

/**
 * Blosc's byte shuffle of one block: byte {@code j} of element {@code i} moves to {@code j * n + i}, where
 * {@code n} is the number of whole elements in the block. Bytes after the last whole element are copied as they
 * are, exactly like c-blosc's generic (un)shuffle. This is HDF5's shuffle filter too, so both directions are
 * {@link ByteShuffle}'s, the one tiled implementation battdat-hdf5's reader and writer use.
 */
public final class Shuffle {
    private Shuffle() {
    }

    /** Shuffles {@code blockSize} bytes from {@code src} into {@code dst}. */
    public static void shuffle(int typesize, int blockSize, byte[] src, int srcOff, byte[] dst, int dstOff) {
        ByteShuffle.shuffle(typesize, blockSize, src, srcOff, dst, dstOff);
    }

    /** Reverses {@link #shuffle}. */
    public static void unshuffle(int typesize, int blockSize, byte[] src, int srcOff, byte[] dst, int dstOff) {
        ByteShuffle.unshuffle(typesize, blockSize, src, srcOff, dst, dstOff);
    }
}
