package io.battdat.api.schema;

import io.battdat.api.ErrorLocation;
import io.battdat.api.SchemaViolationException;
import io.battdat.api.data.Column;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.TableLayout;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

import static io.battdat.api.schema.ColumnType.FLOAT;
import static io.battdat.api.schema.ColumnType.INTEGER;

/**
 * Impedance spectroscopy, table {@code eis_data} (docs/format.md section 5.6; descriptions as the Python toolkit stores
 * them).
 */
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

    private EISData(Map<String, ColumnInfo> extraColumns) {
        super("EISData", COLUMNS, extraColumns);
    }

    /** A copy with an extra column added; see {@link ColumnSchema#withExtraColumn(String, ColumnInfo)}. */
    @Override
    public EISData withExtraColumn(String name, ColumnInfo info) {
        return (EISData) super.withExtraColumn(name, info);
    }

    /** A copy with an extra column added, as Python's {@code add_column}. */
    @Override
    public EISData withExtraColumn(String name, String description, ColumnType type, boolean required, String units,
                                boolean monotonic) {
        return (EISData) super.withExtraColumn(name, description, type, required, units, monotonic);
    }

    @Override
    protected EISData copyWithExtraColumns(Map<String, ColumnInfo> extraColumns) {
        return new EISData(extraColumns);
    }

    /**
     * Python's extra rule (docs/format.md section 5.6): with {@code re = z_mag*cos(rad(z_phase))} and {@code im =
     * z_mag*sin(...)}, the largest of {@code |calc - z_<k>| / max(calc, 1e-6)} over the table must not exceed 1%,
     * checked for the real then the imaginary part. Like pandas' {@code max}, rows giving NaN are skipped.
     */
    @Override
    TableCheck newTableCheck() {
        return new ImpedanceCheck();
    }

    private static final class ImpedanceCheck implements TableCheck {
        private double largestReal = Double.NaN;
        private double largestImag = Double.NaN;

        @Override
        public void accept(ColumnBatch batch) {
            TableLayout layout = batch.layout();
            if (!layout.contains("z_mag") || !layout.contains("z_phase") || !layout.contains("z_real")
                    || !layout.contains("z_imag")) {
                return;
            }
            Column mag = batch.column("z_mag");
            Column phase = batch.column("z_phase");
            Column real = batch.column("z_real");
            Column imag = batch.column("z_imag");
            for (int r = 0; r < batch.rowCount(); r++) {
                double m = mag.getDouble(r);
                double radians = Math.toRadians(phase.getDouble(r));
                largestReal = larger(largestReal, difference(m * Math.cos(radians), real.getDouble(r)));
                largestImag = larger(largestImag, difference(m * Math.sin(radians), imag.getDouble(r)));
            }
        }

        // the signed value is clipped from below, as np.clip(values, a_min=1e-6) does: negatives divide by 1e-6
        private static double difference(double calc, double stored) {
            return Math.abs(calc - stored) / Math.max(calc, 1e-6);
        }

        private static double larger(double current, double value) {
            if (Double.isNaN(value)) {
                return current;
            }
            return Double.isNaN(current) ? value : Math.max(current, value);
        }

        @Override
        public void finish(String table) {
            check("real", largestReal, table);
            check("imag", largestImag, table);
        }

        private static void check(String component, double largest, String table) {
            if (largest > 0.01) {
                // Python's {:.1f} rounds the exact binary value half-to-even
                String percent = new BigDecimal(largest * 100).setScale(1, RoundingMode.HALF_EVEN).toPlainString();
                throw new SchemaViolationException(ErrorLocation.of(null, table),
                        "Polar and cartesian forms of impedance disagree for "
                        + component + " component. Largest difference: " + percent + "%", null);
            }
        }
    }
}
