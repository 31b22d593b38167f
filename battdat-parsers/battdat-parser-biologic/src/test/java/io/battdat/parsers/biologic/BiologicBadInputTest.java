package io.battdat.parsers.biologic;

import io.battdat.api.BadFormatException;
import io.battdat.api.BattdatException;
import io.battdat.api.parse.ParseOptions;
import io.battdat.parsers.csv.testing.DamageTrials;
import io.battdat.streaming.convert.ConvertReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

import static io.battdat.parsers.biologic.BiologicFactsTest.convertAuto;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Damaged and unknown input: one clear typed error naming the file, never a hang or an OutOfMemoryError. */
class BiologicBadInputTest {
    /** In {@code cv.mpr}: the data module's header starts here (its 'MODULE' magic at 1965). */
    private static final int CV_DATA_MODULE = 1965;
    private static final int CV_DATA = CV_DATA_MODULE + 6 + 51;

    @TempDir
    Path dir;

    private Path patched(String sample, String name, java.util.function.Consumer<ByteBuffer> patch) throws IOException {
        byte[] bytes = Files.readAllBytes(Samples.sample(sample));
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        patch.accept(b);
        return Files.write(dir.resolve(name), bytes);
    }

    /** The first {@code length} bytes of a sample, as the file {@code name}. */
    private Path cut(String sample, String name, int length) throws IOException {
        return Files.write(dir.resolve(name), Arrays.copyOf(Files.readAllBytes(Samples.sample(sample)), length));
    }

    /** The exception converting {@code in} throws, with the default options. */
    private <T extends BattdatException> T refused(Class<T> type, Path in) {
        return assertThrows(type, () -> convertAuto(dir.resolve("x.h5"), ParseOptions.defaults(), in));
    }

    /** The position of column id {@code id} in cv.mpr's id list. */
    private static int cvColumnIdAt(ByteBuffer b, int id) {
        int n = b.get(CV_DATA + 4) & 0xFF;
        for (int k = 0; k < n; k++) {
            if ((b.getShort(CV_DATA + 5 + 2 * k) & 0xFFFF) == id) {
                return CV_DATA + 5 + 2 * k;
            }
        }
        throw new AssertionError("no column id " + id);
    }

    @Test
    void unknownColumnIdIsNamedWithTheFile() throws IOException {
        Path in = patched(Samples.CV, "unknown.mpr", b -> b.putShort(cvColumnIdAt(b, 434), (short) 999));
        BadFormatException e = refused(BadFormatException.class, in);
        assertTrue(e.getMessage().contains("unknown column id 999"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown.mpr"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("x.h5")), "no output presented as complete");
    }

    @Test
    void unknownColumnIsSkippedWhenAsked() throws IOException {
        Path in = patched(Samples.CV, "unknown.mpr", b -> b.putShort(cvColumnIdAt(b, 434), (short) 999));
        Path out = dir.resolve("skip.h5");
        ConvertReport report = convertAuto(out, ParseOptions.defaults().withSkipUnknownColumns(true), in);
        assertTrue(report.warnings().stream().anyMatch(w -> w.contains("999")), report.warnings().toString());
        Path ref = dir.resolve("ref.h5");
        convertAuto(ref, ParseOptions.defaults(), Samples.sample(Samples.CV));
        BiologicFactsTest.Facts a = BiologicFactsTest.Facts.of(out);
        BiologicFactsTest.Facts r = BiologicFactsTest.Facts.of(ref);
        assertEquals(r.rows, a.rows);
        assertEquals(r.currentSum, a.currentSum, 0.0);
        assertEquals(r.voltageSum, a.voltageSum, 0.0);
    }

    @Test
    void unknownColumnInTheMiddleIsSkippedByItsWidth() throws IOException {
        // <I>/mA (id 11, 8 bytes) made unknown: the rows after it must still line up
        Path in = patched(Samples.CV, "mid.mpr", b -> b.putShort(cvColumnIdAt(b, 11), (short) 998));
        Path out = dir.resolve("mid.h5");
        convertAuto(out, ParseOptions.defaults().withSkipUnknownColumns(true), in);
        Path ref = dir.resolve("ref.h5");
        convertAuto(ref, ParseOptions.defaults(), Samples.sample(Samples.CV));
        BiologicFactsTest.Facts a = BiologicFactsTest.Facts.of(out);
        BiologicFactsTest.Facts r = BiologicFactsTest.Facts.of(ref);
        assertEquals(r.voltageSum, a.voltageSum, 0.0);
        assertEquals(r.cycles, a.cycles);
        assertTrue(Double.isNaN(a.currentSum), "no current column left: NaN");
    }

    @Test
    void unknownDataModuleVersionIsNamed() throws IOException {
        Path in = patched(Samples.CV, "version.mpr", b -> b.putInt(CV_DATA_MODULE + 6 + 39, 7));
        BadFormatException e = refused(BadFormatException.class, in);
        assertTrue(e.getMessage().contains("unknown data module version 7"), e.getMessage());
        assertTrue(e.getMessage().contains("version.mpr"), e.getMessage());
    }

    @Test
    void truncatedFilesAreNamed() throws IOException {
        byte[] bytes = Files.readAllBytes(Samples.sample(Samples.CV));
        for (int length : new int[]{0, 10, 52, 60, CV_DATA + 3, CV_DATA + 500, bytes.length / 2, bytes.length - 5}) {
            Path in = Files.write(dir.resolve("cut" + length + ".mpr"), Arrays.copyOf(bytes, length));
            BattdatException e = assertThrows(BattdatException.class,
                    () -> convertAuto(dir.resolve("x.h5"), ParseOptions.defaults().withSkipBadLines(false), in),
                    "cut at " + length);
            assertTrue(e.getMessage().contains("cut" + length + ".mpr"), e.getMessage());
        }
    }

    @Test
    void truncatedTextExportIsNamed() throws IOException {
        Path in = cut(Samples.CV_MPT, "cut.mpt", 1000);
        BattdatException e = refused(BattdatException.class, in);
        assertTrue(e.getMessage().contains("cut.mpt"), e.getMessage());
    }

    @Test
    void textExportCutInsideADataLineIsNamed() throws IOException {
        // 300,000 bytes end in the middle of a number ("2.8863038E-0"), which still parses: only the missing line
        // end tells
        Path in = cut(Samples.CV_MPT, "cutrow.mpt", 300_000);
        BadFormatException e = refused(BadFormatException.class, in);
        assertTrue(e.getMessage().contains("cutrow.mpt") && e.getMessage().contains("cut short"), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("x.h5")));
        ConvertReport report = convertAuto(dir.resolve("y.h5"), ParseOptions.defaults().withSkipBadLines(true), in);
        assertEquals(1L, report.badLines());
        assertEquals(2124L, report.cells().get("").get("raw_data")); // the 2,124 whole rows before the cut
        // the whole file, whose last line ends, converts without a bad line
        ConvertReport whole = convertAuto(dir.resolve("z.h5"), ParseOptions.defaults(), Samples.sample(Samples.CV_MPT));
        assertEquals(0L, whole.badLines());
    }

    @Test
    void joinedTextLinesAreBadLines() throws IOException {
        String text = Files.readString(Samples.sample(Samples.CV_MPT), java.nio.charset.StandardCharsets.ISO_8859_1);
        int header = text.indexOf("\nmode\t");
        int firstRowEnd = text.indexOf('\n', text.indexOf('\n', header + 1) + 1);
        String joined = text.substring(0, firstRowEnd) + "\t" + text.substring(firstRowEnd + 1);
        Path in = Files.writeString(dir.resolve("joined.mpt"), joined, java.nio.charset.StandardCharsets.ISO_8859_1);
        BadFormatException e = refused(BadFormatException.class, in);
        assertTrue(e.getMessage().contains("joined.mpt") && e.getMessage().contains("line 56"), e.getMessage());
        ConvertReport report = convertAuto(dir.resolve("y.h5"), ParseOptions.defaults().withSkipBadLines(true), in);
        assertEquals(1L, report.badLines());
        assertEquals(5101L, report.cells().get("").get("raw_data"));
    }

    @Test
    void hugeRowCountIsRefusedBeforeAnyAllocation() throws IOException {
        Path in = patched(Samples.CV, "rows.mpr", b -> b.putInt(CV_DATA, -1));
        BadFormatException e = refused(BadFormatException.class, in);
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("rows.mpr"), e.getMessage());
    }

    /**
     * Random damage to every sample: bytes flipped or the file cut. Each trial converts or fails with a
     * BattdatException; none hangs or runs out of memory.
     */
    @Test
    void randomDamageConvertsOrFailsTyped() throws IOException {
        String[] names = {Samples.CV, Samples.PEIS, Samples.GCPL, Samples.CV_MPT};
        byte[][] originals = new byte[names.length][];
        for (int k = 0; k < names.length; k++) {
            originals[k] = Files.readAllBytes(Samples.sample(names[k]));
        }
        Random random = new Random(20261203);
        DamageTrials trials = new DamageTrials(Duration.ofSeconds(20));
        for (int trial = 0; trial < 300; trial++) {
            // the large GCPL sample takes longer: one trial in ten
            int k = trial % 10 == 9 ? 2 : new int[]{0, 1, 3}[random.nextInt(3)];
            byte[] bytes = originals[k].clone();
            boolean header = random.nextBoolean(); // damage the structure more often than the rows
            int span = header ? Math.min(bytes.length, 8192) : bytes.length;
            if (random.nextInt(4) == 0) {
                bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
            } else {
                int flips = 1 + random.nextInt(8);
                for (int f = 0; f < flips; f++) {
                    bytes[random.nextInt(span)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            String ext = names[k].substring(names[k].lastIndexOf('.'));
            Path in = Files.write(dir.resolve("damaged" + ext), bytes);
            Path out = dir.resolve("damaged.h5");
            ParseOptions options = ParseOptions.defaults().withSkipBadLines(trial % 2 == 0);
            trials.run("trial " + trial + " on " + names[k], () -> convertAuto(out, options, in), e -> {
            });
        }
        trials.assertBothOutcomes();
    }
}
