package io.battdat.cli;

import io.battdat.api.data.BatchBuffer;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.DoubleColumn;
import io.battdat.api.data.LongColumn;
import io.battdat.api.data.StorageType;
import io.battdat.api.data.StringColumn;
import io.battdat.api.data.TableLayout;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Simulated cycling data of the same character as the Python harness's corpus generator (BENCHMARKS.md; so compression
 * behaves alike): about 2,000 rows per cycle in four segments (CC-CV charge, rest, discharge, rest), the 7-column,
 * 59-byte row layout, values rounded as the generator rounds them. Not bit-identical to the Python generator.
 */
final class CellSimulator {
    static final TableLayout LAYOUT = TableLayout.of(ColumnSpec.of("test_time", StorageType.FLOAT64),
            ColumnSpec.of("current", StorageType.FLOAT64), ColumnSpec.of("voltage", StorageType.FLOAT64),
            ColumnSpec.of("temperature", StorageType.FLOAT64), ColumnSpec.of("cycle_number", StorageType.INT64),
            ColumnSpec.of("step_index", StorageType.INT64), ColumnSpec.string("state", 11));
    private static final double[] FRACTIONS = {0.40, 0.06, 0.44, 0.10};
    private static final byte[][] STATES = {bytes("charging"), bytes("resting"), bytes("discharging"), bytes("resting")};

    private final SplittableRandom random;
    private final int rowsPerCycle;
    private long cycle;
    private double time;

    CellSimulator(long seed, int rowsPerCycle) {
        this.random = new SplittableRandom(seed);
        this.rowsPerCycle = rowsPerCycle;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private double gaussian() {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static double round(double v, double scale) {
        return Math.rint(v * scale) / scale;
    }

    /** The next cycle, at most {@code limit} rows, into {@code batch} (cleared first). */
    void nextCycle(BatchBuffer batch, int limit) {
        int[] lens = new int[4];
        int n = 0;
        for (int s = 0; s < 4; s++) {
            lens[s] = Math.max(8, (int) Math.round(rowsPerCycle * FRACTIONS[s] * (0.97 + 0.06 * random.nextDouble())));
            n += lens[s];
        }
        n = Math.min(n, limit);
        batch.clear();
        batch.ensureCapacity(n);
        double[] t = ((DoubleColumn) batch.column(0)).buffer();
        double[] current = ((DoubleColumn) batch.column(1)).buffer();
        double[] voltage = ((DoubleColumn) batch.column(2)).buffer();
        double[] temperature = ((DoubleColumn) batch.column(3)).buffer();
        long[] cycles = ((LongColumn) batch.column(4)).buffer();
        long[] steps = ((LongColumn) batch.column(5)).buffer();
        byte[] states = ((StringColumn) batch.column(6)).buffer();
        java.util.Arrays.fill(states, 0, n * 11, (byte) 0);
        int row = 0;
        double soc = 0.03;
        for (int s = 0; s < 4 && row < n; s++) {
            for (int i = 0; i < lens[s] && row < n; i++, row++) {
                time += 5.0 * (1 + 0.002 * gaussian());
                double amps = switch (s) {
                    case 0 -> (i < lens[s] * 0.78 ? 1.0 : Math.exp(-(i - lens[s] * 0.78) / 40.0)) * (1 + 5e-4 * gaussian());
                    case 2 -> -0.95 * (1 + 5e-4 * gaussian());
                    default -> 2e-4 * gaussian();
                };
                soc = Math.min(1, Math.max(0, soc + amps * 5 / 3960));
                t[row] = round(time, 1e3);
                current[row] = round(amps, 1e5);
                voltage[row] = round(Math.min(4.22, Math.max(2.9, 3.3 + 0.75 * soc + 0.05 * amps + 4e-4 * gaussian())), 1e5);
                temperature[row] = round(25 + 0.5 * Math.sin(2 * Math.PI * time / 86400) + 0.9 * amps * amps
                        + 0.03 * gaussian(), 1e2);
                cycles[row] = cycle;
                steps[row] = s;
                System.arraycopy(STATES[s], 0, states, row * 11, STATES[s].length);
            }
        }
        batch.setRowCount(n);
        cycle++;
    }
}
