package io.battdat.hdf5.codecs;

import io.battdat.hdf5.shuffle.ByteShuffle;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ShuffleTest {

    @ParameterizedTest
    @CsvSource({"1,100", "2,17", "8,800", "8,803", "59,59", "59,1000", "75,7500", "75,7577", "4,0", "9,900", "9,77",
        "15,1503", "12,968"})
    void byteShuffleMatchesDefinitionAndInverts(int typesize, int size) {
        byte[] data = TestData.random(size, size);
        byte[] shuffled = new byte[size];
        ByteShuffle.shuffle(typesize, size, data, 0, shuffled, 0);
        int elements = size / typesize;
        for (int i = 0; i < elements; i++) {
            for (int j = 0; j < typesize; j++) {
                assertEquals(data[i * typesize + j], shuffled[j * elements + i]);
            }
        }
        for (int k = elements * typesize; k < size; k++) {
            assertEquals(data[k], shuffled[k], "leftover bytes are copied");
        }
        byte[] back = new byte[size];
        ByteShuffle.unshuffle(typesize, size, shuffled, 0, back, 0);
        assertArrayEquals(data, back);
    }

    @ParameterizedTest
    @CsvSource({"1,64", "1,65", "8,64", "8,70", "8,72", "59,472", "59,480", "75,1200", "4,4096", "3,27", "16,8"})
    void bitShuffleMatchesDefinitionAndInverts(int typesize, int size) {
        byte[] data = TestData.random(size, 17L * size + typesize);
        byte[] shuffled = new byte[size];
        BitShuffle.shuffle(typesize, size, data, 0, shuffled, 0);
        int elements = size / typesize;
        if (elements % 8 != 0) {
            assertArrayEquals(data, shuffled, "blocks whose element count is not a multiple of 8 are copied");
        } else {
            int rowLength = elements / 8;
            for (int e = 0; e < elements; e++) {
                for (int j = 0; j < typesize; j++) {
                    for (int b = 0; b < 8; b++) {
                        int bit = (data[e * typesize + j] >>> b) & 1;
                        int row = 8 * j + b;
                        int shuffledBit = (shuffled[row * rowLength + e / 8] >>> (e % 8)) & 1;
                        assertEquals(bit, shuffledBit, "element " + e + " byte " + j + " bit " + b);
                    }
                }
            }
            for (int k = elements * typesize; k < size; k++) {
                assertEquals(data[k], shuffled[k], "leftover bytes are copied");
            }
        }
        byte[] back = new byte[size];
        BitShuffle.unshuffle(typesize, size, shuffled, 0, back, 0);
        assertArrayEquals(data, back);
    }
}
