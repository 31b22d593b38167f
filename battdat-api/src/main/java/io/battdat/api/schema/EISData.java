package io.battdat.api.schema;

import io.battdat.api.SchemaViolationException;
import io.battdat.api.data.ColumnBatch;

import java.util.Locale;
import java.util.Map;

import static io.battdat.api.schema.ColumnType.FLOAT;
import static io.battdat.api.schema.ColumnType.INTEGER;

/** Impedance spectroscopy, table {@code eis_data} (spec 4.6; descriptions as stored by battdat, Appendix A). */
public final class EISData extends ColumnSchema {
    static final Map<String, ColumnInfo> COLUMNS = new Columns()
            .add("test_id", INTEGER, null, true, false, "Integer used to identify rows belonging to the same experiment.")
            .add("test_time", FLOAT, "s", false, true, "Time from the beginning of measurements.")
            .add("time", FLOAT, null, false, false, "Time as a UNIX timestamp. Assumed to be in UTC")
            .add("frequency", FLOAT, "Hz", true, false, "Applied frequency")
            .add("z_real", FLOAT, "Ohm", true, false, "Real component of impedance")
            .add("z_imag", FLOAT, "Ohm", true, false, "Imaginary component of impedance")
            .add("z_mag", FLOAT, "Ohm", true, false, "Magnitude of impedance")
            .add("z_phase", FLOAT, "Degree", true, false, "Phase angle of the impedance")
            .build();

    /** The standard schema, without extra columns. */
    public EISData() {
        super("EISData", COLUMNS, Map.of());
    }

    /** The generic checks, then: polar and cartesian impedance agree within 1% (Python's rule and message). */
    @Override
    public void validate(ColumnBatch batch, boolean allowExtraColumns) {
        super.validate(batch, allowExtraColumns);
        int n = batch.rowCount();
        for (String component : new String[]{"real", "imag"}) {
            double largest = 0;
            for (int r = 0; r < n; r++) {
                double mag = batch.column("z_mag").getDouble(r);
                double phase = Math.toRadians(batch.column("z_phase").getDouble(r));
                double calc = component.equals("real") ? mag * Math.cos(phase) : mag * Math.sin(phase);
                double stored = batch.column("z_" + component).getDouble(r);
                largest = Math.max(largest, Math.abs(calc - stored) / Math.max(calc, 1e-6));
            }
            if (largest > 0.01) {
                throw new SchemaViolationException(null, "eis_data", String.format(Locale.ROOT,
                        "Polar and cartesian forms of impedance disagree for %s component. Largest difference: %.1f%%",
                        component, largest * 100));
            }
        }
    }
}
