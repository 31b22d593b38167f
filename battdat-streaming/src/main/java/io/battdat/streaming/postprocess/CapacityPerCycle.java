package io.battdat.streaming.postprocess;

import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.StorageType;
import io.battdat.api.postprocess.CycleAccumulator;
import io.battdat.api.postprocess.CycleValues;
import io.battdat.api.postprocess.DerivedColumn;
import io.battdat.api.postprocess.TableContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;

/**
 * Python's {@code CapacityPerCycle}: charge and discharge capacity and energy of each cycle from the integral of
 * current (and of current times voltage) over {@code test_time}, from the cycle's first row up to and including
 * the next cycle's first row; plus, beyond Python, {@code coulombic_efficiency} and {@code energy_efficiency}.
 *
 * <p>Streaming: the running integral and its extremes are all that is kept, so a cycle of any length costs
 * constant memory. A cycle of fewer than 3 rows (counting the boundary row) is left NaN, as in Python.
 *
 * <p>With {@link io.battdat.api.postprocess.PostProcessOptions#reuseIntegrals()} and the raw columns
 * {@code cycled_charge} and {@code cycled_energy} (from StateOfCharge), those are used for the cycle's own rows,
 * as in Python. Differs from Python on purpose: at the boundary row Python reads the next cycle's
 * {@code cycled_charge}, which StateOfCharge set to 0, so the end-of-cycle value of every cycle but the last is
 * wrong; here the boundary value is the last own row's value plus the trapezoid to the boundary row, which is
 * what StateOfCharge would have written had it not restarted at 0.
 */
public final class CapacityPerCycle extends BuiltInPlugin.Summarizer {
    private static final Logger LOG = LoggerFactory.getLogger(CapacityPerCycle.class);
    private static final List<DerivedColumn> COLUMNS = List.of(
            DerivedColumn.ofFloat("energy_charge", "Energy stored during the charge of a cycle", "W-hr"),
            DerivedColumn.ofFloat("capacity_charge", "Capacity charged during a cycle", "A-hr"),
            DerivedColumn.ofFloat("energy_discharge", "Energy released during the discharge of a cycle", "W-hr"),
            DerivedColumn.ofFloat("capacity_discharge", "Capacity discharged during a cycle", "A-hr"),
            DerivedColumn.ofFloat("max_cycled_capacity", "Maximum amount of charge cycled during cycle", "A-hr"),
            DerivedColumn.ofFloat("coulombic_efficiency",
                    "Discharge capacity over charge capacity of the cycle (a ratio, not a percentage); "
                            + "computed by battdat-java, not by the Python toolkit", null),
            DerivedColumn.ofFloat("energy_efficiency",
                    "Discharge energy over charge energy of the cycle; computed by battdat-java, not by the Python "
                            + "toolkit", null));

    /** For {@code ServiceLoader}. */
    public CapacityPerCycle() {
        super("capacity", Set.of("test_time", "current", "voltage", "cycled_charge", "cycled_energy"),
                context -> COLUMNS);
    }

    @Override
    public CycleAccumulator start(TableContext context) {
        int time = require(context, "test_time");
        int current = require(context, "current");
        int voltage = require(context, "voltage");
        int charge = RawColumns.optional(context.layout(), "cycled_charge");
        int energy = RawColumns.optional(context.layout(), "cycled_energy");
        boolean reuse = context.options().reuseIntegrals() && charge >= 0 && energy >= 0;
        return new Accumulator(context, time, current, voltage, reuse ? charge : -1, reuse ? energy : -1);
    }

    private static final class Accumulator implements CycleAccumulator {
        private final TableContext context;
        private final int timeColumn;
        private final int currentColumn;
        private final int voltageColumn;
        private final int chargeColumn;
        private final int energyColumn;
        private final double[][] scratch = new double[5][];
        private long cycle;
        private long rows;
        private double lastTime;
        private double lastCurrent;
        private double lastPower;
        private double q;
        private double e;
        private double qMax;
        private double qMin;
        private double eMax;
        private double eMin;
        private int cycleIndex = -1;
        private boolean warnedUnclear;
        private final boolean float32Current;

        Accumulator(TableContext context, int time, int current, int voltage, int charge, int energy) {
            this.context = context;
            this.timeColumn = time;
            this.currentColumn = current;
            this.voltageColumn = voltage;
            this.chargeColumn = charge;
            this.energyColumn = energy;
            this.float32Current = context.layout().column(current).type() == StorageType.FLOAT32;
        }

        @Override
        public void beginCycle(long cycleNumber) {
            cycle = cycleNumber;
            cycleIndex++;
            rows = 0;
            q = 0;
            e = 0;
            qMax = Double.NEGATIVE_INFINITY;
            qMin = Double.POSITIVE_INFINITY;
            eMax = Double.NEGATIVE_INFINITY;
            eMin = Double.POSITIVE_INFINITY;
        }

        @Override
        public void rows(ColumnBatch batch, int from, int to) {
            if (to <= from) {
                return;
            }
            double[] t = RawColumns.doubles(batch, timeColumn, scratch, 0);
            double[] current = RawColumns.doubles(batch, currentColumn, scratch, 1);
            double[] voltage = RawColumns.doubles(batch, voltageColumn, scratch, 2);
            if (chargeColumn >= 0) {
                reused(batch, from, to, t, current, voltage);
                return;
            }
            int i = from;
            int start = from;
            if (rows == 0) {
                // the cycle's first row: the integral's origin, not one of its values (no leading zero, as scipy)
                lastTime = t[i];
                lastCurrent = current[i];
                lastPower = current[i] * voltage[i];
                i++;
                start = i;
                rows = 1;
            }
            double tp = lastTime;
            double ip = lastCurrent;
            double pp = lastPower;
            double qq = q;
            double ee = e;
            double qHi = qMax;
            double qLo = qMin;
            double eHi = eMax;
            double eLo = eMin;
            for (; i < to; i++) {
                double ti = t[i];
                double ii = current[i];
                double pi = ii * voltage[i];
                double dt = ti - tp;
                qq += dt * currentSum(ii, ip) / 2.0;
                ee += dt * (pi + pp) / 2.0;
                qHi = Math.max(qHi, qq);
                qLo = Math.min(qLo, qq);
                eHi = Math.max(eHi, ee);
                eLo = Math.min(eLo, ee);
                tp = ti;
                ip = ii;
                pp = pi;
            }
            rows += to - start;
            lastTime = tp;
            lastCurrent = ip;
            lastPower = pp;
            q = qq;
            e = ee;
            qMax = qHi;
            qMin = qLo;
            eMax = eHi;
            eMin = eLo;
        }

        private void reused(ColumnBatch batch, int from, int to, double[] t, double[] current, double[] voltage) {
            double[] charge = RawColumns.doubles(batch, chargeColumn, scratch, 3);
            double[] energy = RawColumns.doubles(batch, energyColumn, scratch, 4);
            for (int i = from; i < to; i++) {
                // Python reuses the stored values for every row of the cycle, the first included
                q = charge[i] * 3600;
                e = energy[i] * 3600;
                widenExtremes();
                lastTime = t[i];
                lastCurrent = current[i];
                lastPower = current[i] * voltage[i];
            }
            rows += to - from;
        }

        private double currentSum(double a, double b) {
            // numpy adds two float32 currents in float32 before scaling by the float64 time step; so do we
            return float32Current ? (double) ((float) a + (float) b) : a + b;
        }

        @Override
        public void nextCycleFirstRow(ColumnBatch batch, int row) {
            double ti = batch.column(timeColumn).getDouble(row);
            double ii = batch.column(currentColumn).getDouble(row);
            double pi = ii * batch.column(voltageColumn).getDouble(row);
            double dt = ti - lastTime;
            q += dt * currentSum(ii, lastCurrent) / 2.0;
            e += dt * (pi + lastPower) / 2.0;
            widenExtremes();
            rows++;
        }

        /** Takes the current {@code q} and {@code e} into the cycle's extremes (the loop in rows keeps its own). */
        private void widenExtremes() {
            qMax = Math.max(qMax, q);
            qMin = Math.min(qMin, q);
            eMax = Math.max(eMax, e);
            eMin = Math.min(eMin, e);
        }

        @Override
        public void endCycle(CycleValues out) {
            if (rows < 3) {
                return; // Python skips cycles too short to have a capacity measurement
            }
            double maxCharge = qMax;
            double maxDischarge = -qMin;
            boolean startsCharged = maxDischarge > maxCharge;
            if (Math.abs(maxDischarge - maxCharge) <= 1e-8 + 0.01 * Math.abs(maxCharge)) {
                // Python warns for every such cycle; once per table at WARN keeps a long file's log readable
                boolean first = !warnedUnclear;
                warnedUnclear = true;
                (first ? LOG.atWarn() : LOG.atDebug()).log("{} {}: Unable to clearly detect if battery started charged or discharged in cycle {} "
                                + "(number {}). Amount discharged is {} A-s, charged is {} A-s", context.file(),
                        context.table(), cycleIndex, cycle, maxDischarge, maxCharge);
            }
            double chargeCap;
            double dischargeCap;
            double chargeEnergy;
            double dischargeEnergy;
            if (startsCharged) {
                dischargeCap = maxDischarge;
                chargeCap = q + maxDischarge;
                dischargeEnergy = -eMin;
                chargeEnergy = e + dischargeEnergy;
            } else {
                chargeCap = maxCharge;
                dischargeCap = maxCharge - q;
                chargeEnergy = eMax;
                dischargeEnergy = chargeEnergy - e;
            }
            out.set(0, chargeEnergy / 3600.);
            out.set(1, chargeCap / 3600.);
            out.set(2, dischargeEnergy / 3600.);
            out.set(3, dischargeCap / 3600.);
            out.set(4, (maxCharge + maxDischarge) / 3600.);
            out.set(5, chargeCap != 0 ? dischargeCap / chargeCap : Double.NaN);
            out.set(6, chargeEnergy != 0 ? dischargeEnergy / chargeEnergy : Double.NaN);
        }
    }
}
