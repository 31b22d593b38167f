package io.battdat.parsers.arbinres;

import com.fasterxml.jackson.databind.JsonNode;
import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.parse.CellFiles;
import io.battdat.api.parse.ParseOptions;
import io.battdat.api.schema.ColumnSchema;
import io.battdat.api.schema.CycleLevelData;
import io.battdat.api.schema.RawData;
import io.battdat.api.schema.SchemaValidator;
import io.battdat.streaming.Battdat;
import io.battdat.streaming.BatchStream;
import io.battdat.parsers.csv.testing.Conversions;
import io.battdat.parsers.csv.testing.PyTablesCheck;
import io.battdat.streaming.convert.ConvertReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static io.battdat.parsers.csv.testing.Conversions.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both shared samples give the reference reader's facts through the convert path, with either sort. */
class ArbinResFactsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {Samples.PLAIN, Samples.AUX})
    void sampleMatchesReferenceFacts(String name) {
        Path out = dir.resolve("x.h5");
        ConvertReport report = Conversions.convert("auto", out, ParseOptions.defaults(), Samples.sample(name));
        assertEquals("arbin-res", report.format());
        checkFacts(Samples.facts(name), out);
    }

    @ParameterizedTest
    @ValueSource(strings = {Samples.PLAIN, Samples.AUX})
    void externalSortInSmallChunksGivesTheSameRows(String name) {
        Path indexed = dir.resolve("i.h5");
        Path sorted = dir.resolve("e.h5");
        Path sample = Samples.sample(name);
        Conversions.convert("arbin-res", indexed, ParseOptions.defaults(), sample);
        Conversions.convert("arbin-res", sorted, ParseOptions.defaults().withSettings(
                Map.of(ArbinResParser.SORT, "external", ArbinResParser.CHUNK_ROWS, "100")), sample);
        for (String c : List.of("data_point", "test_time", "current", "voltage", "cycle_number", "time")) {
            assertEquals(column(indexed, "raw_data", c), column(sorted, "raw_data", c), c);
        }
        checkFacts(Samples.facts(name), sorted);
    }

    @ParameterizedTest
    @ValueSource(strings = {Samples.PLAIN, Samples.AUX})
    void outputPassesTheRawDataChecks(String name) {
        Path out = dir.resolve("v.h5");
        Conversions.convert("auto", out, ParseOptions.defaults(), Samples.sample(name));
        assertPassesChecks(out, "raw_data", new RawData());
    }

    @Test
    void auxiliaryTemperatureBecomesTheTemperatureColumn() {
        Path out = dir.resolve("aux.h5");
        Conversions.convert("auto", out, ParseOptions.defaults(), Samples.sample(Samples.AUX));
        List<Object> t = column(out, "raw_data", "temperature");
        assertEquals(7235, t.size());
        assertEquals(24.406582f, ((Double) t.get(0)).floatValue(), 0f);
        assertEquals(0.1116178f, ((Double) column(out, "raw_data", "temperature_rate").get(0)).floatValue(), 0f);
    }

    @ParameterizedTest
    @ValueSource(strings = {"index", "external"})
    void statisticTableBecomesCycleStats(String sort) {
        Path out = dir.resolve("stats.h5");
        ConvertReport report = Conversions.convert("auto", out, ParseOptions.defaults()
                .withSettings(Map.of(ArbinResParser.SORT, sort)), Samples.sample(Samples.PLAIN));
        // 4 statistic records for 5 cycles: the last cycle (2 records, cut short) has none and gets no row
        assertEquals(Map.of("raw_data", 2150L, "cycle_stats", 4L), report.cells().get(""));
        assertEquals(List.of(0L, 1L, 2L, 3L), column(out, "cycle_stats", "cycle_number"));
        assertEquals(List.of(972L, 1364L, 1756L, 2148L), column(out, "cycle_stats", "data_point"));
        // the values below are the file's own (Channel_Statistic_Table and the Channel_Normal_Table record at the
        // same Data_Point, as Jackcess lists them); Arbin restarts the capacities at each cycle here
        List<Object> start = column(out, "cycle_stats", "cycle_start");
        assertEquals(0.072595419795086, (Double) start.get(0), 1e-9);
        assertEquals(216293.12406514437, (Double) start.get(1), 1e-9);
        assertEquals(216293.1239128723, (Double) column(out, "cycle_stats", "test_time").get(0), 1e-9);
        assertEquals(216293.1239128723 - 0.072595419795086,
                (Double) column(out, "cycle_stats", "cycle_duration").get(0), 1e-9);
        assertEquals(4.83514940818E-4, (Double) column(out, "cycle_stats", "capacity_charge").get(0), 1e-15);
        assertEquals(4.74353299947E-4, (Double) column(out, "cycle_stats", "capacity_discharge").get(1), 1e-15);
        assertEquals(0.001912254816981, (Double) column(out, "cycle_stats", "energy_charge").get(2), 1e-15);
        assertEquals(0.001881246044186, (Double) column(out, "cycle_stats", "energy_discharge").get(3), 1e-15);
        for (Object v : column(out, "cycle_stats", "V_maximum")) {
            assertEquals(4.300055f, ((Double) v).floatValue(), 0f);
        }
        assertEquals(20125.575628299113, (Double) column(out, "cycle_stats", "charge_time").get(0), 0.0);
        assertEquals(19707.09903429146, (Double) column(out, "cycle_stats", "discharge_time").get(3), 0.0);
        assertPassesChecks(out, "cycle_stats", new CycleLevelData());
    }

    @Test
    void cycleStatsAgreeWithTheEngineSummaryOfTheTimeSeries() {
        // an independent check: the engine's own cycle summary, computed from raw_data alone (integrating the
        // current), gives the same cycle starts and durations, Arbin's Vmax and nearly Arbin's capacity counters
        Path out = dir.resolve("summary.h5");
        Conversions.convert("auto", out, ParseOptions.defaults(), Samples.sample(Samples.PLAIN));
        io.battdat.streaming.postprocess.CycleTable computed = new io.battdat.streaming.PostProcessor(Battdat.engine())
                .summarize(out, "raw_data", io.battdat.api.postprocess.PostProcessOptions.DEFAULT);
        List<Object> cycles = column(out, "cycle_stats", "cycle_number");
        for (int row = 0; row < cycles.size(); row++) {
            int c = (int) (long) (Long) cycles.get(row);
            assertEquals(c, computed.cycleNumber(c));
            assertEquals(computed.get("cycle_start", c), (Double) column(out, "cycle_stats", "cycle_start").get(row),
                    1e-6);
            // the summary's cycle ends where the next begins, 0.15 ms after Arbin's statistic record
            assertEquals(computed.get("cycle_duration", c),
                    (Double) column(out, "cycle_stats", "cycle_duration").get(row), 1e-3);
            assertEquals(computed.get("V_maximum", c), (Double) column(out, "cycle_stats", "V_maximum").get(row),
                    1e-6);
            for (String q : List.of("capacity_charge", "capacity_discharge", "energy_charge", "energy_discharge")) {
                double arbin = (Double) column(out, "cycle_stats", q).get(row);
                // the summary integrates the logged records, Arbin counts between them: they differ by under 1%
                assertEquals(computed.get(q, c), arbin, 1e-2 * arbin, q + " of cycle " + c);
            }
        }
    }

    @Test
    void emptyStatisticTableGivesNoCycleStats() {
        Path out = dir.resolve("nostats.h5");
        ConvertReport report = Conversions.convert("auto", out, ParseOptions.defaults(), Samples.sample(Samples.AUX));
        assertEquals(Map.of("raw_data", 7235L), report.cells().get(""));
    }

    @Test
    void dateTimeIsPlacedInTheZone() {
        Path out = dir.resolve("t.h5");
        Conversions.convert("auto", out, ParseOptions.defaults().withZone(ZoneOffset.UTC), Samples.sample(Samples.AUX));
        // DateTime 44140.44291666667 = 2020-11-05 10:37:48 (wall clock, here UTC)
        assertEquals(1604572668.0, (Double) column(out, "raw_data", "time").get(0), 1e-3);
    }

    @Test
    void metadataTakesTheTestRecord() {
        Path sample = Samples.sample(Samples.AUX);
        ArbinResParser parser = new ArbinResParser();
        List<CellFiles> cells = parser.group(List.of(sample));
        BatteryMetadata m = parser.metadata(cells.get(0), BatteryMetadata.defaults().withName("aux"));
        assertEquals("aux", m.name());
        assertEquals("OCV.sdu", m.testProtocol().schedule());
        assertEquals(LocalDate.of(2020, 11, 5), m.testProtocol().startDate());
        assertTrue(m.testProtocol().cycler().contains("7.00 Build: 180119USB"), m.testProtocol().cycler());
        @SuppressWarnings("unchecked")
        Map<String, Object> facts = (Map<String, Object>) m.extra().get("arbin_res");
        assertEquals("aux_one_x_dx", facts.get("Test_Name"));
        assertEquals(31L, facts.get("Channel_Index"));
        assertEquals("2020-11-05T10:37:46", facts.get("Start_DateTime"));
        assertTrue(m.toJson().contains("\"Serial_Number\""), m.toJson());
    }

    @Test
    void pytablesReadsTheOutput() throws Exception {
        for (String name : Samples.ALL) {
            Path out = dir.resolve(name + ".h5");
            Conversions.convert("auto", out, ParseOptions.defaults(), Samples.sample(name));
            JsonNode raw = PyTablesCheck.facts(out).get("tables").get("/raw_data");
            JsonNode expected = Samples.facts(name);
            assertEquals(expected.get("rows").asLong(), raw.get("rows").asLong(), name);
            assertClose(expected.get("voltage_sum").asDouble(), expected.get("voltage_abs_sum").asDouble(),
                    raw.get("columns").get("voltage").get("sum").asDouble(), name + " voltage");
        }
    }

    static void checkFacts(JsonNode facts, Path out) {
        List<Object> time = column(out, "raw_data", "test_time");
        List<Object> current = column(out, "raw_data", "current");
        List<Object> voltage = column(out, "raw_data", "voltage");
        List<Object> cycles = column(out, "raw_data", "cycle_number");
        assertEquals(facts.get("rows").asInt(), time.size());
        assertEquals(facts.get("test_time_first").asDouble(), (Double) time.get(0), 1e-3);
        assertEquals(facts.get("test_time_last").asDouble(), (Double) time.get(time.size() - 1), 1e-3);
        for (int i = 1; i < time.size(); i++) {
            assertTrue((Double) time.get(i) >= (Double) time.get(i - 1), "test_time decreases at row " + i);
        }
        check(facts, "current", current);
        check(facts, "voltage", voltage);
        assertEquals(facts.get("cycle_distinct").asInt(), new HashSet<>(cycles).size());
        // battdat counts cycles from 0; Arbin's Cycle_Index from 1
        assertEquals(facts.get("cycle_min").asLong() - 1, (Long) cycles.get(0));
        assertEquals(facts.get("cycle_max").asLong() - 1, (Long) cycles.get(cycles.size() - 1));
    }

    private static void check(JsonNode facts, String name, List<Object> values) {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Object o : values) {
            double v = (Double) o;
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertClose(facts.get(name + "_sum").asDouble(), facts.get(name + "_abs_sum").asDouble(), sum, name + " sum");
        // the reference printed floats with 8 digits
        assertEquals(facts.get(name + "_min").asDouble(), min, 1e-7 * Math.max(1, Math.abs(min)), name + " min");
        assertEquals(facts.get(name + "_max").asDouble(), max, 1e-7 * Math.max(1, Math.abs(max)), name + " max");
    }

    private static void assertClose(double expected, double absSum, double actual, String what) {
        double tolerance = 1e-6 * Math.max(Math.abs(expected), absSum);
        assertEquals(expected, actual, tolerance, what);
    }


    /** Every batch of the table passes the schema's checks (the validator throws on the first that does not). */
    private static void assertPassesChecks(Path file, String table, ColumnSchema schema) {
        SchemaValidator validator = new SchemaValidator(schema, true, table);
        try (BatchStream batches = Battdat.engine().batches(file, table)) {
            while (batches.hasNext()) {
                validator.accept(batches.next());
            }
        }
        validator.finish();
    }
}
