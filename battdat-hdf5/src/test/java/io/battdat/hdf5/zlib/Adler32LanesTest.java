package io.battdat.hdf5.zlib;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;
import java.util.zip.Adler32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The lane-wise adler32 equals the JDK's for every length around its block and reduction sizes. */
class Adler32LanesTest {
    private static int jdk(byte[] b, int offset, int length) {
        Adler32 adler = new Adler32();
        adler.update(b, offset, length);
        return (int) adler.getValue();
    }

    @Test
    void equalsTheJdksOnRandomBytes() {
        byte[] b = new byte[(1 << 22) + 300];
        new Random(19).nextBytes(b);
        int[] lengths = {0, 1, 7, 8, 9, 127, 128, 129, 255, 256, 5552, 5553, 65536, 1 << 19, (1 << 19) + 129,
                (1 << 22) + 17};
        for (int length : lengths) {
            for (int offset : new int[]{0, 1, 5, 200}) {
                assertEquals(jdk(b, offset, length), Adler32Lanes.of(b, offset, length),
                        "length " + length + " at offset " + offset);
            }
        }
    }

    @Test
    void noLaneOverflowsOnAllOnes() {
        // 0xff everywhere makes every lane and both sums as large as they can get
        byte[] b = new byte[(1 << 23) + 77];
        Arrays.fill(b, (byte) 0xff);
        for (int length : new int[]{128, 4096 * 128, 4096 * 128 + 128, b.length}) {
            assertEquals(jdk(b, 0, length), Adler32Lanes.of(b, 0, length), "length " + length);
        }
    }

    @Test
    void continuesASum() {
        byte[] b = new byte[100_000];
        new Random(5).nextBytes(b);
        int first = Adler32Lanes.of(b, 0, 33_333);
        assertEquals(jdk(b, 0, b.length), Adler32Lanes.update(first, b, 33_333, b.length - 33_333));
    }

    @Test
    void refusesARangeOutsideTheArray() {
        assertThrows(IndexOutOfBoundsException.class, () -> Adler32Lanes.of(new byte[10], 4, 7));
    }
}
