package io.battdat.api.schema;

import io.battdat.api.ErrorLocation;
import io.battdat.api.SchemaViolationException;
import io.battdat.api.data.BooleanColumn;
import io.battdat.api.data.Column;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.DoubleColumn;
import io.battdat.api.data.FloatColumn;
import io.battdat.api.data.LongColumn;
import io.battdat.api.data.StorageType;
import io.battdat.api.data.StringColumn;
import io.battdat.api.data.TableLayout;
import io.battdat.api.json.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks successive batches of one table against a column schema with the algorithm and messages of Python's
 * {@code validate_dataframe} (docs/format.md section 5.7). For each batch, and for each schema column in order: a
 * missing column (an error when required), the dtype of float and integer columns, the values of state and control
 * columns, then, unless the column is of type {@code other}, monotonicity. Monotonic columns are checked across batch
 * boundaries: the last value of one batch is compared with the first of the next. The extra-column, presence and
 * dtype checks run again only when the batch layout changes. The first violation is thrown; its row, where there
 * is one, is the table row (counting from the first batch).
 *
 * <p>Checks that need the whole table (EISData's impedance agreement, docs/format.md section 5.6) run in
 * {@link #finish()}, so that their message can report the table-wide figure as Python does. Within a single batch the
 * first violation found is the one Python reports; over several batches, a violation in an earlier batch is found
 * first.
 *
 * <p>Deviation kept on purpose: the state value {@code hold}, written by released battdat versions, is accepted as
 * {@link ChargingState#RESTING}.
 */
public final class SchemaValidator {
    private final ColumnSchema schema;
    private final boolean allowExtraColumns;
    private final String table;
    private final String[] names;
    private final ColumnInfo[] infos;
    private final ColumnSchema.TableCheck tableCheck;

    private TableLayout checkedLayout;
    private int[] index;

    // The last value seen in each monotonic column, kept in the form its column holds.
    private final boolean[] seen;
    private final double[] lastDouble;
    private final long[] lastLong;
    private final boolean[] lastIsLong;
    private final String[] lastString;

    private long rows;
    private boolean finished;

    /**
     * A validator for one table.
     *
     * @param schema            the schema
     * @param allowExtraColumns whether columns the schema does not describe are allowed
     * @param table             the table's name, for the location of errors (may be null)
     */
    public SchemaValidator(ColumnSchema schema, boolean allowExtraColumns, String table) {
        this.schema = schema;
        this.allowExtraColumns = allowExtraColumns;
        this.table = table;
        Map<String, ColumnInfo> columns = schema.columns();
        this.names = columns.keySet().toArray(new String[0]);
        this.infos = columns.values().toArray(new ColumnInfo[0]);
        this.tableCheck = schema.newTableCheck();
        this.seen = new boolean[names.length];
        this.lastDouble = new double[names.length];
        this.lastLong = new long[names.length];
        this.lastIsLong = new boolean[names.length];
        this.lastString = new String[names.length];
    }

    /** The schema checked against. */
    public ColumnSchema schema() {
        return schema;
    }

    /** Rows accepted so far. */
    public long rowsChecked() {
        return rows;
    }

    /**
     * Checks the next batch of the table.
     *
     * @throws SchemaViolationException at the first violation, with Python's message
     * @throws IllegalStateException    after {@link #finish()}
     */
    public void accept(ColumnBatch batch) {
        if (finished) {
            throw new io.battdat.api.InvalidUseException("validator already finished");
        }
        TableLayout layout = batch.layout();
        boolean newLayout = !layout.equals(checkedLayout);
        if (newLayout) {
            checkExtraColumns(layout);
            index = new int[names.length];
        }
        int n = batch.rowCount();
        for (int i = 0; i < names.length; i++) {
            String name = names[i];
            ColumnInfo info = infos[i];
            if (newLayout) {
                index[i] = layout.indexOf(name);
            }
            int c = index[i];
            if (c < 0) {
                if (newLayout && info.required()) {
                    throw violation(-1, "Dataset is missing a required column: " + name);
                }
                continue;
            }
            Column column = batch.column(c);
            switch (info.type()) {
                case FLOAT -> {
                    if (newLayout && !isFloat(column.spec())) {
                        throw violation(-1, "Column " + name + " is a " + numpyName(column.spec())
                                + " and not a floating point number");
                    }
                }
                case INTEGER -> {
                    if (newLayout && !column.spec().type().isInteger()) {
                        throw violation(-1, "Column " + name + " is a " + numpyName(column.spec())
                                + " and not an integer");
                    }
                }
                case STATE -> checkValues(name, column, n, "ChargingState", true);
                case CONTROL -> checkValues(name, column, n, "ControlMethod", false);
                case OTHER -> {
                    continue; // Python's quirk: "other" columns skip the monotonic check too
                }
                default -> throw new IllegalStateException("no check for " + info.type());
            }
            if (info.monotonic()) {
                checkMonotonic(i, name, column, n);
            }
        }
        checkedLayout = layout;
        if (tableCheck != null) {
            tableCheck.accept(batch);
        }
        rows += n;
    }

    /**
     * Ends the table: runs the schema's whole-table check (EISData's impedance agreement). Further calls do
     * nothing.
     *
     * @throws SchemaViolationException when the table breaks that rule
     */
    public void finish() {
        if (finished) {
            return;
        }
        finished = true;
        if (tableCheck != null) {
            tableCheck.finish(table);
        }
    }

    private void checkExtraColumns(TableLayout layout) {
        if (allowExtraColumns) {
            return;
        }
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

    private static boolean isFloat(ColumnSpec spec) {
        char kind = spec.type().numpyKind();
        return kind == 'f' || kind == 'c';
    }

    /**
     * Python formats the enum class into the message ({@code <enum 'ChargingState'>}) and the bad values as a
     * Python set: {@code {'flying'}}, {@code {1, 2}}. Numbers are listed in ascending order, which is how Python
     * happens to print small integer sets; strings in order of first appearance.
     */
    private void checkValues(String name, Column column, int n, String enumName, boolean state) {
        Map<String, Boolean> badText = new LinkedHashMap<>();
        TreeMap<Double, String> badNumbers = new TreeMap<>();
        long firstBad = -1;
        for (int r = 0; r < n; r++) {
            boolean ok;
            if (column instanceof StringColumn s) {
                String v = s.get(r);
                ok = state ? ChargingState.fromValue(v) != null : ControlMethod.fromValue(v) != null;
                if (!ok) {
                    badText.put(pythonStr(v), Boolean.TRUE);
                }
            } else {
                ok = false;
                badNumbers.put(column.getDouble(r), pythonValue(column, r));
            }
            if (!ok && firstBad < 0) {
                firstBad = rows + r;
            }
        }
        if (firstBad >= 0) {
            List<String> bad = new ArrayList<>(badNumbers.values());
            bad.addAll(badText.keySet());
            throw violation(firstBad, "Column " + name + " contains values not in <enum '" + enumName + "'>: {"
                    + String.join(", ", bad) + "}");
        }
    }

    private void checkMonotonic(int i, String name, Column column, int n) {
        for (int r = 0; r < n; r++) {
            boolean ok;
            if (column instanceof LongColumn l) {
                long v = l.get(r);
                if (seen[i] && lastIsLong[i]) {
                    ok = l.spec().type() == StorageType.UINT64 ? Long.compareUnsigned(v, lastLong[i]) >= 0
                            : v >= lastLong[i];
                } else {
                    ok = !seen[i] || column.getDouble(r) >= lastDouble[i];
                }
                lastLong[i] = v;
                lastIsLong[i] = true;
            } else if (column instanceof StringColumn s) {
                String v = s.get(r);
                ok = !seen[i] || lastString[i] == null || v.compareTo(lastString[i]) >= 0;
                lastString[i] = v;
                lastIsLong[i] = false;
            } else {
                double v = column.getDouble(r);
                // NaN on either side fails, as Python's y >= x does
                ok = !seen[i] || v >= lastDouble[i];
                lastIsLong[i] = false;
            }
            lastDouble[i] = column.getDouble(r);
            seen[i] = true;
            if (!ok) {
                throw violation(rows + r, "Column " + name + " is not monotonically increasing");
            }
        }
    }

    private SchemaViolationException violation(long row, String message) {
        return new SchemaViolationException(ErrorLocation.of(null, table, row), message, null);
    }

    /** A value as Python's {@code repr} shows it inside a set. */
    private static String pythonValue(Column column, int row) {
        if (column instanceof BooleanColumn b) {
            return b.get(row) ? "True" : "False";
        }
        if (column instanceof DoubleColumn || column instanceof FloatColumn) {
            double d = column.getDouble(row);
            return Double.isNaN(d) ? "nan" : Double.isInfinite(d) ? (d > 0 ? "inf" : "-inf") : Json.pythonRepr(d);
        }
        Object v = column.getObject(row);
        return String.valueOf(v);
    }

    /** Python's {@code repr} of a str: single quotes unless the text holds one and no double quote. */
    static String pythonStr(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder().append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == quote || c == '\\') {
                sb.append('\\').append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append(quote).toString();
    }

    /**
     * numpy's (pandas') dtype name of a column, as Python prints it in messages: float64, int32, uint8, bool,
     * complex128, and object for strings (pandas holds text as Python objects).
     */
    public static String numpyName(ColumnSpec spec) {
        return switch (spec.type()) {
            case STRING -> "object";
            case BOOL -> "bool";
            case COMPLEX64 -> "complex64";
            case COMPLEX128 -> "complex128";
            default -> {
                char kind = spec.type().numpyKind();
                String prefix = kind == 'f' ? "float" : kind == 'u' ? "uint" : "int";
                yield prefix + (8 * spec.type().size());
            }
        };
    }
}
