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
                io.battdat.hdf5.ByteTranspose.transpose(t);
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
}
