package io.battdat.hdf5.codecs;

import io.jhdf.exceptions.HdfFilterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The decoder's 8-byte copies: literals and matches that end exactly at, or a few bytes before, the end of the
 * output and of the input; overlapping matches of every short distance; and nothing written outside the output
 * range, whatever the stream holds. A byte-at-a-time reference decoder written here is the oracle.
 */
class BlosclzWildCopyTest {

    private static final byte SENTINEL = (byte) 0xA5;
    private static final int GUARD = 24;
    /** The near distance (minus one) that announces a 16-bit far distance. */
    private static final int FAR_ESCAPE = 31 * 256 + 255;

    /** Builds token streams by hand. */
    private static final class Tokens {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private boolean first = true;

        Tokens literal(byte[] bytes) {
            for (int from = 0; from < bytes.length; from += 32) {
                int run = Math.min(32, bytes.length - from);
                control(run - 1);
                out.write(bytes, from, run);
            }
            return this;
        }

        /** A match of {@code len} (at least 3) bytes at {@code distance} (1 to 8192) back. */
        Tokens match(int len, int distance) {
            int d = distance - 1;
            int l = len - 2;
            if (l < 7) {
                control((l << 5) | (d >>> 8));
            } else {
                control((7 << 5) | (d >>> 8));
                int rest = l - 7;
                while (rest >= 255) {
                    out.write(255);
                    rest -= 255;
                }
                out.write(rest);
            }
            out.write(d & 0xFF);
            return this;
        }

        private void control(int ctrl) {
            // the first control byte carries the format marker in its top three bits
            out.write(first ? (ctrl & 31) | 0x20 : ctrl);
            first = false;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    /**
     * The format, one byte at a time, written apart from the decoder so that it can judge it: the input is read
     * through a {@link ByteBuffer}, whose underflow means the stream ends inside a token. Returns -1 for a stream
     * the decoder must reject.
     */
    private static int reference(byte[] src, int srcLen, byte[] dst, int maxOut) {
        ByteBuffer in = ByteBuffer.wrap(src, 0, srcLen);
        int op = 0;
        try {
            // the first control byte's top three bits are the format marker, not a match length
            int ctrl = in.get() & 31;
            while (true) {
                int lengthCode = ctrl >>> 5;
                if (lengthCode == 0) {
                    int run = ctrl + 1;
                    if (run > maxOut - op) {
                        return -1;
                    }
                    in.get(dst, op, run);
                    op += run;
                } else {
                    int length = lengthCode + 2;
                    if (lengthCode == 7) {
                        int extra;
                        do {
                            extra = in.get() & 0xFF;
                            length += extra;
                        } while (extra == 255);
                    }
                    int near = (ctrl & 31) << 8 | (in.get() & 0xFF);
                    int back = near == FAR_ESCAPE ? (in.getShort() & 0xFFFF) + FAR_ESCAPE + 1 : near + 1;
                    if (length > maxOut - op || back > op) {
                        return -1;
                    }
                    for (int i = 0; i < length; i++) {
                        dst[op + i] = dst[op + i - back];
                    }
                    op += length;
                }
                if (!in.hasRemaining()) {
                    return op;
                }
                ctrl = in.get() & 0xFF;
            }
        } catch (BufferUnderflowException e) {
            return -1;
        }
    }

    /**
     * Decodes into the middle of a sentinel-filled array and checks the result against the reference, the
     * sentinels around the output range, and that a failure is the typed exception exactly when the reference
     * fails.
     */
    private static void check(byte[] stream, int maxOut, String what) {
        byte[] expected = new byte[maxOut];
        int expectedLength = reference(stream, stream.length, expected, maxOut);
        // the stream sits between unrelated bytes: the decoder must not read or depend on them
        byte[] src = new byte[stream.length + 2 * GUARD];
        Arrays.fill(src, (byte) 0x5A);
        System.arraycopy(stream, 0, src, GUARD, stream.length);
        byte[] dst = new byte[maxOut + 2 * GUARD];
        Arrays.fill(dst, SENTINEL);
        try {
            int n = BlosclzDecoder.decode(src, GUARD, stream.length, dst, GUARD, maxOut);
            assertTrue(expectedLength >= 0, what + ": the reference decoder rejects this stream");
            assertEquals(expectedLength, n, what);
            assertArrayEquals(Arrays.copyOf(expected, n), Arrays.copyOfRange(dst, GUARD, GUARD + n), what);
        } catch (HdfFilterException e) {
            assertEquals(-1, expectedLength, what + ": rejected a stream the reference decodes: " + e.getMessage());
        }
        for (int i = 0; i < GUARD; i++) {
            assertEquals(SENTINEL, dst[i], what + ": wrote before the output at " + (i - GUARD));
            assertEquals(SENTINEL, dst[GUARD + maxOut + i], what + ": wrote past the output at +" + i);
        }
    }

    @Test
    void literalRunsOfEveryLengthEndingAtTheEndOfOutputAndInput() {
        for (int prefix = 0; prefix <= 40; prefix++) {
            for (int run = 1; run <= 32; run++) {
                byte[] body = TestData.random(prefix + run, prefix * 64L + run);
                byte[] stream = new Tokens().literal(body).bytes();
                for (int slack = 0; slack <= 9; slack++) {
                    check(stream, prefix + run + slack, "prefix " + prefix + " run " + run + " slack " + slack);
                }
                check(stream, prefix + run - 1, "output one byte short");
            }
        }
    }

    @ParameterizedTest(name = "distance {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 15, 16, 17, 31, 255, 256, 300})
    void overlappingAndDistantMatchesNearTheEndOfOutput(int distance) {
        byte[] seed = TestData.random(distance, distance);
        for (int len = 3; len <= 300; len += len < 40 ? 1 : 37) {
            byte[] stream = new Tokens().literal(seed).match(len, distance).literal(new byte[] {42}).bytes();
            int total = distance + len + 1;
            for (int slack = 0; slack <= 9; slack++) {
                check(stream, total + slack, "len " + len + " slack " + slack);
            }
            byte[] endsWithMatch = new Tokens().literal(seed).match(len, distance).bytes();
            check(endsWithMatch, distance + len, "match ending the stream, len " + len);
            check(endsWithMatch, distance + len - 1, "match one byte too long, len " + len);
        }
    }

    @Test
    void farMatchesAndMatchesBeforeTheStart() {
        byte[] seed = TestData.random(9000, 5);
        check(new Tokens().literal(seed).match(50, 8192).bytes(), 9050, "distance 8192");
        check(new Tokens().literal(seed).match(50, 9000).bytes(), 9050, "distance 9000 needs the far form");
        byte[] far = new Tokens().literal(seed).bytes();
        byte[] withFar = Arrays.copyOf(far, far.length + 4);
        // far form: near distance 31*256+255, then 16 bits big-endian, plus 8191
        withFar[far.length] = (byte) ((1 << 5) | 31);
        withFar[far.length + 1] = (byte) 255;
        withFar[far.length + 2] = 0;
        withFar[far.length + 3] = 100;
        check(withFar, 9100, "far match of distance 8292");
        check(new Tokens().literal(Arrays.copyOf(seed, 4)).match(10, 5).bytes(), 100, "distance 5 with 4 bytes written");
    }

    @Test
    void randomTokenStreamsAndTheirCorruptions() {
        Random random = new Random(11);
        for (int trial = 0; trial < 400; trial++) {
            Tokens tokens = new Tokens().literal(TestData.random(9 + random.nextInt(40), trial));
            int written = 0;
            for (int t = 0; t < 30; t++) {
                if (random.nextBoolean()) {
                    tokens.literal(TestData.random(1 + random.nextInt(70), trial * 100L + t));
                } else {
                    tokens.match(3 + random.nextInt(random.nextBoolean() ? 12 : 400), 1 + random.nextInt(9));
                }
                written++;
            }
            byte[] stream = tokens.bytes();
            int maxOut = 1 << 16;
            byte[] scratch = new byte[maxOut];
            int length = reference(stream, stream.length, scratch, maxOut);
            if (length < 0) {
                fail("test stream " + trial + " of " + written + " tokens is invalid");
            }
            check(stream, length, "trial " + trial);
            check(stream, length + random.nextInt(9), "trial " + trial + " with slack");
            for (int k = 0; k < 5; k++) {
                byte[] damaged = stream.clone();
                damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
                check(damaged, length, "trial " + trial + " damaged " + k);
                byte[] cut = Arrays.copyOf(stream, 1 + random.nextInt(stream.length));
                check(cut, length, "trial " + trial + " cut to " + cut.length);
            }
        }
    }
}
