package io.battdat.hdf5.shuffle;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** The tiled shuffle gives exactly HDF5's shuffle, and the unshuffle reverses it, for every element size and count. */
class ByteShuffleTest {

    @Test
    void equalsTheByteByByteShuffle() {
        Random random = new Random(19);
        for (int elementSize : new int[]{1, 2, 4, 7, 8, 9, 15, 16, 17, 59, 64}) {
            for (int n : new int[]{0, 1, 7, 8, 9, 16, 63, 4443}) {
                byte[] rows = new byte[n * elementSize];
                random.nextBytes(rows);
                byte[] expected = new byte[rows.length];
                for (int j = 0; j < elementSize; j++) {
                    for (int i = 0; i < n; i++) {
                        expected[j * n + i] = rows[i * elementSize + j];
                    }
                }
                byte[] got = new byte[rows.length];
                ByteShuffle.shuffle(elementSize, rows.length, rows, 0, got, 0);
                assertArrayEquals(expected, got, "element size " + elementSize + ", " + n + " elements");
                byte[] back = new byte[rows.length];
                ByteShuffle.unshuffle(elementSize, rows.length, got, 0, back, 0);
                assertArrayEquals(rows, back, "unshuffled, element size " + elementSize + ", " + n + " elements");
            }
        }
    }
}
