package io.battdat.streaming;

import io.battdat.api.ErrorLocation;
import io.battdat.api.SchemaViolationException;
import io.battdat.api.data.BatchBuffer;
import io.battdat.api.data.Column;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.LongColumn;
import io.battdat.api.data.StorageType;
import io.battdat.api.data.TableLayout;
import io.battdat.api.schema.ColumnInfo;
import io.battdat.api.schema.ColumnSchema;
import io.battdat.api.schema.ColumnType;
import io.battdat.api.spi.DatasetSink;
import io.battdat.api.spi.MonotonicPolicy;
import io.battdat.api.spi.ReadOptions;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.TableCursor;
import io.battdat.api.spi.TableInfo;
import io.battdat.api.spi.TableSink;
import io.battdat.api.spi.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps appends true to what a table's column schema promises: a column declared monotonic never decreases, neither
 * against the table's last committed row nor within the appended rows. Wraps a backend's {@link DatasetSink}
 * ({@link StorageRegistry#openSink}); every write path of the engine (copy, convert, {@link HDF5Writer}) goes through
 * it, so API users get the same protection as the CLI.
 *
 * <p>Tables opened with {@link #appendTo} are always checked, under the {@link MonotonicPolicy} of the
 * {@link WriteOptions}. Tables created by this sink are checked only under {@link MonotonicPolicy#RENUMBER_CYCLES}
 * and {@link MonotonicPolicy#CLEAR_DECLARATION} (a plain copy keeps its source as it is). Checked columns are the
 * scalar integer and float columns whose schema entry says {@code monotonic} and whose type is not {@code other}
 * (Python's validator skips those too); NaN values are not compared. A refused {@link TableSink#append} hands none of
 * its rows to the backend, so nothing of it can be committed.
 */
final class MonotonicGuard extends ForwardingSink {
    private static final Logger LOG = LoggerFactory.getLogger(MonotonicGuard.class);
    static final String CYCLE_NUMBER = "cycle_number";

    private final Path path;
    private final MonotonicPolicy policy;
    private final StorageRegistry registry;
    /** Tables already handed out by {@link #appendTo}: a second call must keep their state, not reread the file. */
    private final java.util.Map<String, TableSink> appending = new java.util.HashMap<>();

    MonotonicGuard(DatasetSink delegate, Path path, WriteOptions options, StorageRegistry registry) {
        super(delegate);
        this.path = path;
        this.policy = options.monotonicPolicy();
        this.registry = registry;
    }

    @Override
    public TableSink createTable(String key, TableLayout layout, ColumnSchema schema, long expectedRows) {
        TableSink table = delegate.createTable(key, layout, schema, expectedRows);
        if (policy != MonotonicPolicy.REFUSE && schema != null) {
            table = new GuardedTable(key, "/" + key, table, checked(layout, schema), 0);
        }
        appending.put(key, table); // appendTo of the same key in this session continues it
        return table;
    }

    @Override
    public TableSink appendTo(String key) {
        TableSink known = appending.get(key);
        if (known != null) {
            return known;
        }
        TableSink guarded = guard(key, delegate.appendTo(key));
        appending.put(key, guarded);
        return guarded;
    }

    private TableSink guard(String key, TableSink table) {
        try (StoredDataset stored = registry.readerFor(path).open(path)) {
            TableInfo info = null;
            for (TableInfo t : stored.tables()) {
                if (t.key().equals(key) || t.path().equals("/" + key)) {
                    info = t;
                }
            }
            if (info == null || info.schema() == null) {
                LOG.warn("{}: /{}: no readable column schema; appended rows are not checked for monotonic columns",
                        path, key);
                return table;
            }
            List<Checked> columns = checked(table.layout(), info.schema());
            long rows = info.rows();
            if (!columns.isEmpty() && rows > 0) {
                try (TableCursor last = stored.openTable(info.key(), ReadOptions.builder().rowRange(rows - 1, rows)
                        .build())) {
                    if (last.next() && last.batch().rowCount() > 0) {
                        ColumnBatch b = last.batch();
                        int r = b.rowCount() - 1;
                        for (Checked c : columns) {
                            c.remember(b.column(c.index), r, rows - 1);
                        }
                    }
                }
            }
            return new GuardedTable(info.key(), info.path(), table, columns, rows);
        }
    }

    private static List<Checked> checked(TableLayout layout, ColumnSchema schema) {
        List<Checked> out = new ArrayList<>();
        for (int i = 0; i < layout.size(); i++) {
            ColumnSpec spec = layout.column(i);
            if (!schema.contains(spec.name())) {
                continue; // a column the stored schema does not describe promises nothing
            }
            ColumnInfo info = schema.get(spec.name());
            if (!info.monotonic() || info.type() == ColumnType.OTHER || spec.isArray()) {
                continue;
            }
            char kind = spec.type().numpyKind();
            if (kind == 'i' || kind == 'u') {
                out.add(new Checked(spec.name(), i, true));
            } else if (kind == 'f') {
                out.add(new Checked(spec.name(), i, false));
            }
        }
        // cycle_number first: when overlapping data breaks several columns, the refusal names the one users fix
        out.sort(java.util.Comparator.comparing(c -> !c.name.equals(CYCLE_NUMBER)));
        return out;
    }

    /** One monotonic column: where it is and the last value written to it. */
    private static final class Checked {
        final String name;
        final int index;
        final boolean integer;
        boolean hasLast;
        long lastLong;
        double lastDouble;
        long lastRow;
        boolean lastCommitted;
        boolean cleared;

        Checked(String name, int index, boolean integer) {
            this.name = name;
            this.index = index;
            this.integer = integer;
        }

        void remember(Column column, int row, long tableRow) {
            if (integer) {
                lastLong = column.getLong(row);
            } else {
                double v = column.getDouble(row);
                if (Double.isNaN(v)) {
                    return;
                }
                lastDouble = v;
            }
            hasLast = true;
            lastRow = tableRow;
            lastCommitted = true;
        }

        String last() {
            return integer ? Long.toString(lastLong) : Double.toString(lastDouble);
        }
    }

    /** A table whose appended rows are checked (and, by policy, renumbered or declared non-monotonic). */
    private final class GuardedTable implements TableSink {
        private final String key;
        private final String table;
        private final TableSink delegateTable;
        private final List<Checked> columns;
        private final Checked cycles;
        /** Rows in the table before this sink's first append plus rows handed over since. */
        private long nextRow;
        /** What RENUMBER_CYCLES adds to appended cycle numbers. */
        private long cycleShift;
        private BatchBuffer renumbered;

        GuardedTable(String key, String table, TableSink delegateTable, List<Checked> columns, long rows) {
            this.key = key;
            this.table = table;
            this.delegateTable = delegateTable;
            this.columns = columns;
            Checked c = null;
            for (Checked k : columns) {
                if (k.name.equals(CYCLE_NUMBER) && k.integer) {
                    c = k;
                }
            }
            this.cycles = policy.renumbersCycles() ? c : null;
            this.nextRow = rows;
        }

        @Override
        public TableLayout layout() {
            return delegateTable.layout();
        }

        @Override
        public void append(ColumnBatch batch, int from, int to) {
            ColumnBatch rows = batch;
            int first = from;
            int end = to;
            long shift = cycleShift;
            if (cycles != null && to > from) {
                shift = renumber(batch, from, to);
                if (renumbered != null && renumbered.rowCount() > 0) {
                    rows = renumbered;
                    first = 0;
                    end = renumbered.rowCount();
                }
            }
            Set<String> toClear = new LinkedHashSet<>();
            for (Checked c : columns) {
                if (!c.cleared && firstDecrease(c, rows.column(c.index), first, end) >= 0) {
                    toClear.add(c.name);
                }
            }
            if (!toClear.isEmpty()) {
                delegate.clearMonotonic(key, toClear); // before any row that breaks the promise can be committed
                for (Checked c : columns) {
                    if (toClear.contains(c.name)) {
                        c.cleared = true;
                        LOG.info("{}: {}: column {} is no longer declared monotonic", path, table, c.name);
                    }
                }
            }
            delegateTable.append(rows, first, end);
            cycleShift = shift;
            for (Checked c : columns) {
                Column values = rows.column(c.index);
                for (int r = end - 1; r >= first; r--) {
                    if (c.integer || !Double.isNaN(values.getDouble(r))) {
                        c.remember(values, r, nextRow + r - first);
                        c.lastCommitted = false;
                        break;
                    }
                }
            }
            nextRow += end - first;
        }

        /**
         * Fills {@link #renumbered} with the rows, cycle numbers shifted (or leaves it empty when no value changes);
         * returns the shift after the last row.
         */
        private long renumber(ColumnBatch batch, int from, int to) {
            Column raw = batch.column(cycles.index);
            long shift = cycleShift;
            boolean hasPrevious = cycles.hasLast;
            long previous = cycles.lastLong;
            boolean changed = shift != 0;
            for (int r = from; r < to && !changed; r++) {
                long v = raw.getLong(r);
                if (hasPrevious && v < previous) {
                    changed = true;
                }
                hasPrevious = true;
                previous = v;
            }
            if (renumbered != null) {
                renumbered.clear();
            }
            if (!changed) {
                return shift;
            }
            if (renumbered == null) {
                renumbered = BatchBuffer.allocate(batch.layout(), to - from);
            }
            renumbered.ensureCapacity(to - from);
            renumbered.appendRows(batch, from, to);
            long[] values = ((LongColumn) renumbered.column(cycles.index)).buffer();
            hasPrevious = cycles.hasLast;
            previous = cycles.lastLong;
            for (int r = 0; r < to - from; r++) {
                long v = values[r] + shift;
                if (hasPrevious && v < previous) {
                    shift = previous + 1 - values[r];
                    v = previous + 1;
                }
                values[r] = v;
                hasPrevious = true;
                previous = v;
            }
            return shift;
        }

        /** The first row where the column decreases, after handling it by policy; -1 when none. */
        private int firstDecrease(Checked c, Column values, int from, int to) {
            boolean hasPrevious = c.hasLast;
            long previousLong = c.lastLong;
            double previousDouble = c.lastDouble;
            int previousRow = -1;
            for (int r = from; r < to; r++) {
                boolean down;
                if (c.integer) {
                    long v = values.getLong(r);
                    down = hasPrevious && v < previousLong;
                    if (!down) {
                        previousLong = v;
                    }
                } else {
                    double v = values.getDouble(r);
                    if (Double.isNaN(v)) {
                        continue;
                    }
                    down = hasPrevious && v < previousDouble;
                    if (!down) {
                        previousDouble = v;
                    }
                }
                if (down) {
                    if (!policy.clearsDeclarations()) {
                        throw violation(c, values, r, from, previousRow, c.integer ? Long.toString(previousLong)
                                : Double.toString(previousDouble));
                    }
                    return r;
                }
                hasPrevious = true;
                previousRow = r;
            }
            return -1;
        }

        private SchemaViolationException violation(Checked c, Column values, int r, int from, int previousRow,
                                                    String previous) {
            long row = nextRow + r - from;
            String value = c.integer ? Long.toString(values.getLong(r)) : Double.toString(values.getDouble(r));
            String before;
            if (previousRow >= 0) {
                before = "appended row " + (nextRow + previousRow - from) + " holds " + previous;
            } else {
                before = (c.lastCommitted ? "the table's last committed row " : "row ") + c.lastRow + " holds "
                        + previous;
            }
            String fix = c.name.equals(CYCLE_NUMBER) && !policy.renumbersCycles()
                    ? "--renumber-cycles (MonotonicPolicy.RENUMBER_CYCLES) to continue the cycle numbering, or "
                    : "";
            return new SchemaViolationException(ErrorLocation.of(path, table, row), "cannot append: column " + c.name
                    + " is declared monotonic by the table's column schema, but appended row " + row + " holds "
                    + value + " and " + before + "; nothing of this append was committed. Use " + fix
                    + "--allow-non-monotonic (MonotonicPolicy.CLEAR_DECLARATION) to store the rows and clear the "
                    + "declaration" + (fix.isEmpty() ? "" : " (both together: renumber cycles, clear the others)"),
                    null);
        }

        @Override
        public long flush() {
            return delegateTable.flush();
        }

        @Override
        public long rowsWritten() {
            return delegateTable.rowsWritten();
        }
    }
}
