package io.battdat.parsers.neware;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A version-29 file and an ndc 17 archive made of many copies of the samples' records ({@link NdaScaler},
 * {@link NdaxScaler}) convert whole: every record, total time continuing across the copies, the archive's auxiliary
 * temperature still joined to its records. The bounded-memory check at gigabyte size runs the CLI with a small heap
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

    @Test
    void repeatedArchiveRecordsConvertWithContinuingTimeAndTemperature() throws IOException {
        Path sample = Samples.get(Samples.NDAX);
        Path big = dir.resolve("big.ndax");
        long records = NdaxScaler.scale(sample, big, 4L << 20);
        Path out = dir.resolve("bigx.h5");
        assertEquals(records, NewareParserTest.convert(big, out).rowsWritten());
        long copies = records / 80;
        double[] time = NewareParserTest.doubles(out, "test_time");
        // 5 steps of 15 s per copy
        assertEquals(copies * 75.0, time[time.length - 1], 1e-6 * copies);
        for (int i = 1; i < time.length; i++) {
            if (time[i] < time[i - 1]) {
                throw new AssertionError("test_time decreases at row " + i);
            }
        }
        double[] temperature = NewareParserTest.doubles(out, "temperature");
        double[] first = NewareParserTest.doubles(convertSample(), "temperature");
        for (int i = 0; i < temperature.length; i += 997) {
            assertEquals(first[i % 80], temperature[i], 0.0, "row " + i);
        }
    }

    private Path convertSample() {
        Path out = dir.resolve("sample.h5");
        NewareParserTest.convert(Samples.get(Samples.NDAX), out);
        return out;
    }
}
