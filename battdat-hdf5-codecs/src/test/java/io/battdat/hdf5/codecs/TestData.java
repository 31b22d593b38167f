package io.battdat.hdf5.codecs;

import java.util.Random;

/** Random and compressible test buffers. */
final class TestData {

    private TestData() {
    }

    static byte[] random(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    /** Slowly varying little-endian longs with some noise: compresses well, better after shuffling. */
    static byte[] compressible(int size, long seed) {
        Random random = new Random(seed);
        byte[] data = new byte[size];
        long value = 1000;
        for (int i = 0; i < size; i++) {
            if (i % 8 == 0) {
                value += random.nextInt(3);
            }
            data[i] = (byte) (value >>> (8 * (i % 8)));
            if (random.nextInt(50) == 0) {
                data[i] = (byte) random.nextInt();
            }
        }
        return data;
    }
}
