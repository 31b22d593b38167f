package io.battdat.parsers.biologic;

import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.DoubleColumn;
import io.battdat.api.data.LongColumn;
import io.battdat.api.data.StorageType;
import io.battdat.api.data.TableLayout;
import io.battdat.api.parse.BatchBuilder;
import io.battdat.api.parse.ParseContext;
import io.battdat.api.parse.PostProcessing;
import io.battdat.api.schema.EISData;
import io.battdat.api.schema.RawData;

import java.util.ArrayList;
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
    private final BatchBuilder eis;
    private final double[] rawTime;
    private final double[] rawCurrent;
    private final double[] rawVoltage;
    private final long[] rawCycle;
    private final double[] rawTemperature;
    private final long[] eisTest;
    private final double[] eisTime;
    private final double[] eisFrequency;
    private final double[] eisReal;
    private final double[] eisImag;
    private final double[] eisMag;
    private final double[] eisPhase;
    private double previousTime = Double.NaN;
    private long testId = -1;
    private long previousCycle = Long.MIN_VALUE;
    private long previousLoop = Long.MIN_VALUE;
    private long zeroSteps;

    /**
     * Declares the tables.
     *
     * @param withTemperature whether the file stores a temperature column
     * @param impedance       whether the rows are impedance points (an {@code eis_data} table too)
     */
    RowSink(ParseContext context, CurrentSource currentSource, boolean withTemperature, boolean impedance) {
        this.currentSource = currentSource;
        int batchRows = context.options().batchRows();
        List<ColumnSpec> specs = new ArrayList<>();
        specs.add(ColumnSpec.of("cycle_number", StorageType.INT64));
        specs.add(ColumnSpec.of("test_time", StorageType.FLOAT64));
        specs.add(ColumnSpec.of("current", StorageType.FLOAT64));
        specs.add(ColumnSpec.of("voltage", StorageType.FLOAT64));
        if (withTemperature) {
            specs.add(ColumnSpec.of("temperature", StorageType.FLOAT64));
        }
        TableLayout rawLayout = TableLayout.of(specs);
        raw = new BatchBuilder(rawLayout, context.table(RAW, rawLayout, new RawData(), PostProcessing.none()),
                batchRows);
        rawCycle = ((LongColumn) raw.batch().column("cycle_number")).buffer();
        rawTime = ((DoubleColumn) raw.batch().column("test_time")).buffer();
        rawCurrent = ((DoubleColumn) raw.batch().column("current")).buffer();
        rawVoltage = ((DoubleColumn) raw.batch().column("voltage")).buffer();
        rawTemperature = withTemperature ? ((DoubleColumn) raw.batch().column("temperature")).buffer() : null;
        if (impedance) {
            TableLayout eisLayout = TableLayout.of(List.of(
                    ColumnSpec.of("test_id", StorageType.INT64),
                    ColumnSpec.of("test_time", StorageType.FLOAT64),
                    ColumnSpec.of("frequency", StorageType.FLOAT64),
                    ColumnSpec.of("z_real", StorageType.FLOAT64),
                    ColumnSpec.of("z_imag", StorageType.FLOAT64),
                    ColumnSpec.of("z_mag", StorageType.FLOAT64),
                    ColumnSpec.of("z_phase", StorageType.FLOAT64)));
            eis = new BatchBuilder(eisLayout, context.table(EIS, eisLayout, new EISData(), PostProcessing.none()),
                    batchRows);
            eisTest = ((LongColumn) eis.batch().column("test_id")).buffer();
            eisTime = ((DoubleColumn) eis.batch().column("test_time")).buffer();
            eisFrequency = ((DoubleColumn) eis.batch().column("frequency")).buffer();
            eisReal = ((DoubleColumn) eis.batch().column("z_real")).buffer();
            eisImag = ((DoubleColumn) eis.batch().column("z_imag")).buffer();
            eisMag = ((DoubleColumn) eis.batch().column("z_mag")).buffer();
            eisPhase = ((DoubleColumn) eis.batch().column("z_phase")).buffer();
        } else {
            eis = null;
            eisTest = null;
            eisTime = null;
            eisFrequency = null;
            eisReal = null;
            eisImag = null;
            eisMag = null;
            eisPhase = null;
        }
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
            if (cycle != previousCycle || loop != previousLoop) {
                testId++; // a new sweep: EC-Lab numbers repeated spectra by cycle and by loop
                previousCycle = cycle;
                previousLoop = loop;
            }
            int k = eis.row();
            eisTest[k] = testId;
            eisTime[k] = time;
            eisFrequency[k] = frequency;
            double imag = -minusZImag; // EC-Lab stores -Im(Z); battdat's z_imag is Im(Z)
            eisReal[k] = zReal;
            eisImag[k] = imag;
            // EC-Lab's |Z| and Phase(Z) are these same components in float32; recomputed in double, the polar and
            // cartesian forms agree to the 1e-8 ohm that battdat's EISData check demands of negative components
            eisMag[k] = Math.hypot(zReal, imag);
            eisPhase[k] = Math.toDegrees(Math.atan2(imag, zReal));
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
            eis.finish();
        }
        return raw.rowsCommitted();
    }

    /** Rows whose current could not be derived from the charge because their time equals the previous row's. */
    long zeroTimeSteps() {
        return zeroSteps;
    }
}
