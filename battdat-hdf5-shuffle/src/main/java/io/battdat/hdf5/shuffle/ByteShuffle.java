package io.battdat.hdf5.shuffle;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The byte shuffle of HDF5's shuffle filter and of blosc's shuffled blocks, both directions: byte {@code j} of
 * element {@code i} moves to {@code j * n + i}, where {@code n} is the number of whole elements in the buffer; the
 * bytes after the last whole element are copied as they are (as both HDF5 and c-blosc do). The reader's unshuffle,
 * the writer's shuffle before deflate and its reload of a partial chunk all use this one implementation.
 * battdat-hdf5-codecs' blosc filter uses it too, which is why it is a module of its own: the codecs must also work
 * without battdat-hdf5.
 *
 * <p>Eight elements at a time, eight bytes of each are moved as one 8 x 8 {@link ByteTranspose} in registers instead
 * of 64 single-byte moves with a stride: before zlib level 1, and in blosc reads of 59-byte rows, the byte loop cost
 * about as much as the (de)compression. When the element is wider than 8 bytes but not a multiple of 8, its last 8
 * bytes form one more tile that overlaps the one before it (rewriting equal bytes). Elements that do not fill a tile,
 * and elements narrower than 8 bytes, are moved byte by byte.
 *
 * <p>The tile goes through a {@code long[8]} ({@link ByteTranspose#transpose}), not a byte scratch array: on JDK 17,
 * C2-compiled code that stored 8-byte words into a {@code byte[]} through a {@code VarHandle} view and read them back
 * returned wrong rows now and then (seen as varying checksums of a 10M-row read; C1 alone was right).
 *
 * <p>Internal to battdat's HDF5 modules: public only because they share it; not an API.
 */
public final class ByteShuffle {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private ByteShuffle() {
    }

    /**
     * Shuffles {@code length} bytes of elements of {@code elementSize} bytes from {@code src} into {@code dst}.
     *
     * @param elementSize bytes per element; 0 or 1 copies the bytes unchanged
     * @param length      bytes to shuffle; those after the last whole element are copied unchanged
     */
    public static void shuffle(int elementSize, int length, byte[] src, int srcOff, byte[] dst, int dstOff) {
        move(elementSize, length, src, srcOff, dst, dstOff, true);
    }

    /** Reverses {@link #shuffle} with the same arguments. */
    public static void unshuffle(int elementSize, int length, byte[] src, int srcOff, byte[] dst, int dstOff) {
        move(elementSize, length, src, srcOff, dst, dstOff, false);
    }

    /**
     * Moves between element order (row-major: element {@code i}, byte {@code j} at {@code i * e + j}) and stream
     * order ({@code j * n + i}); both directions walk the same tiles, only which side is read differs.
     */
    private static void move(int e, int length, byte[] src, int srcOff, byte[] dst, int dstOff, boolean shuffle) {
        if (e <= 1) {
            System.arraycopy(src, srcOff, dst, dstOff, length);
            return;
        }
        int n = length / e;
        int tiledElements = e >= 8 ? n & ~7 : 0;
        long[] t = new long[8];
        for (int i = 0; i < tiledElements; i += 8) {
            // windows of 8 bytes across the element; the last one ends at the element's end
            for (int j = 0; j < e; j += 8) {
                int w = Math.min(j, e - 8);
                int inElements = i * e + w;
                int inStreams = w * n + i;
                if (shuffle) {
                    tile(src, srcOff + inElements, e, t, dst, dstOff + inStreams, n);
                } else {
                    tile(src, srcOff + inStreams, n, t, dst, dstOff + inElements, e);
                }
            }
        }
        for (int j = 0; j < e; j++) {
            for (int i = tiledElements; i < n; i++) {
                int inElements = i * e + j;
                int inStreams = j * n + i;
                dst[dstOff + (shuffle ? inStreams : inElements)] = src[srcOff + (shuffle ? inElements : inStreams)];
            }
        }
        int whole = n * e;
        System.arraycopy(src, srcOff + whole, dst, dstOff + whole, length - whole);
    }

    /** Reads eight 8-byte words {@code fromStride} apart, transposes them, writes them {@code toStride} apart. */
    private static void tile(byte[] src, int from, int fromStride, long[] t, byte[] dst, int to, int toStride) {
        for (int q = 0; q < 8; q++) {
            t[q] = (long) LONGS.get(src, from + q * fromStride);
        }
        ByteTranspose.transpose(t);
        for (int b = 0; b < 8; b++) {
            LONGS.set(dst, to + b * toStride, t[b]);
        }
    }
}
