package io.battdat.streaming.postprocess;

import io.battdat.api.data.ColumnBatch;
import io.battdat.api.postprocess.CycleAccumulator;
import io.battdat.api.postprocess.CycleValues;
import io.battdat.api.postprocess.DerivedColumn;
import io.battdat.api.postprocess.TableContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Beyond Python: {@code V_minimum} and {@code V_maximum} of each cycle's own rows, and, when the table has a
 * {@code temperature} column, {@code temperature_minimum}, {@code temperature_maximum} and
 * {@code temperature_average} (NaN temperatures are skipped, as pandas' {@code mean} does). The column names and
 * descriptions are those of the CycleLevelData schema.
 */
public final class VoltageTemperatureSummarizer extends BuiltInPlugin.Summarizer {

    /** For {@code ServiceLoader}. */
    public VoltageTemperatureSummarizer() {
        super("voltage-temperature", Set.of("voltage", "temperature"), VoltageTemperatureSummarizer::columnsOf);
    }

    /** V_maximum and V_minimum, and the temperature statistics when the table has a temperature column. */
    private static List<DerivedColumn> columnsOf(TableContext context) {
        List<DerivedColumn> out = new ArrayList<>();
        out.add(DerivedColumn.ofFloat("V_maximum", "Maximum voltage during cycle", "V"));
        out.add(DerivedColumn.ofFloat("V_minimum", "Minimum voltage during cycle", "V"));
        if (context.layout().contains("temperature")) {
            out.add(DerivedColumn.ofFloat("temperature_minimum", "Minimum observed battery temperature during cycle",
                    "C"));
            out.add(DerivedColumn.ofFloat("temperature_maximum", "Maximum observed battery temperature during cycle",
                    "C"));
            out.add(DerivedColumn.ofFloat("temperature_average", "Average observed battery temperature during cycle",
                    "C"));
        }
        return out;
    }

    @Override
    public CycleAccumulator start(TableContext context) {
        int voltage = require(context, "voltage");
        int temperature = RawColumns.optional(context.layout(), "temperature");
        return new Accumulator(voltage, temperature);
    }

    private static final class Accumulator implements CycleAccumulator {
        private final int voltageColumn;
        private final int temperatureColumn;
        private final double[][] scratch = new double[2][];
        private double vMax;
        private double vMin;
        private double tMax;
        private double tMin;
        private double tSum;
        private long tCount;

        Accumulator(int voltageColumn, int temperatureColumn) {
            this.voltageColumn = voltageColumn;
            this.temperatureColumn = temperatureColumn;
        }

        @Override
        public void beginCycle(long cycleNumber) {
            vMax = Double.NEGATIVE_INFINITY;
            vMin = Double.POSITIVE_INFINITY;
            tMax = Double.NEGATIVE_INFINITY;
            tMin = Double.POSITIVE_INFINITY;
            tSum = 0;
            tCount = 0;
        }

        @Override
        public void rows(ColumnBatch batch, int from, int to) {
            double[] v = RawColumns.doubles(batch, voltageColumn, scratch, 0);
            double hi = vMax;
            double lo = vMin;
            for (int i = from; i < to; i++) {
                hi = Math.max(hi, v[i]);
                lo = Math.min(lo, v[i]);
            }
            vMax = hi;
            vMin = lo;
            if (temperatureColumn >= 0) {
                double[] t = RawColumns.doubles(batch, temperatureColumn, scratch, 1);
                for (int i = from; i < to; i++) {
                    double x = t[i];
                    if (!Double.isNaN(x)) {
                        tMax = Math.max(tMax, x);
                        tMin = Math.min(tMin, x);
                        tSum += x;
                        tCount++;
                    }
                }
            }
        }

        @Override
        public void nextCycleFirstRow(ColumnBatch batch, int row) {
            // per-cycle extremes cover the cycle's own rows only
        }

        @Override
        public void endCycle(CycleValues out) {
            out.set(0, vMax);
            out.set(1, vMin);
            if (temperatureColumn >= 0 && tCount > 0) {
                out.set(2, tMin);
                out.set(3, tMax);
                out.set(4, tSum / tCount);
            }
        }
    }
}
