package io.battdat.parsers.batterydata;

import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.DoubleColumn;
import io.battdat.api.data.LongColumn;
import io.battdat.api.data.StorageType;
import io.battdat.api.data.StringColumn;
import io.battdat.api.data.TableLayout;
import io.battdat.api.parse.FieldRow;
import io.battdat.api.parse.Header;
import io.battdat.api.schema.ColumnInfo;
import io.battdat.api.schema.ColumnSchema;
import io.battdat.api.schema.ColumnType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How the columns of one BatteryData CSV become the columns of one battdat table: renamed numeric columns (with an
 * offset for indices), and with {@code store-all} every other input column kept under its own name. Kept text
 * columns (the export's labels) are fixed-width strings of {@link #TEXT_WIDTH} bytes.
 */
final class TableMapping {
    /** Input columns that hold text in NREL exports; every other kept column is read as float64. */
    static final Set<String> TEXT_COLUMNS = Set.of("Cycle_Label", "Segment_Label");
    static final int TEXT_WIDTH = 64;

    /** One output column: its input column, kind and offset. */
    record Target(int input, String inputName, ColumnSpec spec, double offset) {
    }

    private final List<Target> targets = new ArrayList<>();
    private final List<ColumnSpec> specs = new ArrayList<>();

    /** Adds a renamed numeric column when the input has it. */
    void rename(Header header, String input, String output, StorageType type, double offset) {
        int i = header.indexOf(input);
        if (i >= 0) {
            add(new Target(i, header.name(i), ColumnSpec.of(output, type), offset));
        }
    }

    /** Appends every input column not used yet under its own name (Python's {@code store_all}). */
    ColumnSchema keepTheRest(Header header, ColumnSchema schema) {
        Set<Integer> used = new HashSet<>();
        targets.forEach(t -> used.add(t.input()));
        ColumnSchema out = schema;
        for (int i = 0; i < header.size(); i++) {
            String name = header.name(i);
            if (used.contains(i) || name.isEmpty() || specs.stream().anyMatch(s -> s.name().equals(name))) {
                continue;
            }
            boolean text = TEXT_COLUMNS.contains(name);
            add(new Target(i, name, text ? ColumnSpec.string(name, TEXT_WIDTH) : ColumnSpec.of(name,
                    StorageType.FLOAT64), 0));
            out = out.withExtraColumn(name, ColumnInfo.of(
                    "Column " + name + " of the BatteryData export, kept as is (store-all)",
                    text ? ColumnType.OTHER : ColumnType.FLOAT, null));
        }
        return out;
    }

    private void add(Target t) {
        targets.add(t);
        specs.add(t.spec());
    }

    TableLayout layout() {
        return TableLayout.of(specs);
    }

    List<Target> targets() {
        return targets;
    }

    /**
     * Writes one record's value of a target into row {@code row} of output column {@code column}.
     *
     * @throws IllegalArgumentException when the value does not fit (not a number, text too long); the caller
     *                                  locates it with the line and the input column
     */
    static void put(Target t, int column, FieldRow r, ColumnBatch batch, int row) {
        switch (t.spec().type()) {
            case INT64 -> ((LongColumn) batch.column(column)).buffer()[row] = r.getLong(t.input()) + (long) t.offset();
            case STRING -> putText((StringColumn) batch.column(column), row, r, t);
            default -> ((DoubleColumn) batch.column(column)).buffer()[row] = r.getDoubleOrNaN(t.input()) + t.offset();
        }
    }

    private static void putText(StringColumn column, int row, FieldRow r, Target t) {
        byte[] bytes = column.buffer();
        int base = row * TEXT_WIDTH;
        String value = r.isBlank(t.input()) ? "" : r.getString(t.input());
        byte[] encoded = value.getBytes(StandardCharsets.UTF_8);
        if (encoded.length > TEXT_WIDTH) {
            throw new IllegalArgumentException("text longer than " + TEXT_WIDTH + " bytes: '" + value + "'");
        }
        System.arraycopy(encoded, 0, bytes, base, encoded.length);
        java.util.Arrays.fill(bytes, base + encoded.length, base + TEXT_WIDTH, (byte) 0);
    }
}
