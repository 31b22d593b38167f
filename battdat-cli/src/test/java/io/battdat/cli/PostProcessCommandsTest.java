package io.battdat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.battdat.api.data.BatchBuffer;
import io.battdat.api.data.ColumnBatch;
import io.battdat.streaming.BatchStream;
import io.battdat.streaming.Battdat;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** {@code battdat summarize}, {@code enhance} and {@code check} on the shared fixtures and the project's own. */
@Timeout(120)
class PostProcessCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path shared() {
        Path p = Path.of(System.getProperty("battdat.shared", "../../shared"), "fixtures");
        Assumptions.assumeTrue(Files.isRegularFile(p.resolve("expected-postprocess.json")),
                "../shared/fixtures/expected-postprocess.json is absent: skipping the comparison with Python");
        return p;
    }

    @Test
    void summarizeJsonEqualsPythonOnEveryFixture() throws IOException {
        Path shared = shared();
        JsonNode all = JSON.readTree(shared.resolve("expected-postprocess.json").toFile());
        for (Iterator<Map.Entry<String, JsonNode>> it = all.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            int colon = e.getKey().indexOf(":/");
            Path file = shared.resolve(e.getKey().substring(0, colon));
            String key = e.getKey().substring(colon + 2);
            Cli r = Cli.run("summarize", file.toString(), "--key", key, "--json");
            assertEquals(0, r.status(), r.err());
            JsonNode got = JSON.readTree(r.out()).get("cycle_stats");
            for (Iterator<Map.Entry<String, JsonNode>> cols = e.getValue().get("cycle_stats").fields();
                 cols.hasNext(); ) {
                Map.Entry<String, JsonNode> col = cols.next();
                JsonNode values = got.get(col.getKey());
                assertEquals(col.getValue().size(), values.size(), e.getKey() + " " + col.getKey());
                for (int i = 0; i < values.size(); i++) {
                    JsonNode want = col.getValue().get(i);
                    if (want.isNull()) {
                        assertTrue(values.get(i).isNull(), e.getKey() + " " + col.getKey() + "[" + i + "]");
                    } else if (Math.abs(want.asDouble() - values.get(i).asDouble()) > 1e-9 * Math.abs(want.asDouble())) {
                        fail(e.getKey() + " " + col.getKey() + "[" + i + "]: Python " + want + ", got " + values.get(i));
                    }
                }
            }
        }
    }

    @Test
    void summarizePrintsAnAlignedTable() {
        Cli r = Cli.run("summarize", Cli.testdata("hdf5", "plain.h5").toString());
        assertEquals(0, r.status(), r.err());
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].trim().startsWith("cycle_number  cycle_start  cycle_duration"), lines[0]);
        assertEquals(lines[0].length(), lines[1].length(), "columns are aligned");
        assertTrue(r.out().contains(" cycles"));
    }

    @Test
    void inPlaceAddsOnceThenRefuses(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("cell.h5");
        Files.copy(Cli.testdata("hdf5", "plain.h5"), file, StandardCopyOption.REPLACE_EXISTING);
        file.toFile().setWritable(true);
        Cli printed = Cli.run("summarize", file.toString(), "--json");
        Cli r = Cli.run("summarize", file.toString(), "--in-place");
        assertEquals(0, r.status(), r.err());
        // the stored table holds what was printed
        StringBuilder stored = new StringBuilder();
        try (BatchStream b = Battdat.engine().batches(file, "cycle_stats")) {
            ColumnBatch batch = b.next();
            assertEquals(JSON.readTree(printed.out()).get("cycle_stats").get("capacity_charge").get(2).asDouble(),
                    batch.doubles("capacity_charge").get(2), 0.0);
            stored.append(batch.rowCount());
        }
        assertEquals("5", stored.toString());
        r = Cli.run("summarize", file.toString(), "--in-place");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("already has [/cycle_stats]") && r.err().contains("--out"), r.err());
        r = Cli.run("summarize", file.toString(), "--in-place", "--replace");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("move it over"), r.err());
    }

    @Test
    void outWritesEveryTablePlusCycleStats(@TempDir Path dir) throws IOException {
        for (String name : new String[] {"out.h5", "out.parquet"}) {
            Path out = dir.resolve(name);
            Cli r = Cli.run("summarize", Cli.testdata("hdf5", "multi-cell.h5").toString(), "--all-cells", "--out",
                    out.toString());
            assertEquals(0, r.status(), r.err());
            Cli inspect = Cli.run("inspect", out.toString());
            assertTrue(inspect.out().contains("cell_a/cycle_stats") && inspect.out().contains("cell_b/cycle_stats")
                    && inspect.out().contains("cell_a/raw_data"), inspect.out());
            Cli json = Cli.run("summarize", out.toString(), "--key", "cell_b/raw_data", "--json");
            try (BatchStream b = Battdat.engine().batches(out, "cell_b/cycle_stats")) {
                ColumnBatch batch = b.next();
                assertEquals(JSON.readTree(json.out()).get("cycle_stats").get("energy_discharge").get(1).asDouble(),
                        batch.doubles("energy_discharge").get(1), 0.0);
            }
        }
    }

    @Test
    void enhanceAddsStateOfChargeAndCycleTime(@TempDir Path dir) {
        Path out = dir.resolve("soc.h5");
        Cli r = Cli.run("enhance", Cli.testdata("hdf5", "plain.h5").toString(), out.toString(), "--add",
                "soc,cycle-time", "--coulombic-efficiency", "0.9");
        assertEquals(0, r.status(), r.err());
        try (BatchStream b = Battdat.engine().batches(out, "raw_data")) {
            ColumnBatch batch = b.next();
            assertEquals(0.0, batch.doubles("cycled_charge").get(0));
            assertEquals(0.0, batch.doubles("cycle_time").get(0));
            assertTrue(batch.doubles("CE_adjusted_charge").get(200) < batch.doubles("cycled_charge").get(200));
        }
        r = Cli.run("enhance", Cli.testdata("hdf5", "plain.h5").toString(), dir.resolve("x.h5").toString(), "--add",
                "state");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("already has a 'state' column"), r.err());
        assertFalse(Files.exists(dir.resolve("x.h5")), "no partial output");
        r = Cli.run("enhance", Cli.testdata("hdf5", "plain.h5").toString(), dir.resolve("y.h5").toString(), "--add",
                "nope");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("known: ["), r.err());
    }

    /**
     * Python writes summaries by row position into an existing cycle_stats, so a 1-based summary (as BatteryData
     * files have) would get cycle 0's values in its "cycle 1" row. We document and assert the other behaviour: the
     * new table is keyed by the raw cycle numbers and replaces the old one in --out.
     */
    @Test
    void anExistingCycleStatsIsReplacedNotAlignedByPosition(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("one-based.h5");
        var engine = Battdat.engine();
        var layout = io.battdat.api.data.TableLayout.of(
                io.battdat.api.data.ColumnSpec.of("test_time", io.battdat.api.data.StorageType.FLOAT64),
                io.battdat.api.data.ColumnSpec.of("current", io.battdat.api.data.StorageType.FLOAT64),
                io.battdat.api.data.ColumnSpec.of("voltage", io.battdat.api.data.StorageType.FLOAT64),
                io.battdat.api.data.ColumnSpec.of("cycle_number", io.battdat.api.data.StorageType.INT64));
        BatchBuffer raw = BatchBuffer.allocate(layout, 30);
        for (int i = 0; i < 30; i++) {
            raw.doubles("test_time").buffer()[i] = i * 10;
            raw.doubles("current").buffer()[i] = i % 10 < 5 ? 1 : -1;
            raw.doubles("voltage").buffer()[i] = 3.5 + (i % 10 < 5 ? 0.01 * (i % 10) : -0.01 * (i % 10 - 5));
            raw.longs("cycle_number").buffer()[i] = i / 10;
        }
        raw.setRowCount(30);
        var statsLayout = io.battdat.api.data.TableLayout.of(
                io.battdat.api.data.ColumnSpec.of("cycle_number", io.battdat.api.data.StorageType.INT64),
                io.battdat.api.data.ColumnSpec.of("capacity_charge", io.battdat.api.data.StorageType.FLOAT64));
        BatchBuffer old = BatchBuffer.allocate(statsLayout, 3);
        for (int i = 0; i < 3; i++) {
            old.longs("cycle_number").buffer()[i] = i + 1;
            old.doubles("capacity_charge").buffer()[i] = 99;
        }
        old.setRowCount(3);
        var sink = engine.registry().writerFor(file).open(file,
                io.battdat.api.spi.WriteOptions.create(io.battdat.api.metadata.BatteryMetadata.defaults()));
        sink.createTable("raw_data", layout, new io.battdat.api.schema.RawData(), 30).append(raw, 0, 30);
        sink.createTable("cycle_stats", statsLayout, new io.battdat.api.schema.CycleLevelData(), 3)
                .append(old, 0, 3);
        sink.close();

        Cli printed = Cli.run("summarize", file.toString(), "--json");
        assertEquals(0, printed.status(), printed.err());
        Path out = dir.resolve("out.h5");
        assertEquals(0, Cli.run("summarize", file.toString(), "--out", out.toString()).status());
        try (BatchStream b = engine.batches(out, "cycle_stats")) {
            ColumnBatch stats = b.next();
            assertEquals(3, stats.rowCount());
            for (int i = 0; i < 3; i++) {
                assertEquals(i, stats.column("cycle_number").getLong(i), "keyed by the raw cycle numbers");
                assertEquals(printedValue(printed, "capacity_charge", i), stats.doubles("capacity_charge").get(i), 0.0);
            }
        }
        assertEquals(1, Cli.run("summarize", file.toString(), "--in-place").status());
    }

    private static double printedValue(Cli printed, String column, int row) throws IOException {
        return JSON.readTree(printed.out()).get("cycle_stats").get(column).get(row).asDouble();
    }

    /** Python's test on BatteryData p492-13: raw cycle 8 against the summary's 9th row, and no sign warning. */
    @Test
    void batteryDataCapacitiesAgreeWithItsSummaryAndSignsAreRight(@TempDir Path dir) throws IOException {
        Path vendor = Path.of(System.getProperty("battdat.shared", "../../shared"), "fixtures", "vendor");
        Path raw = vendor.resolve("batterydata/p492-13-raw.csv");
        Path arbin = vendor.resolve("arbin/arbin_example.csv");
        Assumptions.assumeTrue(Files.isRegularFile(raw) && Files.isRegularFile(arbin),
                "../shared/fixtures/vendor is absent: skipping the vendor post-processing checks");
        Path bd = dir.resolve("bd.h5");
        assertEquals(0, Cli.run("convert", raw.toString(), vendor.resolve("batterydata/p492-13-summary.csv").toString(),
                "--out", bd.toString()).status());
        JsonNode stats = JSON.readTree(Cli.run("summarize", bd.toString(), "--json").out()).get("cycle_stats");
        int row = -1;
        for (int i = 0; i < stats.get("cycle_number").size(); i++) {
            if (stats.get("cycle_number").get(i).asLong() == 8) {
                row = i;
            }
        }
        // the cycler's own summary (Python's test: within 1e-3) and what Python recomputes (to its 5 digits)
        double[][] expected = {{0.01901, 0.019008}, {0.018997, 0.018946}, {0.069251, 0.069243}, {0.070917, 0.070728}};
        String[] columns = {"capacity_discharge", "capacity_charge", "energy_discharge", "energy_charge"};
        for (int c = 0; c < columns.length; c++) {
            double got = stats.get(columns[c]).get(row).asDouble();
            assertEquals(expected[c][0], got, 1e-3, columns[c]);
            assertEquals(expected[c][1], got, 1e-6, columns[c]);
        }
        assertEquals(0, Cli.run("check", bd.toString()).status());
        Path ar = dir.resolve("arbin.h5");
        assertEquals(0, Cli.run("convert", arbin.toString(), "--out", ar.toString()).status());
        assertEquals(0, Cli.run("check", ar.toString()).status());
    }

    @Test
    void checkExitsZeroWithoutWarningsAndThreeWithThem(@TempDir Path dir) {
        Cli r = Cli.run("check", Cli.testdata("hdf5", "plain.h5").toString());
        assertEquals(0, r.status(), r.err() + r.out());
        assertTrue(r.out().contains("0 warnings in 1 checked table"), r.out());
        Path flipped = dir.resolve("flipped.h5");
        // the same data with the current negated: the sign check must warn
        try (var w = io.battdat.streaming.HDF5Writer.builder(flipped).open();
             BatchStream b = Battdat.engine().batches(Cli.testdata("hdf5", "plain.h5"), "raw_data")) {
            while (b.hasNext()) {
                ColumnBatch batch = b.next();
                for (int i = 0; i < batch.rowCount(); i++) {
                    w.writeRow(Map.of("test_time", batch.doubles("test_time").get(i),
                            "current", -batch.doubles("current").get(i), "voltage", batch.doubles("voltage").get(i),
                            "cycle_number", batch.column("cycle_number").getLong(i)));
                }
            }
        }
        r = Cli.run("check", flipped.toString());
        assertEquals(3, r.status(), r.err() + r.out());
        assertTrue(r.out().contains("Potential sign error in current"), r.out());
        r = Cli.run("check", dir.resolve("missing.h5").toString());
        assertEquals(1, r.status());
    }
}
