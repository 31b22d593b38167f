package io.battdat.streaming.postprocess;

import io.battdat.api.BadFormatException;
import io.battdat.api.SchemaViolationException;
import io.battdat.api.data.BatchBuffer;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.StorageType;
import io.battdat.api.data.TableLayout;
import io.battdat.api.postprocess.CycleSummarizer;
import io.battdat.api.postprocess.EnhancerStage;
import io.battdat.api.postprocess.PostProcessOptions;
import io.battdat.api.postprocess.RawDataEnhancer;
import io.battdat.api.postprocess.TableContext;
import io.battdat.streaming.Battdat;
import io.battdat.streaming.PostProcessor;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.IntToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The values of the Python toolkit's own post-processing tests (spec 5.8, 5.9), and bad input. */
class PostProcessUnitTest {
    private static final Path FILE = Path.of("unit.h5");

    /** A raw table: columns test_time, current, voltage (float64), cycle_number (int64), plus extra ones. */
    static final class Raw {
        final List<ColumnSpec> specs = new ArrayList<>(List.of(ColumnSpec.of("test_time", StorageType.FLOAT64),
                ColumnSpec.of("current", StorageType.FLOAT64), ColumnSpec.of("voltage", StorageType.FLOAT64),
                ColumnSpec.of("cycle_number", StorageType.INT64)));
        final List<double[]> extra = new ArrayList<>();
        double[] time;
        double[] current;
        double[] voltage;
        long[] cycle;

        Raw(double[] time, double[] current, double[] voltage, long[] cycle) {
            this.time = time;
            this.current = current;
            this.voltage = voltage;
            this.cycle = cycle;
        }

        /** One cycle (cycle_number 0) of {@code n} rows whose columns are functions of the row index. */
        static Raw sampled(int n, IntToDoubleFunction time, IntToDoubleFunction current,
                           IntToDoubleFunction voltage) {
            double[] t = new double[n];
            double[] i = new double[n];
            double[] v = new double[n];
            for (int r = 0; r < n; r++) {
                t[r] = time.applyAsDouble(r);
                i[r] = current.applyAsDouble(r);
                v[r] = voltage.applyAsDouble(r);
            }
            return new Raw(t, i, v, new long[n]);
        }

        Raw with(String name, double[] values) {
            specs.add(ColumnSpec.of(name, StorageType.FLOAT64));
            extra.add(values);
            return this;
        }

        TableLayout layout() {
            return TableLayout.of(specs);
        }

        /** The rows cut into batches of {@code size} rows. */
        List<ColumnBatch> batches(int size) {
            List<ColumnBatch> out = new ArrayList<>();
            for (int from = 0; from < time.length; from += size) {
                int n = Math.min(size, time.length - from);
                BatchBuffer b = BatchBuffer.allocate(layout(), n);
                for (int i = 0; i < n; i++) {
                    b.doubles("test_time").buffer()[i] = time[from + i];
                    b.doubles("current").buffer()[i] = current[from + i];
                    b.doubles("voltage").buffer()[i] = voltage[from + i];
                    b.longs("cycle_number").buffer()[i] = cycle[from + i];
                    for (int e = 0; e < extra.size(); e++) {
                        b.doubles(specs.get(4 + e).name()).buffer()[i] = extra.get(e)[from + i];
                    }
                }
                b.setRowCount(n);
                out.add(b);
            }
            return out;
        }

        TableContext context(PostProcessOptions options) {
            return TableContext.builder().file(FILE).table("/raw_data").layout(layout()).options(options).build();
        }

        CycleTable summarize(int batchRows, PostProcessOptions options, CycleSummarizer... summarizers) {
            return CycleStatistics.summarize(context(options), batches(batchRows).iterator(), List.of(summarizers));
        }

        /** The added columns of an enhancer, whole. */
        double[][] enhance(int batchRows, PostProcessOptions options, RawDataEnhancer enhancer) {
            int added = enhancer.columns(context(options)).size();
            double[][] out = new double[added][time.length];
            int[] at = {0};
            int first = layout().size();
            EnhancerStage stage = enhancer.start(context(options), b -> {
                for (int c = 0; c < added; c++) {
                    for (int r = 0; r < b.rowCount(); r++) {
                        out[c][at[0] + r] = b.column(first + c).getDouble(r);
                    }
                }
                at[0] += b.rowCount();
            });
            for (ColumnBatch b : batches(batchRows)) {
                stage.accept(b);
            }
            stage.finish();
            return out;
        }
    }

    private static Raw times(long[] cycles, double[] times) {
        double[] ones = new double[times.length];
        java.util.Arrays.fill(ones, 1.0);
        return new Raw(times, ones, ones.clone(), cycles);
    }

    @Test
    void cycleTimesAsPythonsTests() {
        for (int batch : new int[] {1, 2, 100}) {
            CycleTable t = times(new long[] {0, 0, 1, 1, 2, 2}, new double[] {0, 0.99, 1, 1.99, 2, 2.99})
                    .summarize(batch, PostProcessOptions.DEFAULT, new CycleTimesSummarizer());
            assertArrayEquals(new double[] {0, 1, 2}, t.column("cycle_start"), 1e-12);
            assertArrayEquals(new double[] {1, 1, 0.99}, t.column("cycle_duration"), 1e-12);
            // a missing cycle: the cycle before the gap keeps max - min
            t = times(new long[] {0, 0, 1, 1, 3, 3}, new double[] {0, 0.99, 1, 1.99, 2, 2.99})
                    .summarize(batch, PostProcessOptions.DEFAULT, new CycleTimesSummarizer());
            assertArrayEquals(new double[] {1, 0.99, 0.99}, t.column("cycle_duration"), 1e-12);
            assertArrayEquals(new double[] {0, 1, 3}, t.column("cycle_number"));
            // a cycle of one row
            t = times(new long[] {0, 1, 1, 2, 2}, new double[] {0, 1, 1.99, 2, 2.99})
                    .summarize(batch, PostProcessOptions.DEFAULT, new CycleTimesSummarizer());
            assertArrayEquals(new double[] {1, 1, 0.99}, t.column("cycle_duration"), 1e-12);
        }
    }

    @Test
    void cycleTimeEnhancerAsPythonsTest() {
        double[][] out = times(new long[] {0, 0, 1, 1, 2, 2}, new double[] {0, 0.99, 1, 1.99, 2, 2.99})
                .enhance(4, PostProcessOptions.DEFAULT, new TimeEnhancer());
        assertArrayEquals(new double[] {0, 0.99, 0, 0.99, 0, 0.99}, out[0], 1e-12);
    }

    /** One hour of -1 A then one of +1 A (3 s steps): Python's constant-charge example "from charged". */
    private static Raw constantCharge(boolean fromCharged) {
        double sign = fromCharged ? 1 : -1;
        // a resistor-like cell: 2.9 V - t/7200 V while discharging from charged, mirrored when charging
        return Raw.sampled(2401, r -> 3.0 * r, r -> (r <= 1200 ? -1 : 1) * sign, r -> {
            double t = 3.0 * r;
            return fromCharged ? (r <= 1200 ? 2.9 - t / 7200 : 2.4 + (t - 3600) / 7200 + 0.2)
                    : (r <= 1200 ? 2.1 + t / 7200 : 2.6 - (t - 3600) / 7200 - 0.2);
        });
    }

    @Test
    void capacityOfOneCycleNearOneAmpHour() {
        for (boolean charged : new boolean[] {true, false}) {
            CycleTable t = constantCharge(charged).summarize(500, PostProcessOptions.DEFAULT, new CapacityPerCycle());
            assertEquals(1, t.rowCount());
            assertEquals(1.0, t.get("capacity_charge", 0), 0.01);
            assertEquals(1.0, t.get("capacity_discharge", 0), 0.01);
            assertEquals(t.get("capacity_discharge", 0) / t.get("capacity_charge", 0),
                    t.get("coulombic_efficiency", 0), 1e-15);
            assertEquals(t.get("energy_discharge", 0) / t.get("energy_charge", 0),
                    t.get("energy_efficiency", 0), 1e-15);
            // the column beyond CycleLevelData is described in the output's schema
            assertTrue(t.schema().extraColumns().get("coulombic_efficiency").description().contains("ratio"));
        }
    }

    @Test
    void capacitySkipsCyclesOfFewerThanThreeRowsCountingTheBoundary() {
        // cycle 0: 2 own rows + the boundary row = 3 rows, computed; cycle 1 (last): 2 rows, NaN
        Raw raw = new Raw(new double[] {0, 1, 2, 3}, new double[] {1, 1, -1, -1}, new double[] {3, 3.1, 3, 2.9},
                new long[] {0, 0, 1, 1});
        CycleTable t = raw.summarize(1, PostProcessOptions.DEFAULT, new CapacityPerCycle());
        assertTrue(!Double.isNaN(t.get("capacity_charge", 0)));
        assertTrue(Double.isNaN(t.get("capacity_charge", 1)));
        assertTrue(Double.isNaN(t.get("energy_discharge", 1)));
    }

    @Test
    void stateOfChargeAsPythonsTests() {
        for (boolean charged : new boolean[] {true, false}) {
            Raw raw = constantCharge(charged);
            double[][] soc = raw.enhance(333, PostProcessOptions.DEFAULT, new StateOfCharge());
            assertEquals(0.0, soc[0][0]);
            for (int r = 0; r < 3; r++) {
                assertEquals(raw.current[0] * raw.time[r] / 3600, soc[0][r], 1e-12);
            }
            assertEquals(0.0, soc[0][raw.time.length - 1], 1e-3);
            for (double[] column : soc) {
                for (double x : column) {
                    assertTrue(!Double.isNaN(x));
                }
            }
            // cycled_energy during the first segment: I*(2.9t - t^2/7200)/3600 from charged, I*(2.1t + t^2/7200)
            // from discharged
            for (int r = 1; r < 1200; r += 97) {
                double t = raw.time[r];
                double want = charged ? raw.current[0] * (2.9 * t - t * t / 14400) / 3600
                        : raw.current[0] * (2.1 * t + t * t / 14400) / 3600;
                assertEquals(want, soc[1][r], Math.abs(want) * 1e-3);
            }
        }
    }

    @Test
    void coulombicEfficiencyScalesChargingOnlyAndIsChecked() {
        Raw raw = constantCharge(false);
        double[][] full = raw.enhance(1000, PostProcessOptions.DEFAULT, new StateOfCharge());
        double[][] half = raw.enhance(1000, PostProcessOptions.DEFAULT.withCoulombicEfficiency(0.5),
                new StateOfCharge());
        assertEquals(full[0][600] / 2, half[2][600], 1e-12); // charging first: halved
        assertArrayEquals(full[0], half[0], 0.0);             // cycled_charge unchanged
        assertThrows(IllegalArgumentException.class, () -> PostProcessOptions.DEFAULT.withCoulombicEfficiency(1.5));
        assertThrows(IllegalArgumentException.class, () -> PostProcessOptions.DEFAULT.withCoulombicEfficiency(-0.1));
    }

    @Test
    void everyCycleStartsAtZeroCharge() {
        Raw raw = new Raw(new double[] {0, 1, 2, 3, 4, 5}, new double[] {1, 1, 1, -1, -1, -1},
                new double[] {3, 3, 3, 3, 3, 3}, new long[] {0, 0, 0, 1, 1, 1});
        double[][] soc = raw.enhance(2, PostProcessOptions.DEFAULT, new StateOfCharge());
        assertArrayEquals(new double[] {0, 1 / 3600., 2 / 3600., 0, -1 / 3600., -2 / 3600.}, soc[0], 1e-15);
    }

    @Test
    void reusedIntegralsGiveTheComputedValuesAndScaleOnTheLastCycle() {
        Raw raw = new Raw(new double[] {0, 10, 20, 30, 40, 50, 60, 70}, new double[] {1, 1, -1, -1, 1, 1, -1, -1},
                new double[] {3, 3.1, 3, 2.9, 3, 3.1, 3, 2.9}, new long[] {0, 0, 0, 0, 1, 1, 1, 1});
        double[][] soc = raw.enhance(3, PostProcessOptions.DEFAULT, new StateOfCharge());
        CycleTable computed = raw.summarize(3, PostProcessOptions.DEFAULT, new CapacityPerCycle());
        Raw reused = new Raw(raw.time, raw.current, raw.voltage, raw.cycle).with("cycled_charge", soc[0])
                .with("cycled_energy", soc[1]);
        CycleTable viaSoc = reused.summarize(3, PostProcessOptions.DEFAULT, new CapacityPerCycle());
        for (String c : List.of("capacity_charge", "capacity_discharge", "energy_charge", "energy_discharge")) {
            // documented difference from Python: the boundary row is integrated, not read as the next cycle's 0
            assertArrayEquals(computed.column(c), viaSoc.column(c), 1e-12, c);
        }
        double[] doubledQ = soc[0].clone();
        double[] doubledE = soc[1].clone();
        for (int i = 0; i < doubledQ.length; i++) {
            doubledQ[i] *= 2;
            doubledE[i] *= 2;
        }
        CycleTable doubled = new Raw(raw.time, raw.current, raw.voltage, raw.cycle).with("cycled_charge", doubledQ)
                .with("cycled_energy", doubledE).summarize(3, PostProcessOptions.DEFAULT, new CapacityPerCycle());
        for (String c : List.of("capacity_charge", "capacity_discharge", "energy_charge", "energy_discharge")) {
            assertEquals(2 * viaSoc.get(c, 1), doubled.get(c, 1), 1e-12, c); // the last cycle has no boundary row
        }
        CycleTable notReused = reused.summarize(3, PostProcessOptions.DEFAULT.withReuseIntegrals(false),
                new CapacityPerCycle());
        assertArrayEquals(computed.column("capacity_charge"), notReused.column("capacity_charge"), 0.0);
    }

    @Test
    void voltageAndTemperatureExtremes() {
        Raw raw = new Raw(new double[] {0, 1, 2, 3}, new double[] {1, 1, -1, -1}, new double[] {3, 3.5, 2.5, 3},
                new long[] {0, 0, 1, 1}).with("temperature", new double[] {20, Double.NaN, 30, 40});
        CycleTable t = raw.summarize(3, PostProcessOptions.DEFAULT, new VoltageTemperatureSummarizer());
        assertArrayEquals(new double[] {3.5, 3}, t.column("V_maximum"));
        assertArrayEquals(new double[] {3, 2.5}, t.column("V_minimum"));
        assertArrayEquals(new double[] {20, 35}, t.column("temperature_average"));
        assertTrue(!t.schema().extraColumns().containsKey("coulombic_efficiency"), "not a column of this summarizer");
    }

    /** Python's synthetic test: rest, then a charge at 1 A with the voltage rising. */
    private static Raw restThenCharge(double sign) {
        return Raw.sampled(1000, r -> r * 2.0, r -> r < 500 ? 0 : sign * 1.0,
                r -> r < 500 ? 3.0 : 3.0 + 0.0005 * (r - 500) + 1e-5 * Math.sin(r));
    }

    private static List<String> check(Raw raw, int batchRows) {
        var check = new SignConventionChecker().start(raw.context(PostProcessOptions.DEFAULT));
        for (ColumnBatch b : raw.batches(batchRows)) {
            check.accept(b);
        }
        return check.finish();
    }

    @Test
    void signConventionAsPythonsTests() {
        assertEquals(List.of(), check(restThenCharge(1), 77));
        List<String> warnings = check(restThenCharge(-1), 77);
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("Potential sign error in current."), warnings.get(0));
        Raw resting = new Raw(new double[] {0, 1, 2}, new double[] {0, 0, 1}, new double[] {3, 3, 3},
                new long[3]);
        BadFormatException e = assertThrows(BadFormatException.class, () -> check(resting, 2));
        assertTrue(e.getMessage().contains("Insufficient data to judge the sign convention (only 1)"), e.getMessage());
    }

    @Test
    void badInputIsATypedErrorNamingFileTableAndRow() {
        Raw backwards = times(new long[] {0, 0, 1, 0}, new double[] {0, 1, 2, 3});
        BadFormatException e = assertThrows(BadFormatException.class,
                () -> backwards.summarize(2, PostProcessOptions.DEFAULT, new CycleTimesSummarizer()));
        assertTrue(e.getMessage().contains("unit.h5") && e.getMessage().contains("/raw_data")
                && e.getMessage().contains("row 3") && e.getMessage().contains("cycle_number goes back"), e.getMessage());

        Raw timeBack = times(new long[] {0, 0, 0}, new double[] {0, 2, 1});
        e = assertThrows(BadFormatException.class,
                () -> timeBack.summarize(2, PostProcessOptions.DEFAULT, new CapacityPerCycle()));
        assertTrue(e.getMessage().contains("row 2") && e.getMessage().contains("test_time goes back"), e.getMessage());

        Raw nan = times(new long[] {0, 0, 0}, new double[] {0, 1, 2});
        nan.current[1] = Double.NaN;
        e = assertThrows(BadFormatException.class,
                () -> nan.summarize(2, PostProcessOptions.DEFAULT, new CapacityPerCycle()));
        assertTrue(e.getMessage().contains("row 1") && e.getMessage().contains("NaN in current"), e.getMessage());
        e = assertThrows(BadFormatException.class, () -> nan.enhance(2, PostProcessOptions.DEFAULT,
                new StateOfCharge()));
        assertTrue(e.getMessage().contains("row 1"), e.getMessage());

        TableContext noCurrent = TableContext.builder().file(FILE).table("/raw_data")
                .layout(TableLayout.of(ColumnSpec.of("test_time", StorageType.FLOAT64),
                        ColumnSpec.of("cycle_number", StorageType.INT64))).build();
        SchemaViolationException s = assertThrows(SchemaViolationException.class,
                () -> CycleStatistics.start(noCurrent, List.of(new CapacityPerCycle())));
        assertTrue(s.getMessage().contains("'current'") && s.getMessage().contains("unit.h5"), s.getMessage());
    }

    @Test
    void enhancingTwiceIsRefused() {
        Raw raw = times(new long[] {0, 0}, new double[] {0, 1}).with("cycled_charge", new double[2]);
        assertThrows(SchemaViolationException.class,
                () -> raw.enhance(2, PostProcessOptions.DEFAULT, new StateOfCharge()));
    }

    @Test
    void tenMillionRowCycleHoldsNoRows() {
        // one cycle of 10M rows streamed in 64k-row batches: the accumulators keep a few doubles, so this runs in
        // the heap of any test JVM; the batch is refilled, never collected
        int batchRows = 1 << 16;
        Raw raw = times(new long[batchRows], new double[batchRows]);
        BatchBuffer b = (BatchBuffer) raw.batches(batchRows).get(0);
        long total = 10_000_000L;
        CycleStatistics.Run run = CycleStatistics.start(raw.context(PostProcessOptions.DEFAULT),
                new PostProcessor(Battdat.engine()).summarizers());
        for (long done = 0; done < total; done += batchRows) {
            int n = (int) Math.min(batchRows, total - done);
            for (int i = 0; i < n; i++) {
                b.doubles("test_time").buffer()[i] = done + i;
                b.doubles("current").buffer()[i] = (done + i) < total / 2 ? 1 : -1;
            }
            b.setRowCount(n);
            run.accept(b);
        }
        CycleTable t = run.finish();
        assertEquals(1, t.rowCount());
        assertEquals((total - 1) / 3600.0, t.get("cycle_duration", 0) / 3600.0, 1e-9);
        assertEquals(total / 2 / 3600.0, t.get("capacity_charge", 0), 1e-3);
    }

    @Test
    void guiceGivesThePostProcessor() {
        PostProcessor post = com.google.inject.Guice.createInjector(new io.battdat.streaming.BattdatModule())
                .getInstance(PostProcessor.class);
        assertEquals("cycle-times", post.summarizers().get(0).name());
    }

    @Test
    void builtInsAreFoundByServiceLoader() {
        var registry = Battdat.engine().registry();
        assertEquals(List.of("capacity", "cycle-times", "voltage-temperature"),
                registry.summarizers().stream().map(CycleSummarizer::name).toList());
        assertEquals(List.of("cycle-time", "method", "soc", "state", "steps", "substeps"),
                registry.enhancers().stream().map(RawDataEnhancer::name).toList());
        assertEquals(List.of("sign-convention"), registry.checkers().stream().map(c -> c.name()).toList());
        assertEquals(List.of("cycle-times", "capacity", "voltage-temperature"),
                new PostProcessor(Battdat.engine()).summarizers().stream().map(CycleSummarizer::name).toList());
        Iterator<CycleSummarizer> it = registry.summarizers().iterator();
        assertThrows(UnsupportedOperationException.class, it::remove);
    }
}
