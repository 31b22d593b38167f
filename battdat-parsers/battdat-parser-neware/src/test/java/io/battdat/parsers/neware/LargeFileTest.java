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
        assertScaledConversion(Samples.V29, NdaScaler::scale, 8L << 20, 439, 721.6);
    }

    @Test
    void repeatedArchiveRecordsConvertWithContinuingTimeAndTemperature() throws IOException {
        // 5 steps of 15 s per copy
        Path out = assertScaledConversion(Samples.NDAX, NdaxScaler::scale, 4L << 20, 80, 75.0);
        double[] temperature = NewareParserTest.doubles(out, "temperature");
        double[] first = NewareParserTest.doubles(convertSample(), "temperature");
        for (int i = 0; i < temperature.length; i += 997) {
            assertEquals(first[i % 80], temperature[i], 0.0, "row " + i);
        }
    }

    /**
     * Scales a sample up to {@code bytes} and converts it: every record arrives, and {@code test_time} never
     * decreases and ends at the sample's duration times the copies.
     *
     * @param recordsPerCopy the sample's data records
     * @param secondsPerCopy the test time one copy adds
     * @return the converted file
     */
    private Path assertScaledConversion(String sample, ScalerCommand.Scaling scaling, long bytes, int recordsPerCopy,
                                        double secondsPerCopy) throws IOException {
        Path big = dir.resolve("big-" + sample);
        Path out = dir.resolve("big-" + sample + ".h5");
        long records = scaling.scale(Samples.get(sample), big, bytes);
        assertEquals(records, NewareParserTest.convert(big, out).rowsWritten());
        long copies = records / recordsPerCopy;
        double[] time = NewareParserTest.doubles(out, "test_time");
        assertEquals(copies * secondsPerCopy, time[time.length - 1], 1e-6 * copies);
        for (int i = 1; i < time.length; i++) {
            if (time[i] < time[i - 1]) {
                throw new AssertionError("test_time decreases at row " + i);
            }
        }
        return out;
    }

    private Path convertSample() {
        Path out = dir.resolve("sample.h5");
        NewareParserTest.convert(Samples.get(Samples.NDAX), out);
        return out;
    }
}
