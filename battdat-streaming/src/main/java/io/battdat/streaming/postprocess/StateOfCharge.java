package io.battdat.streaming.postprocess;

import io.battdat.api.BadFormatException;
import io.battdat.api.ErrorLocation;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.StorageType;
import io.battdat.api.postprocess.DerivedColumn;
import io.battdat.api.postprocess.TableContext;

import java.util.List;
import java.util.function.Consumer;

/**
 * Python's {@code StateOfCharge}: {@code cycled_charge} (A-hr), {@code cycled_energy} (W-hr) and
 * {@code CE_adjusted_charge} (A-hr, charging current times the coulombic efficiency), the trapezoid integrals of
 * current and power over {@code test_time} since the cycle's first row (0 there). Positive means net charge since
 * the cycle started (the opposite of RawData's {@code cycle_capacity}). One row of state: Python integrates each
 * cycle to the next cycle's first row and then overwrites that row with the next cycle's 0, which is the same as
 * restarting at every change of {@code cycle_number}.
 */
public final class StateOfCharge extends BuiltInPlugin.AddingEnhancer {
    static final List<DerivedColumn> COLUMNS = List.of(
            DerivedColumn.ofFloat("cycled_charge", "Net charge added to the cell since the start of the cycle "
                    + "(positive when charged); computed like the Python toolkit's StateOfCharge", "A-hr"),
            DerivedColumn.ofFloat("cycled_energy", "Net energy added to the cell since the start of the cycle",
                    "W-hr"),
            DerivedColumn.ofFloat("CE_adjusted_charge", "cycled_charge with charging current scaled by the "
                    + "coulombic efficiency", "A-hr"));

    /** For {@code ServiceLoader}. */
    public StateOfCharge() {
        super("soc", COLUMNS, Stage::new);
    }

    private static final class Stage extends AddingStage {
        private final int currentColumn;
        private final int voltageColumn;
        private final double efficiency;
        private final boolean float32;
        private final double[][] scratch = new double[2][];
        private double lastTime;
        private double lastCurrent;
        private double lastAdjusted;
        private double lastPower;
        private double q;
        private double qAdjusted;
        private double e;

        Stage(TableContext context, Consumer<ColumnBatch> downstream) {
            super(context, COLUMNS, downstream, "StateOfCharge");
            this.currentColumn = RawColumns.require(context, "current", "StateOfCharge");
            this.voltageColumn = RawColumns.require(context, "voltage", "StateOfCharge");
            this.efficiency = context.options().coulombicEfficiency();
            this.float32 = context.layout().column(currentColumn).type() == StorageType.FLOAT32;
        }

        @Override
        protected void compute(ColumnBatch batch, int n) {
            long[] cyc = cycles(batch);
            double[] t = times(batch);
            double[] current = RawColumns.doubles(batch, currentColumn, scratch, 0);
            double[] voltage = RawColumns.doubles(batch, voltageColumn, scratch, 1);
            double[] charge = added(0);
            double[] energy = added(1);
            double[] adjusted = added(2);
            for (int i = 0; i < n; i++) {
                double ti = t[i];
                double ii = current[i];
                double pi = ii * voltage[i];
                // numpy keeps a float32 current in float32 through the scaling and the pairwise sums
                double ai = ii > 0 ? (float32 ? (float) (ii * efficiency) : ii * efficiency) : ii;
                if (Double.isNaN(ti) || Double.isNaN(ii) || Double.isNaN(voltage[i])) {
                    long row = rowsSeen + i;
                    throw new BadFormatException(ErrorLocation.of(context.file(), context.table(), row),
                            "row " + row + ": NaN in "
                            + (Double.isNaN(ti) ? "test_time" : Double.isNaN(ii) ? "current" : "voltage")
                            + "; StateOfCharge would carry it into every later row of the cycle", null);
                }
                if (startsCycle(cyc, i, "")) {
                    q = 0;
                    qAdjusted = 0;
                    e = 0;
                } else {
                    double dt = ti - lastTime;
                    q += dt * (float32 ? (double) ((float) ii + (float) lastCurrent) : ii + lastCurrent) / 2.0;
                    qAdjusted += dt * (float32 ? (double) ((float) ai + (float) lastAdjusted) : ai + lastAdjusted) / 2.0;
                    e += dt * (pi + lastPower) / 2.0;
                }
                charge[i] = q / 3600;
                energy[i] = e / 3600;
                adjusted[i] = qAdjusted / 3600;
                lastTime = ti;
                lastCurrent = ii;
                lastAdjusted = ai;
                lastPower = pi;
            }
        }
    }
}
