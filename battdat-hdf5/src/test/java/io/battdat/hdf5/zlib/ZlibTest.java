package io.battdat.hdf5.zlib;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.Random;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chosen codec (native where it loads, the JDK's under {@code -Dbattdat.deflate=jdk}; the build runs this
 * class both ways) writes streams the JDK's zlib reads, reads the JDK's streams, and refuses damaged ones.
 */
class ZlibTest {
    /** Like a shuffled column chunk: long runs of equal high bytes, noisy low bytes. */
    private static byte[] chunk(int size, long seed) {
        byte[] b = new byte[size];
        Random r = new Random(seed);
        for (int i = 0; i < size; i++) {
            b[i] = i < size / 2 ? (byte) (i / 997) : (byte) r.nextInt(16);
        }
        return b;
    }

    private static byte[] jdkInflate(byte[] z, int size, int expected) throws DataFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(z, 0, size);
            byte[] out = new byte[expected];
            int n = inflater.inflate(out);
            assertTrue(inflater.finished(), "a complete zlib stream, adler32 included");
            assertEquals(expected, n);
            return out;
        } finally {
            inflater.end();
        }
    }

    private static ChunkDeflater.Deflated deflate(byte[] data, int level) {
        try (ChunkDeflater d = Zlib.newDeflater(level)) {
            return d.deflate(data, data.length);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 5, 9})
    void writesStandardZlibStreamsAndReadsThemBack(int level) throws Exception {
        for (int size : new int[] {1, 1000, 1 << 20}) {
            byte[] data = chunk(size, size);
            ChunkDeflater.Deflated z = deflate(data, level);
            assertArrayEquals(data, jdkInflate(z.bytes(), z.size(), size), "level " + level + ", " + size + " bytes");
            byte[] back = new byte[size];
            try (ChunkInflater inflater = Zlib.newInflater()) {
                assertEquals(size, inflater.inflate(z.bytes(), 0, z.size(), back, size));
                assertArrayEquals(data, back);
                // reused for a second chunk, at an offset
                byte[] shifted = new byte[z.size() + 7];
                System.arraycopy(z.bytes(), 0, shifted, 7, z.size());
                Arrays.fill(back, (byte) 0);
                assertEquals(size, inflater.inflate(shifted, 7, z.size(), back, size));
                assertArrayEquals(data, back);
            }
        }
    }

    @Test
    void refusesDamagedStreams() {
        byte[] data = chunk(50_000, 3);
        ChunkDeflater.Deflated z = deflate(data, 9);
        byte[] out = new byte[data.length + 10];
        try (ChunkInflater inflater = Zlib.newInflater()) {
            byte[] badSum = Arrays.copyOf(z.bytes(), z.size());
            badSum[z.size() - 1] ^= 1;
            assertThrows(DataFormatException.class, () -> inflater.inflate(badSum, 0, badSum.length, out, data.length),
                    "adler32 is verified");
            byte[] badHeader = Arrays.copyOf(z.bytes(), z.size());
            badHeader[1] ^= 1;
            assertThrows(DataFormatException.class,
                    () -> inflater.inflate(badHeader, 0, badHeader.length, out, data.length));
            assertThrows(DataFormatException.class,
                    () -> inflater.inflate(z.bytes(), 0, z.size() / 2, out, data.length), "cut short");
            assertThrows(DataFormatException.class,
                    () -> inflater.inflate(z.bytes(), 0, z.size(), out, data.length + 10), "fewer bytes than a chunk");
            assertThrows(DataFormatException.class,
                    () -> inflater.inflate(z.bytes(), 0, z.size(), out, data.length - 10), "more bytes than a chunk");
            byte[] noise = chunk(1000, 9);
            noise[0] = 0x78;
            noise[1] = (byte) 0xda;
            assertThrows(DataFormatException.class, () -> inflater.inflate(noise, 0, noise.length, out, data.length));
            // still usable after refusing
            assertEquals(data.length, inflater.inflate(z.bytes(), 0, z.size(), out, data.length));
        } catch (DataFormatException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theSystemPropertyForcesTheJdk() {
        if ("jdk".equals(System.getProperty(Zlib.PROPERTY))) {
            assertFalse(Zlib.isNative());
            assertTrue(Zlib.describe().startsWith("JDK zlib"), Zlib.describe());
        } else {
            assertEquals(Zlib.isNative(), Zlib.describe().startsWith("native"), Zlib.describe());
        }
    }
}
