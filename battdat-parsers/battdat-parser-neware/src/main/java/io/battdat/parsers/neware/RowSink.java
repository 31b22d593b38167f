package io.battdat.parsers.neware;

import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.DoubleColumn;
import io.battdat.api.data.LongColumn;
import io.battdat.api.data.StorageType;
import io.battdat.api.data.StringColumn;
import io.battdat.api.parse.BatchBuilder;
import io.battdat.api.parse.ParseContext;
import io.battdat.api.parse.PostProcessing;
import io.battdat.api.schema.ColumnType;
import io.battdat.api.schema.RawData;
import io.battdat.parsers.common.TableColumns;

import java.util.Arrays;

/**
 * Turns decoded Neware records into {@code raw_data} rows: the layout readers fill one record's fields, then call
 * {@link #emit}. What needs the records before is kept here as a few numbers, never as rows: the total test time
 * rebuilt from step times, the charge-first cycle count, the cycle's capacity so far. The last row stays open
 * until the next record, so auxiliary records that follow their data record (same index) still reach it.
 */
final class RowSink {
    /** Width of the {@code step_type} strings (Neware's names, {@code CCCV_DChg} is the longest). */
    private static final int STEP_TYPE_WIDTH = 10;
    private static final int STATE_WIDTH = 11;
    private static final int METHOD_WIDTH = 16;
    /** Auxiliary records seen before their data record, waiting for it (a few at most in real files). */
    private static final int EARLY_AUX = 64;

    /** The engine derives the step and substep counters; this parser writes state and method itself. */
    static final PostProcessing DERIVE = PostProcessing.none().withSteps(true).withSubsteps(true);

    // ---- the record being decoded: set by a reader before emit() ----
    long recordIndex;
    long stepKey;
    long protocolStep;
    int status;
    double stepTime;
    double voltage;
    double current;
    double chargeCapacity;
    double dischargeCapacity;
    double chargeEnergy;
    double dischargeEnergy;
    double timestamp = Double.NaN;
    double temperature = Double.NaN;

    private final boolean cumulativeTime;
    private final BatchBuilder out;
    private final long[] cycle;
    private final long[] stepNumberCol;
    private final long[] protocolStepCol;
    private final long[] indexCol;
    private final double[] testTime;
    private final double[] stepTimeCol;
    private final double[] timeCol;
    private final StringColumn stepTypeCol;
    private final StringColumn stateCol;
    private final StringColumn methodCol;
    private final double[] currentCol;
    private final double[] voltageCol;
    private final double[] temperatureCol;
    private final int[] auxChannels;
    private final double[][] auxTemperature;
    private final double[][] auxVoltage;
    private final double[] stepCapCharge;
    private final double[] stepCapDischarge;
    private final double[] stepEnergyCharge;
    private final double[] stepEnergyDischarge;
    private final double[] cycleCapCharge;
    private final double[] cycleCapDischarge;
    private final double[] cycleCap;
    private final double[] cycleEnergy;

    private boolean pending;
    private int pendingRow;
    private long pendingIndex;
    private boolean first = true;
    private long lastStepKey;
    private long stepNumber;
    private double stepOffset;
    private double lastStepTime;
    private boolean lastStartsCharge;
    private boolean dischargeSeen;
    private long cycleCount = 1;
    private double lastChg;
    private double lastDchg;
    private double lastChgE;
    private double lastDchgE;
    private double accChg;
    private double accDchg;
    private double accChgE;
    private double accDchgE;
    private final long[] earlyIndex = new long[EARLY_AUX];
    private final int[] earlyChannel = new int[EARLY_AUX];
    private final double[] earlyT = new double[EARLY_AUX];
    private final double[] earlyV = new double[EARLY_AUX];
    private int earlyCount;
    private boolean warnedAux;
    private final ParseContext context;
    private final String fileName;

    /** What columns a file gives beyond the common ones. */
    record Shape(boolean cumulativeTime, boolean timestamp, boolean temperature, int[] auxChannels,
                 boolean[] auxHasTemperature, boolean[] auxHasVoltage) {
        static Shape plain(boolean cumulativeTime, boolean timestamp, boolean temperature) {
            return new Shape(cumulativeTime, timestamp, temperature, new int[0], new boolean[0], new boolean[0]);
        }
    }

    RowSink(String fileName, Shape shape, ParseContext context) {
        this.fileName = fileName;
        this.context = context;
        this.cumulativeTime = shape.cumulativeTime();
        TableColumns columns = new TableColumns(new RawData())
                .add("cycle_number", StorageType.INT64)
                .addExtra(ColumnSpec.of("step_number", StorageType.INT64), "Neware step counter: 1 for the file's "
                        + "first step, plus one at every change of step", ColumnType.INTEGER, null, true)
                .addExtra(ColumnSpec.of("protocol_step", StorageType.INT64), "Number of the step in the Neware test "
                        + "protocol (Step_Index; repeats when a loop runs the same steps again)", ColumnType.INTEGER,
                        null, false)
                .addExtra(ColumnSpec.of("record_index", StorageType.INT64), "Neware's record number (Index) as "
                        + "stored", ColumnType.INTEGER, null, false)
                .add("test_time", StorageType.FLOAT64)
                .addExtra(ColumnSpec.of("step_time", StorageType.FLOAT64), "Time since the start of the step",
                        ColumnType.FLOAT, "s", false);
        if (shape.timestamp()) {
            columns.add("time", StorageType.FLOAT64);
        }
        columns.addExtra(ColumnSpec.string("step_type", STEP_TYPE_WIDTH), "Neware's step type (CC_Chg, CCCV_DChg, "
                + "Rest, ...)", ColumnType.OTHER, null, false);
        columns.add(ColumnSpec.string("state", STATE_WIDTH))
                .add(ColumnSpec.string("method", METHOD_WIDTH))
                .add("current", StorageType.FLOAT64)
                .add("voltage", StorageType.FLOAT64);
        if (shape.temperature()) {
            columns.add("temperature", StorageType.FLOAT64);
        }
        int[] channels = shape.auxChannels();
        for (int k = 0; k < channels.length; k++) {
            if (shape.auxHasTemperature()[k]) {
                columns.addExtra(ColumnSpec.of("aux_temperature_" + channels[k], StorageType.FLOAT64),
                        "Temperature of auxiliary channel " + channels[k], ColumnType.FLOAT, "C", false);
            }
            if (shape.auxHasVoltage()[k]) {
                columns.addExtra(ColumnSpec.of("aux_voltage_" + channels[k], StorageType.FLOAT64),
                        "Voltage of auxiliary channel " + channels[k], ColumnType.FLOAT, "V", false);
            }
        }
        String[][] stepColumns = {
                {"step_capacity_charge", "Charge passed into the cell since the step started", "A-hr"},
                {"step_capacity_discharge", "Charge taken out of the cell since the step started", "A-hr"},
                {"step_energy_charge", "Energy put into the cell since the step started", "W-hr"},
                {"step_energy_discharge", "Energy taken out of the cell since the step started", "W-hr"}};
        for (String[] c : stepColumns) {
            columns.addExtra(ColumnSpec.of(c[0], StorageType.FLOAT64), c[1], ColumnType.FLOAT, c[2], false);
        }
        out = columns.add("cycle_capacity_charge", StorageType.FLOAT64)
                .add("cycle_capacity_discharge", StorageType.FLOAT64)
                .add("cycle_capacity", StorageType.FLOAT64)
                .add("cycle_energy", StorageType.FLOAT64)
                .open(context, NewareErrors.TABLE, DERIVE);
        cycle = longs("cycle_number");
        stepNumberCol = longs("step_number");
        protocolStepCol = longs("protocol_step");
        indexCol = longs("record_index");
        testTime = doubles("test_time");
        stepTimeCol = doubles("step_time");
        timeCol = shape.timestamp() ? doubles("time") : null;
        stepTypeCol = (StringColumn) out.batch().column("step_type");
        stateCol = (StringColumn) out.batch().column("state");
        methodCol = (StringColumn) out.batch().column("method");
        currentCol = doubles("current");
        voltageCol = doubles("voltage");
        temperatureCol = shape.temperature() ? doubles("temperature") : null;
        auxChannels = channels.clone();
        auxTemperature = new double[channels.length][];
        auxVoltage = new double[channels.length][];
        for (int k = 0; k < channels.length; k++) {
            auxTemperature[k] = shape.auxHasTemperature()[k] ? doubles("aux_temperature_" + channels[k]) : null;
            auxVoltage[k] = shape.auxHasVoltage()[k] ? doubles("aux_voltage_" + channels[k]) : null;
        }
        stepCapCharge = doubles("step_capacity_charge");
        stepCapDischarge = doubles("step_capacity_discharge");
        stepEnergyCharge = doubles("step_energy_charge");
        stepEnergyDischarge = doubles("step_energy_discharge");
        cycleCapCharge = doubles("cycle_capacity_charge");
        cycleCapDischarge = doubles("cycle_capacity_discharge");
        cycleCap = doubles("cycle_capacity");
        cycleEnergy = doubles("cycle_energy");
    }

    private long[] longs(String name) {
        return ((LongColumn) out.batch().column(name)).buffer();
    }

    private double[] doubles(String name) {
        return ((DoubleColumn) out.batch().column(name)).buffer();
    }

    /** Rows handed on so far, the open one included. */
    long rows() {
        return out.rowsCommitted() + (pending ? 1 : 0);
    }

    /** Writes the decoded record as the open row (closing the one before). */
    void emit() {
        closePending();
        StepType type = StepType.of(status);
        if (first || stepKey != lastStepKey) {
            if (!first) {
                // the stored time restarts with each step: the steps before add their final time
                stepOffset += lastStepTime;
                accChg += lastChg;
                accDchg += lastDchg;
                accChgE += lastChgE;
                accDchgE += lastDchgE;
            }
            stepNumber++;
            lastStepKey = stepKey;
        }
        // Neware's "charge first" cycle statistic: a new cycle at a charge step once a discharge has been seen
        boolean startsCharge = type.startsChargeCycle();
        boolean chargeBegins = startsCharge && (first || !lastStartsCharge);
        if (type.isDirected()) {
            if (chargeBegins && dischargeSeen) {
                cycleCount++;
                dischargeSeen = false;
                accChg = 0;
                accDchg = 0;
                accChgE = 0;
                accDchgE = 0;
            } else if (type.isDischarge()) {
                dischargeSeen = true;
            }
        } else if (type == StepType.SIM) {
            dischargeSeen = true;
        }
        lastStartsCharge = startsCharge;
        first = false;

        int i = out.row();
        cycle[i] = cycleCount - 1;
        stepNumberCol[i] = stepNumber;
        protocolStepCol[i] = protocolStep;
        indexCol[i] = recordIndex;
        testTime[i] = cumulativeTime ? stepTime : stepOffset + stepTime;
        stepTimeCol[i] = stepTime;
        if (timeCol != null) {
            timeCol[i] = timestamp;
        }
        put(stepTypeCol, i, STEP_TYPE_WIDTH, type == StepType.UNKNOWN ? null : type.labelBytes);
        put(stateCol, i, STATE_WIDTH, type.state(current));
        put(methodCol, i, METHOD_WIDTH, type.method);
        currentCol[i] = current;
        voltageCol[i] = voltage;
        if (temperatureCol != null) {
            temperatureCol[i] = temperature;
        }
        for (int k = 0; k < auxChannels.length; k++) {
            if (auxTemperature[k] != null) {
                auxTemperature[k][i] = Double.NaN;
            }
            if (auxVoltage[k] != null) {
                auxVoltage[k][i] = Double.NaN;
            }
        }
        stepCapCharge[i] = chargeCapacity;
        stepCapDischarge[i] = dischargeCapacity;
        stepEnergyCharge[i] = chargeEnergy;
        stepEnergyDischarge[i] = dischargeEnergy;
        double cc = accChg + chargeCapacity;
        double cd = accDchg + dischargeCapacity;
        cycleCapCharge[i] = cc;
        cycleCapDischarge[i] = cd;
        cycleCap[i] = cd - cc;
        cycleEnergy[i] = (accDchgE + dischargeEnergy - accChgE - chargeEnergy) * 3600.0;
        lastStepTime = stepTime;
        lastChg = chargeCapacity;
        lastDchg = dischargeCapacity;
        lastChgE = chargeEnergy;
        lastDchgE = dischargeEnergy;
        pending = true;
        pendingRow = i;
        pendingIndex = recordIndex;
        if (earlyCount > 0) {
            applyEarly();
        }
    }

    /**
     * An auxiliary reading for the record of this index: written to the open row when it is that record, kept
     * until that record comes when it is ahead, dropped (as the Python readers' join does) when it is behind.
     */
    void aux(long index, int channel, double celsius, double volts) {
        if (pending && index == pendingIndex) {
            putAux(pendingRow, channel, celsius, volts);
        } else if ((!pending || index > pendingIndex) && earlyCount < EARLY_AUX) {
            earlyIndex[earlyCount] = index;
            earlyChannel[earlyCount] = channel;
            earlyT[earlyCount] = celsius;
            earlyV[earlyCount] = volts;
            earlyCount++;
        }
    }

    private void applyEarly() {
        int kept = 0;
        for (int e = 0; e < earlyCount; e++) {
            if (earlyIndex[e] == pendingIndex) {
                putAux(pendingRow, earlyChannel[e], earlyT[e], earlyV[e]);
            } else if (earlyIndex[e] > pendingIndex) {
                earlyIndex[kept] = earlyIndex[e];
                earlyChannel[kept] = earlyChannel[e];
                earlyT[kept] = earlyT[e];
                earlyV[kept] = earlyV[e];
                kept++;
            }
        }
        earlyCount = kept;
    }

    private void putAux(int row, int channel, double celsius, double volts) {
        for (int k = 0; k < auxChannels.length; k++) {
            if (auxChannels[k] == channel) {
                if (k == 0 && temperatureCol != null) {
                    temperatureCol[row] = celsius;
                } else if (auxTemperature[k] != null) {
                    auxTemperature[k][row] = celsius;
                }
                if (auxVoltage[k] != null) {
                    auxVoltage[k][row] = volts;
                }
                return;
            }
        }
        if (!warnedAux) {
            warnedAux = true;
            context.warn(fileName + ": auxiliary channel " + channel + " first appears after the start of the data;"
                    + " its readings are not kept");
        }
    }

    private void closePending() {
        if (pending) {
            out.commit();
            pending = false;
        }
    }

    /** Sends the last rows. */
    void finish() {
        closePending();
        out.finish();
    }

    private static void put(StringColumn column, int row, int width, byte[] value) {
        byte[] bytes = column.buffer();
        int base = row * width;
        int n = value == null ? 0 : Math.min(width, value.length);
        if (n > 0) {
            System.arraycopy(value, 0, bytes, base, n);
        }
        Arrays.fill(bytes, base + n, base + width, (byte) 0);
    }
}
