package io.battdat.parsers.neware;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A version-29 file made of many copies of the sample's records ({@link NdaScaler}) converts whole: every record,
 * total time continuing across the copies. The bounded-memory check at gigabyte size runs the CLI with a small heap
 * (see the module README); this keeps the generator and the long-file path tested in the build.
 */
class LargeFileTest {
    @TempDir
    Path dir;

    @Test
    void repeatedRecordsConvertWithContinuingTime() throws IOException {
        Path sample = Samples.get(Samples.V29);
        Path big = dir.resolve("big.nda");
        long records = NdaScaler.scale(sample, big, 8L << 20);
        Path out = dir.resolve("big.h5");
        assertEquals(records, NewareParserTest.convert(big, out).rowsWritten());
        double[] time = NewareParserTest.doubles(out, "test_time");
        long copies = records / 439;
        assertEquals(copies * 721.6, time[time.length - 1], 1e-6 * copies);
        for (int i = 1; i < time.length; i++) {
            if (time[i] < time[i - 1]) {
                throw new AssertionError("test_time decreases at row " + i);
            }
        }
    }
}
