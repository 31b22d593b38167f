package io.battdat.api.schema;

import io.battdat.api.SchemaViolationException;
import io.battdat.api.data.Column;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.StringColumn;
import io.battdat.api.data.TableLayout;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks successive batches of one table against a column schema with the algorithm and messages of Python's
 * {@code validate_dataframe} (spec 4.7): extra columns (when not allowed), required columns, float and integer
 * types, state and control values, and monotonic columns across batch boundaries. The first violation is thrown;
 * its row is the table row where it was found.
 */
public final class SchemaValidator {
    private final ColumnSchema schema;
    private final boolean allowExtraColumns;
    private final String table;
    private TableLayout checkedLayout;
    private final Map<String, ColumnInfo> columns;
    private double[] last;
    private boolean[] seen;
    private long rows;

    /**
     * @param schema            the schema
     * @param allowExtraColumns whether columns the schema does not describe are allowed
     * @param table             the table's name, for messages (may be null)
     */
    public SchemaValidator(ColumnSchema schema, boolean allowExtraColumns, String table) {
        this.schema = schema;
        this.allowExtraColumns = allowExtraColumns;
        this.table = table;
        this.columns = schema.columns();
    }

    /** Checks the next batch of the table. */
    public void accept(ColumnBatch batch) {
        TableLayout layout = batch.layout();
        if (checkedLayout == null || !checkedLayout.equals(layout)) {
            checkColumns(layout);
            checkedLayout = layout;
            last = new double[layout.size()];
            seen = new boolean[layout.size()];
        }
        for (Map.Entry<String, ColumnInfo> e : columns.entrySet()) {
            int c = layout.indexOf(e.getKey());
            if (c < 0) {
                continue;
            }
            ColumnInfo info = e.getValue();
            Column column = batch.column(c);
            switch (info.type()) {
                case OTHER -> {
                    continue; // Python's quirk: "other" columns skip the monotonic check too
                }
                case STATE -> checkValues(e.getKey(), column, batch.rowCount(), "ChargingState", true);
                case CONTROL -> checkValues(e.getKey(), column, batch.rowCount(), "ControlMethod", false);
                default -> { }
            }
            if (info.monotonic()) {
                checkMonotonic(e.getKey(), column, c, batch.rowCount());
            }
        }
        rows += batch.rowCount();
    }

    private void checkColumns(TableLayout layout) {
        if (!allowExtraColumns) {
            List<String> extra = new ArrayList<>();
            for (String name : layout.names()) {
                if (!schema.contains(name)) {
                    extra.add(name);
                }
            }
            if (!extra.isEmpty()) {
                throw violation(-1, "Dataset contains extra columns: " + String.join(" ", extra));
            }
        }
        for (Map.Entry<String, ColumnInfo> e : columns.entrySet()) {
            String name = e.getKey();
            int c = layout.indexOf(name);
            if (c < 0) {
                if (e.getValue().required()) {
                    throw violation(-1, "Dataset is missing a required column: " + name);
                }
                continue;
            }
            ColumnSpec spec = layout.column(c);
            char kind = spec.type().numpyKind();
            if (e.getValue().type() == ColumnType.FLOAT && kind != 'f' && kind != 'c') {
                throw violation(-1, "Column " + name + " is a " + numpyName(spec) + " and not a floating point number");
            }
            if (e.getValue().type() == ColumnType.INTEGER && kind != 'i' && kind != 'u') {
                throw violation(-1, "Column " + name + " is a " + numpyName(spec) + " and not an integer");
            }
        }
    }

    private void checkValues(String name, Column column, int n, String enumName, boolean state) {
        Set<String> bad = new LinkedHashSet<>();
        for (int r = 0; r < n; r++) {
            String v = column instanceof StringColumn s ? s.get(r) : String.valueOf(column.getObject(r));
            boolean ok = state ? ChargingState.fromValue(v) != null : ControlMethod.fromValue(v) != null;
            if (!ok) {
                bad.add(column instanceof StringColumn ? "'" + v + "'" : v);
            }
        }
        if (!bad.isEmpty()) {
            throw violation(-1, "Column " + name + " contains values not in " + enumName + ": {" + String.join(", ", bad)
                    + "}");
        }
    }

    private void checkMonotonic(String name, Column column, int c, int n) {
        double previous = last[c];
        boolean have = seen[c];
        for (int r = 0; r < n; r++) {
            double v = column.getDouble(r);
            if (have && !(v >= previous)) {
                throw violation(rows + r, "Column " + name + " is not monotonically increasing");
            }
            previous = v;
            have = true;
        }
        last[c] = previous;
        seen[c] = have;
    }

    private SchemaViolationException violation(long row, String message) {
        return new SchemaViolationException(null, table, row, message, null);
    }

    /** numpy's (pandas') dtype name: float64, int32, uint8, bool, complex128, object for strings. */
    static String numpyName(ColumnSpec spec) {
        return switch (spec.type()) {
            case STRING -> "object";
            case BOOL -> "bool";
            case COMPLEX64 -> "complex64";
            case COMPLEX128 -> "complex128";
            default -> {
                String kind = spec.type().numpyKind() == 'f' ? "float" : spec.type().numpyKind() == 'u' ? "uint" : "int";
                yield kind + (8 * spec.type().size());
            }
        };
    }
}
