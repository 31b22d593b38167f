package io.battdat.parsers.arbinres;

import io.battdat.api.parse.CellFiles;
import io.battdat.api.parse.ParseOptions;
import io.battdat.api.spi.FileProbe;
import io.battdat.api.spi.ProbeResult;
import io.battdat.parsers.csv.testing.Conversions;
import io.battdat.streaming.convert.ConvertReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.battdat.parsers.csv.testing.Conversions.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files written with Jackcess in the layouts the samples lack: shuffled records, no index, several tests. */
class ArbinResLayoutsTest {
    @TempDir
    Path dir;

    private static final int RECORDS = 3000;

    private void assertInOrder(Path out, int records, int test) {
        List<Object> points = column(out, "raw_data", "data_point");
        List<Object> time = column(out, "raw_data", "test_time");
        List<Object> current = column(out, "raw_data", "current");
        List<Object> cycles = column(out, "raw_data", "cycle_number");
        assertEquals(records, points.size());
        for (int i = 0; i < records; i++) {
            assertEquals((long) (i + 1), points.get(i));
            assertEquals((i + 1) * TestingResFiles.STEP_SECONDS + test, (Double) time.get(i), 1e-9);
            assertEquals((float) TestingResFiles.current(i), ((Double) current.get(i)).floatValue(), 0f);
            assertEquals((long) TestingResFiles.cycle(i) - 1, cycles.get(i));
        }
    }

    @Test
    void shuffledRecordsWithoutIndexAreSortedExternally() throws IOException {
        Path res = dir.resolve("noindex.res");
        TestingResFiles.write(res, new TestingResFiles.Spec(1, RECORDS, false, true, true, 7));
        Path out = dir.resolve("o.h5");
        // chunks of 256 records: 12 runs merged
        Conversions.convert("auto", out, ParseOptions.defaults().withSettings(Map.of(ArbinResParser.CHUNK_ROWS, "256")),
                res);
        assertInOrder(out, RECORDS, 1);
        List<Object> temperature = column(out, "raw_data", "temperature");
        for (int i = 0; i < RECORDS; i++) {
            assertEquals(25.0 + i % 7, (Double) temperature.get(i), 0.0);
        }
    }

    @Test
    void shuffledRecordsWithIndexAreReadInIndexOrder() throws IOException {
        Path res = dir.resolve("index.res");
        TestingResFiles.write(res, new TestingResFiles.Spec(1, RECORDS, true, true, true, 8));
        Path out = dir.resolve("o.h5");
        Conversions.convert("auto", out, ParseOptions.defaults(), res);
        assertInOrder(out, RECORDS, 1);
    }

    @Test
    void everyTestOfAFileIsACell() throws IOException {
        Path res = dir.resolve("two.res");
        TestingResFiles.write(res, new TestingResFiles.Spec(3, 500, true, true, false, 9));
        TestingResFiles.addStatistics(res, 2, true, 320, 160);
        Path out = dir.resolve("o.h5");
        ConvertReport report = Conversions.convert("auto", out, ParseOptions.defaults(), res);
        assertEquals(3, report.cells().size(), report.cells().toString());
        // the statistic records are test 2's only
        assertEquals(Map.of("raw_data", 500L, "cycle_stats", 2L), report.cells().get("two_test2"));
        assertEquals(Map.of("raw_data", 500L), report.cells().get("two_test3"));
        assertEquals(List.of(0L, 1L), column(out, "two_test2/cycle_stats", "cycle_number"));
        List<CellFiles> cells = new ArrayList<>(new ArbinResParser().group(List.of(res)));
        assertEquals("two_test2", cells.get(1).name());
        for (int t = 1; t <= 3; t++) {
            assertInOrder(out, 500, t, "two_test" + t);
        }
        // the same without the index
        Path plain = dir.resolve("plain.res");
        TestingResFiles.write(plain, new TestingResFiles.Spec(2, 500, false, true, false, 10));
        Path out2 = dir.resolve("o2.h5");
        Conversions.convert("auto", out2, ParseOptions.defaults(), plain);
        assertInOrder(out2, 500, 2, "plain_test2");
    }

    private void assertInOrder(Path out, int records, int test, String cell) {
        List<Object> points = column(out, cell + "/raw_data", "data_point");
        List<Object> time = column(out, cell + "/raw_data", "test_time");
        assertEquals(records, points.size());
        for (int i = 0; i < records; i++) {
            assertEquals((long) (i + 1), points.get(i));
            assertEquals((i + 1) * TestingResFiles.STEP_SECONDS + test, (Double) time.get(i), 1e-9);
        }
    }

    @Test
    void statisticRecordsBecomeCycleStatsWithoutInventingMissingCycles() throws IOException {
        for (boolean indexed : new boolean[]{true, false}) {
            Path res = dir.resolve("stats" + indexed + ".res");
            TestingResFiles.write(res, new TestingResFiles.Spec(1, RECORDS, indexed, true, false, 11));
            // the last records of cycles 1, 3 and 4 (none for cycle 2, nor for the unfinished ones), stored out of
            // order, and one record of a Data_Point the test does not have
            TestingResFiles.addStatistics(res, 1, indexed, 640, 160, 99_999, 480);
            Path out = dir.resolve("stats" + indexed + ".h5");
            ConvertReport report = Conversions.convert("auto", out, ParseOptions.defaults()
                    .withSettings(Map.of(ArbinResParser.CHUNK_ROWS, "256")), res);
            assertTrue(report.warnings().stream().anyMatch(w -> w.contains("1 statistic record(s)")),
                    report.warnings().toString());
            assertEquals(List.of(0L, 2L, 3L), column(out, "cycle_stats", "cycle_number"));
            assertEquals(List.of(160L, 480L, 640L), column(out, "cycle_stats", "data_point"));
            // Charge_Capacity accumulates over the test here (record i holds i * 1e-3 A-hr): each cycle counts
            // from the value before its first record; cycle 3 begins at record 320 and its statistics are at 479
            List<Object> charge = column(out, "cycle_stats", "capacity_charge");
            assertEquals(0.159, (Double) charge.get(0), 1e-12);
            assertEquals(0.479 - 0.319, (Double) charge.get(1), 1e-12);
            assertEquals(0.639 - 0.479, (Double) charge.get(2), 1e-12);
            assertEquals((479 - 319) * 2e-3, (Double) column(out, "cycle_stats", "energy_discharge").get(1), 1e-12);
            assertEquals(321 * TestingResFiles.STEP_SECONDS + 1, (Double) column(out, "cycle_stats", "cycle_start")
                    .get(1), 1e-9);
            assertEquals(159 * TestingResFiles.STEP_SECONDS, (Double) column(out, "cycle_stats", "cycle_duration")
                    .get(1), 1e-9);
            assertEquals(480 * TestingResFiles.STEP_SECONDS + 1, (Double) column(out, "cycle_stats", "test_time")
                    .get(1), 1e-9);
            assertEquals(TestingResFiles.statisticVmax(480),
                    ((Double) column(out, "cycle_stats", "V_maximum").get(1)).floatValue(), 0f);
            assertEquals(960.0, (Double) column(out, "cycle_stats", "charge_time").get(1), 0.0);
            assertEquals(1440.0, (Double) column(out, "cycle_stats", "discharge_time").get(1), 0.0);
            assertInOrder(out, RECORDS, 1);
        }
    }

    @Test
    void probeNeedsTheJetSignature() throws IOException {
        ArbinResParser parser = new ArbinResParser();
        Path res = dir.resolve("p.res");
        TestingResFiles.write(res, new TestingResFiles.Spec(1, 10, true, false, false, 1));
        byte[] head = Files.readAllBytes(res);
        byte[] first = Arrays.copyOf(head, 4096);
        assertEquals(ProbeResult.SIGNATURE, parser.probe(new FileProbe(res, false, first)));
        assertEquals(ProbeResult.EXTENSION,
                parser.probe(new FileProbe(dir.resolve("p.mdb"), false, first)));
        assertEquals(ProbeResult.NO, parser.probe(new FileProbe(dir.resolve("q.res"), false,
                "Test_ID,Data_Point\n".getBytes())));
        assertFalse(parser.extensions().isEmpty());
        assertTrue(parser.description().contains(".res"));
    }
}
