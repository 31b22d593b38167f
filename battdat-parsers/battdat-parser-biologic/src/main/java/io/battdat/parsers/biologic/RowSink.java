package io.battdat.parsers.biologic;

import io.battdat.api.data.DoubleColumn;
import io.battdat.api.data.LongColumn;
import io.battdat.api.data.StorageType;
import io.battdat.api.parse.BatchBuilder;
import io.battdat.api.parse.ParseContext;
import io.battdat.api.parse.PostProcessing;
import io.battdat.api.schema.EISData;
import io.battdat.api.schema.RawData;
import io.battdat.parsers.common.TableColumns;

import java.util.List;

/**
 * Where both readers ({@code .mpr} and {@code .mpt}) put their rows, in EC-Lab's units: converts them to battdat's
 * (mA to A), derives the current from the charge increment where no current is stored, numbers impedance sweeps,
 * and fills {@code raw_data} and, for impedance files, {@code eis_data}. The reader sets the public fields of a
 * row, then calls {@link #commit()}: nothing is allocated per row.
 */
final class RowSink {
    /** Where the current comes from. */
    enum CurrentSource {
        /** {@code I/mA} or {@code <I>/mA}. */
        MEASURED,
        /** The charge increment {@code dq/mA.h} over the time step, as EC-Lab's own export computes it. */
        FROM_CHARGE,
        /** Not stored at all (OCV and some modular runs): NaN. */
        NONE
    }

    static final String RAW = "raw_data";
    static final String EIS = "eis_data";

    // One row, in EC-Lab units, set by the reader.
    double time;
    double voltage;
    /** mA (MEASURED). */
    double currentMilliAmps;
    /** mA.h since the previous row (FROM_CHARGE). */
    double chargeMilliAmpHours;
    long cycle;
    /** Index of the EC-Lab loop the row belongs to (the loop module), 0 when unknown. */
    long loop;
    double temperature;
    double frequency;
    double zReal;
    double minusZImag;

    private final CurrentSource currentSource;
    private final BatchBuilder raw;
    private final Impedance eis;
    private final double[] rawTime;
    private final double[] rawCurrent;
    private final double[] rawVoltage;
    private final long[] rawCycle;
    private final double[] rawTemperature;
    private double previousTime = Double.NaN;
    private long zeroSteps;

    /**
     * Declares the tables.
     *
     * @param withTemperature whether the file stores a temperature column
     * @param impedance       whether the rows are impedance points (an {@code eis_data} table too)
     */
    RowSink(ParseContext context, CurrentSource currentSource, boolean withTemperature, boolean impedance) {
        this.currentSource = currentSource;
        TableColumns rawColumns = new TableColumns(new RawData())
                .add("cycle_number", StorageType.INT64)
                .add("test_time", StorageType.FLOAT64)
                .add("current", StorageType.FLOAT64)
                .add("voltage", StorageType.FLOAT64);
        if (withTemperature) {
            rawColumns.add("temperature", StorageType.FLOAT64);
        }
        raw = rawColumns.open(context, RAW, PostProcessing.none());
        rawCycle = ((LongColumn) raw.batch().column("cycle_number")).buffer();
        rawTime = doubles(raw, "test_time");
        rawCurrent = doubles(raw, "current");
        rawVoltage = doubles(raw, "voltage");
        rawTemperature = withTemperature ? doubles(raw, "temperature") : null;
        eis = impedance ? new Impedance(context) : null;
    }

    private static double[] doubles(BatchBuilder table, String column) {
        return ((DoubleColumn) table.batch().column(column)).buffer();
    }

    /** Writes the row set in the fields. */
    void commit() {
        int i = raw.row();
        rawCycle[i] = cycle;
        rawTime[i] = time;
        rawCurrent[i] = current();
        rawVoltage[i] = voltage;
        if (rawTemperature != null) {
            rawTemperature[i] = temperature;
        }
        raw.commit();
        if (eis != null) {
            eis.commit();
        }
        previousTime = time;
    }

    private double current() {
        switch (currentSource) {
            case MEASURED:
                return currentMilliAmps / 1000.0;
            case FROM_CHARGE:
                if (Double.isNaN(previousTime)) {
                    return 0.0; // the first row has no time step; EC-Lab's export writes 0 there
                }
                double step = time - previousTime;
                if (step == 0.0) {
                    zeroSteps++;
                    return 0.0; // a repeated time stamp: no rate can be formed, and no charge moved in no time
                }
                return chargeMilliAmpHours * 3600.0 / step / 1000.0;
            default:
                return Double.NaN;
        }
    }

    /** Sends the last rows; returns the rows written to {@code raw_data}. */
    long finish() {
        raw.finish();
        if (eis != null) {
            eis.out.finish();
        }
        return raw.rowsCommitted();
    }

    /** Rows whose current could not be derived from the charge because their time equals the previous row's. */
    long zeroTimeSteps() {
        return zeroSteps;
    }

    /** The {@code eis_data} table of an impedance file: the row set in the sink's fields as a point of a sweep. */
    private final class Impedance {
        private final BatchBuilder out;
        private final long[] testColumn;
        private final double[] timeColumn;
        private final double[] frequencyColumn;
        private final double[] realColumn;
        private final double[] imagColumn;
        private final double[] magColumn;
        private final double[] phaseColumn;
        private long testId = -1;
        private long previousCycle = Long.MIN_VALUE;
        private long previousLoop = Long.MIN_VALUE;

        Impedance(ParseContext context) {
            TableColumns columns = new TableColumns(new EISData()).add("test_id", StorageType.INT64);
            for (String column : List.of("test_time", "frequency", "z_real", "z_imag", "z_mag", "z_phase")) {
                columns.add(column, StorageType.FLOAT64);
            }
            out = columns.open(context, EIS, PostProcessing.none());
            testColumn = ((LongColumn) out.batch().column("test_id")).buffer();
            timeColumn = doubles(out, "test_time");
            frequencyColumn = doubles(out, "frequency");
            realColumn = doubles(out, "z_real");
            imagColumn = doubles(out, "z_imag");
            magColumn = doubles(out, "z_mag");
            phaseColumn = doubles(out, "z_phase");
        }

        void commit() {
            if (cycle != previousCycle || loop != previousLoop) {
                testId++; // a new sweep: EC-Lab numbers repeated spectra by cycle and by loop
                previousCycle = cycle;
                previousLoop = loop;
            }
            int k = out.row();
            testColumn[k] = testId;
            timeColumn[k] = time;
            frequencyColumn[k] = frequency;
            double zImag = -minusZImag; // EC-Lab stores -Im(Z); battdat's z_imag is Im(Z)
            realColumn[k] = zReal;
            imagColumn[k] = zImag;
            // EC-Lab's |Z| and Phase(Z) are these same components in float32; recomputed in double, the polar and
            // cartesian forms agree to the 1e-8 ohm that battdat's EISData check demands of negative components
            magColumn[k] = Math.hypot(zReal, zImag);
            phaseColumn[k] = Math.toDegrees(Math.atan2(zImag, zReal));
            out.commit();
        }
    }
}
