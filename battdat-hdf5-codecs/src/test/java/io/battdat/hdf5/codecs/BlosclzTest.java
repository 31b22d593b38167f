package io.battdat.hdf5.codecs;

import io.jhdf.exceptions.HdfFilterException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BlosclzTest {

    private static byte[] roundTrip(byte[] data) {
        byte[] compressed = new byte[data.length + 64];
        int n = new BlosclzEncoder().encode(data, 0, data.length, compressed, 0, compressed.length);
        assertTrue(n > 0, "encodable");
        assertEquals(0x20, compressed[0] & 0xE0, "first byte carries the blosclz marker");
        byte[] out = new byte[data.length];
        assertEquals(data.length, BlosclzDecoder.decode(compressed, 0, n, out, 0, out.length));
        assertArrayEquals(data, out);
        return Arrays.copyOf(compressed, n);
    }

    @Test
    void runsAndLongMatches() {
        byte[] data = new byte[100_000];
        Arrays.fill(data, 0, 70_000, (byte) 7);
        byte[] compressed = roundTrip(data);
        assertTrue(compressed.length < 1000, "a long run compresses to " + compressed.length);
    }

    @Test
    void farMatches() {
        byte[] pattern = TestData.random(20_000, 1);
        byte[] data = new byte[60_000];
        for (int i = 0; i < 3; i++) {
            System.arraycopy(pattern, 0, data, i * 20_000, 20_000);
        }
        byte[] compressed = roundTrip(data);
        assertTrue(compressed.length < 22_000, "far repetitions are found, got " + compressed.length);
    }

    @Test
    void mixedContent() {
        Random random = new Random(3);
        for (int trial = 0; trial < 200; trial++) {
            int size = 16 + random.nextInt(5000);
            byte[] data = trial % 2 == 0 ? TestData.compressible(size, trial) : TestData.random(size, trial);
            for (int k = 0; k < 5; k++) {
                int from = random.nextInt(size);
                int len = random.nextInt(size - from + 1);
                Arrays.fill(data, from, from + len / 4, (byte) random.nextInt(3));
            }
            byte[] compressed = new byte[size + 64];
            int n = new BlosclzEncoder().encode(data, 0, size, compressed, 0, compressed.length);
            byte[] out = new byte[size];
            assertEquals(size, BlosclzDecoder.decode(compressed, 0, n, out, 0, size));
            assertArrayEquals(data, out);
        }
    }

    @Test
    void encoderReportsWhenOutputDoesNotFit() {
        byte[] data = TestData.random(10_000, 2);
        byte[] compressed = new byte[9_999];
        assertEquals(0, new BlosclzEncoder().encode(data, 0, data.length, compressed, 0, 9_999));
        assertEquals(0, new BlosclzEncoder().encode(data, 0, 15, compressed, 0, 9_999), "too short to bother");
    }

    @Test
    void handWrittenStream() {
        // literal "abc" (control 2 with the marker bits), then a match of 6 bytes at distance 3
        byte[] stream = {(byte) (0x20 | 2), 'a', 'b', 'c', (byte) ((4 << 5) | 0), 2, 0, 'z'};
        byte[] out = new byte[10];
        assertEquals(10, BlosclzDecoder.decode(stream, 0, stream.length, out, 0, 10));
        assertArrayEquals("abcabcabcz".getBytes(java.nio.charset.StandardCharsets.US_ASCII), out);
    }

    @Test
    void decoderRejectsBadStreams() {
        byte[] out = new byte[16];
        // match distance before the output start
        assertThrows(HdfFilterException.class, () -> BlosclzDecoder.decode(
                new byte[] {0x20, 'a', (byte) (1 << 5), 5, 0}, 0, 5, out, 0, 16));
        // literal run longer than the input
        assertThrows(HdfFilterException.class, () -> BlosclzDecoder.decode(
                new byte[] {0x20 | 9, 'a', 'b'}, 0, 3, out, 0, 16));
        // output overrun
        assertThrows(HdfFilterException.class, () -> BlosclzDecoder.decode(
                new byte[] {0x20, 'a', (byte) (6 << 5), 0, 0}, 0, 5, out, 0, 4));
        // extended length running off the end
        assertThrows(HdfFilterException.class, () -> BlosclzDecoder.decode(
                new byte[] {0x20, 'a', (byte) (7 << 5), (byte) 255, (byte) 255}, 0, 5, out, 0, 16));
        // far distance truncated
        assertThrows(HdfFilterException.class, () -> BlosclzDecoder.decode(
                new byte[] {0x20, 'a', (byte) ((1 << 5) | 31), (byte) 255, 0}, 0, 5, out, 0, 16));
    }
}
