package io.battdat.streaming;

import io.battdat.api.data.Row;
import io.battdat.api.spi.ReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's "Java API in ten lines" example, kept here so that it compiles and computes the right thing: the net
 * charge of every cycle of {@code testdata/hdf5/plain.h5}, integrated over {@code test_time} inside the cycle, equals
 * the same integral over the table's records grouped by hand.
 */
@Timeout(60)
class ReadmeExampleTest {

    /** The README's code (minus the printing), with {@code engine} and {@code path} as parameters. */
    @SuppressWarnings("unused")
    static List<double[]> readmeExample(BattdatEngine engine, Path path) {
        List<double[]> out = new ArrayList<>();
        DatasetSummary summary = engine.inspect(path);                     // metadata, cells, schemas (no rows read)
        try (RecordStream records = engine.records(path, "raw_data")) {   // one Row per record, storage order
            while (records.hasNext()) { Row r = records.next(); double v = r.getDouble("voltage"); }
        }
        try (CycleStream cycles = engine.cycles(path, CycleRequest.of("raw_data"))) {  // runs of equal cycle_number
            while (cycles.hasNext()) {
                Cycle cycle = cycles.next();                               // the cycle's rows as one columnar batch
                double[] t = cycle.table().doubles("test_time").values(), i = cycle.table().doubles("current").values();
                double charge = 0;                                         // net A-hr charged (trapezoid rule)
                for (int k = 1; k < t.length; k++) charge += (i[k] + i[k - 1]) / 2 * (t[k] - t[k - 1]) / 3600;
                out.add(new double[] {cycle.cycleIndex(), charge});        // README: printf("cycle %d: %.4f A-hr%n", ...)
            }
        }
        return out;
    }

    /** The same integral, from records: a run of equal cycle_number is one cycle. */
    static List<double[]> byRecords(BattdatEngine engine, Path path) {
        List<double[]> out = new ArrayList<>();
        try (RecordStream records = engine.records(path, "raw_data")) {
            long cycle = Long.MIN_VALUE;
            double charge = 0;
            double lastT = 0;
            double lastI = 0;
            while (records.hasNext()) {
                Row r = records.next();
                long c = (long) r.getDouble("cycle_number");
                double t = r.getDouble("test_time");
                double i = r.getDouble("current");
                if (c != cycle) {
                    if (cycle != Long.MIN_VALUE) {
                        out.add(new double[] {cycle, charge});
                    }
                    cycle = c;
                    charge = 0;
                } else {
                    charge += (i + lastI) / 2 * (t - lastT) / 3600;
                }
                lastT = t;
                lastI = i;
            }
            if (cycle != Long.MIN_VALUE) {
                out.add(new double[] {cycle, charge});
            }
        }
        return out;
    }

    @Test
    void chargePerCycleMatchesTheRecordsGroupedByHand() {
        Path plain = EngineFixtureTest.fixture("plain.h5");
        BattdatEngine engine = Battdat.engine();
        List<double[]> expected = byRecords(engine, plain);
        assertEquals(5, expected.size(), "plain.h5 has cycles 0..4");
        boolean someCharge = false;
        // default batches, and batches so small that every cycle spans several of them
        for (BattdatEngine e : List.of(engine, new BattdatEngine(engine.registry(), ReadOptions.DEFAULT.withBatchRows(97)))) {
            List<double[]> actual = readmeExample(e, plain);
            assertEquals(expected.size(), actual.size());
            for (int k = 0; k < expected.size(); k++) {
                assertEquals(expected.get(k)[0], actual.get(k)[0], "cycle number of cycle " + k);
                assertEquals(expected.get(k)[1], actual.get(k)[1], 1e-9, "charge of cycle " + k);
                someCharge |= Math.abs(actual.get(k)[1]) > 1e-6;
            }
        }
        assertTrue(someCharge, "the fixture's cycles carry charge");
    }
}
