package io.battdat.parsers.biologic;

import com.fasterxml.jackson.databind.JsonNode;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.parse.ParseOptions;
import io.battdat.parsers.csv.testing.Conversions;
import io.battdat.streaming.BatchStream;
import io.battdat.streaming.Battdat;
import io.battdat.streaming.convert.ConvertOptions;
import io.battdat.streaming.convert.ConvertReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every sample, converted with the format detected, gives the reference reader's facts within the tolerances. */
class BiologicFactsTest {
    @TempDir
    Path dir;

    /** Plain float64 sums and extremes of a converted raw_data table, as the reference facts are taken. */
    static final class Facts {
        long rows;
        double firstTime = Double.NaN;
        double lastTime;
        double currentSum;
        double currentAbsSum;
        double currentMin = Double.POSITIVE_INFINITY;
        double currentMax = Double.NEGATIVE_INFINITY;
        double voltageSum;
        double voltageMin = Double.POSITIVE_INFINITY;
        double voltageMax = Double.NEGATIVE_INFINITY;
        Set<Long> cycles = new HashSet<>();

        static Facts of(Path h5) {
            Facts f = new Facts();
            try (BatchStream batches = Battdat.engine().batches(h5, "raw_data")) {
                while (batches.hasNext()) {
                    ColumnBatch b = batches.next();
                    for (int r = 0; r < b.rowCount(); r++) {
                        double t = b.column("test_time").getDouble(r);
                        double i = b.column("current").getDouble(r);
                        double v = b.column("voltage").getDouble(r);
                        if (f.rows == 0) {
                            f.firstTime = t;
                        }
                        f.lastTime = t;
                        f.rows++;
                        f.currentSum += i;
                        f.currentAbsSum += Math.abs(i);
                        f.currentMin = Math.min(f.currentMin, i);
                        f.currentMax = Math.max(f.currentMax, i);
                        f.voltageSum += v;
                        f.voltageMin = Math.min(f.voltageMin, v);
                        f.voltageMax = Math.max(f.voltageMax, v);
                        f.cycles.add(b.column("cycle_number").getLong(r));
                    }
                }
            }
            return f;
        }
    }

    static ConvertReport convertAuto(Path out, ParseOptions parse, Path in) {
        var registry = io.battdat.streaming.StorageRegistry.discover(BiologicFactsTest.class.getClassLoader());
        return new io.battdat.streaming.convert.Converter(registry).convert(java.util.List.of(in), out,
                ConvertOptions.defaults().withParse(parse));
    }

    static void assertSum(String what, double expected, double scale, double actual) {
        double tolerance = 1e-6 * Math.max(Math.abs(expected), scale);
        assertTrue(Math.abs(expected - actual) <= tolerance,
                what + ": expected " + expected + " got " + actual + " (tolerance " + tolerance + ")");
    }

    @ParameterizedTest
    @ValueSource(strings = {Samples.GCPL, Samples.CV, Samples.PEIS, Samples.CV_MPT})
    void sampleMatchesTheReferenceFacts(String name) {
        Path in = Samples.sample(name);
        JsonNode expected = Samples.facts(name);
        Path out = dir.resolve("out.h5");
        ConvertReport report = convertAuto(out, ParseOptions.defaults(), in);
        assertEquals(BiologicParser.FORMAT, report.format());
        Facts f = Facts.of(out);
        assertEquals(expected.get("rows").asLong(), f.rows, "rows");
        assertEquals(expected.get("test_time_first").asDouble(), f.firstTime, 1e-3, "first test_time");
        assertEquals(expected.get("test_time_last").asDouble(), f.lastTime, 1e-3, "last test_time");
        assertSum("current sum", expected.get("current_sum").asDouble(), expected.get("current_abs_sum").asDouble(),
                f.currentSum);
        assertSum("current abs sum", expected.get("current_abs_sum").asDouble(), 0, f.currentAbsSum);
        assertSum("voltage sum", expected.get("voltage_sum").asDouble(), expected.get("voltage_abs_sum").asDouble(),
                f.voltageSum);
        double scale = Math.max(Math.abs(expected.get("current_min").asDouble()),
                Math.abs(expected.get("current_max").asDouble()));
        assertEquals(expected.get("current_min").asDouble(), f.currentMin, 1e-6 * scale, "current min");
        assertEquals(expected.get("current_max").asDouble(), f.currentMax, 1e-6 * scale, "current max");
        assertEquals(expected.get("voltage_min").asDouble(), f.voltageMin, 1e-6, "voltage min");
        assertEquals(expected.get("voltage_max").asDouble(), f.voltageMax, 1e-6, "voltage max");
        assertEquals(expected.get("cycle_distinct").asInt(), f.cycles.size(), "distinct cycles");
    }

    @Test
    void impedanceRowsAlsoFormAnEisTable() {
        Path out = dir.resolve("peis.h5");
        ConvertReport report = convertAuto(out, ParseOptions.defaults(), Samples.sample(Samples.PEIS));
        assertEquals(60L, report.cells().get("").get("eis_data"));
        try (BatchStream batches = Battdat.engine().batches(out, "eis_data")) {
            ColumnBatch b = batches.next();
            assertEquals(10001.0, b.column("frequency").getDouble(0), 1e-3);
            assertEquals(5.521314, b.column("z_real").getDouble(0), 1e-5);
            assertEquals(-1.5513071, b.column("z_imag").getDouble(0), 1e-5, "EC-Lab's -Im(Z) negated");
            assertEquals(0L, b.column("test_id").getLong(0));
            for (int r = 0; r < b.rowCount(); r++) {
                double mag = b.column("z_mag").getDouble(r);
                double phase = Math.toRadians(b.column("z_phase").getDouble(r));
                assertEquals(b.column("z_real").getDouble(r), mag * Math.cos(phase), 1e-4 * mag);
                assertEquals(b.column("z_imag").getDouble(r), mag * Math.sin(phase), 1e-4 * mag);
            }
        }
    }

    @Test
    void mptAndMprOfOneRunAgree() {
        Path a = dir.resolve("mpr.h5");
        Path b = dir.resolve("mpt.h5");
        convertAuto(a, ParseOptions.defaults(), Samples.sample(Samples.CV));
        convertAuto(b, ParseOptions.defaults(), Samples.sample(Samples.CV_MPT));
        Facts fa = Facts.of(a);
        Facts fb = Facts.of(b);
        assertEquals(fa.rows, fb.rows);
        assertEquals(fa.cycles, fb.cycles);
        assertSum("current", fa.currentSum, fa.currentAbsSum, fb.currentSum);
        assertSum("voltage", fa.voltageSum, fa.voltageSum, fb.voltageSum);
    }

    @Test
    void decimalCommasAreRead() throws Exception {
        String text = java.nio.file.Files.readString(Samples.sample(Samples.CV_MPT),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        int header = text.indexOf("\nmode\t");
        int data = text.indexOf('\n', header + 1) + 1;
        String comma = text.substring(0, data) + text.substring(data).replace('.', ',');
        Path in = Conversions.write(dir, "comma.mpt", comma, java.nio.charset.StandardCharsets.ISO_8859_1);
        Path out = dir.resolve("comma.h5");
        convertAuto(out, ParseOptions.defaults(), in);
        Path ref = dir.resolve("ref.h5");
        convertAuto(ref, ParseOptions.defaults(), Samples.sample(Samples.CV_MPT));
        Facts f = Facts.of(out);
        Facts r = Facts.of(ref);
        assertEquals(r.rows, f.rows);
        assertEquals(r.voltageSum, f.voltageSum, 1e-9 * r.voltageSum);
    }
}
