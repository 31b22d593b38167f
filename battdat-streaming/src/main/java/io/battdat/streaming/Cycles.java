package io.battdat.streaming;

import io.battdat.api.ErrorLocation;
import io.battdat.api.InvalidUseException;
import io.battdat.api.BadFormatException;
import io.battdat.api.CycleMismatchException;
import io.battdat.api.KeyNotFoundException;
import io.battdat.api.SchemaViolationException;
import io.battdat.api.data.BatchBuffer;
import io.battdat.api.data.Column;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.StorageType;
import io.battdat.api.dataset.BatteryDataset;
import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.schema.ColumnSchema;
import io.battdat.api.spi.ReadOptions;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.TableCursor;
import io.battdat.api.spi.TableInfo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The cycle stream of {@link BattdatEngine#cycles}: one {@link Runs} per table over one open dataset, advanced in
 * lockstep. Owns the dataset: closing the stream (or a failure while opening or reading) closes every cursor and
 * the dataset.
 */
final class Cycles implements CycleStream {
    static final String CYCLE_COLUMN = "cycle_number";

    private final StoredDataset dataset;
    private final Path file;
    private final boolean makeDataset;
    private final List<TableInfo> tables;
    private final List<String> keys;
    private final List<Runs> runs = new ArrayList<>();
    private final BatteryMetadata metadata;
    private final Map<String, ColumnSchema> schemas;
    private long cyclesDone;
    private Cycle next;
    private boolean ended;
    private boolean closed;

    /**
     * Resolves the tables, checks them, and opens one cursor per table. On failure the cursors opened so far are
     * closed; the caller closes the dataset.
     */
    Cycles(StoredDataset dataset, CycleRequest request, ReadOptions options) {
        this(dataset, request, key -> dataset.openTable(key, options));
    }

    /** As above, with the cursors opened by {@code cursors} (follow mode opens following cursors). */
    Cycles(StoredDataset dataset, CycleRequest request, java.util.function.Function<String, TableCursor> cursors) {
        this.dataset = dataset;
        this.file = dataset.path();
        this.makeDataset = request.makeDataset();
        this.tables = request.keys() == null ? cellTables(request.prefix()) : namedTables(request.keys());
        this.keys = tables.stream().map(TableInfo::key).toList();
        for (TableInfo t : tables) {
            checkCycleColumn(t);
        }
        if (makeDataset) {
            this.metadata = fileMetadata();
            this.schemas = cellSchemas();
        } else {
            this.metadata = null;
            this.schemas = Map.of();
        }
        try {
            for (TableInfo t : tables) {
                runs.add(new Runs(t, cursors.apply(t.key())));
            }
        } catch (RuntimeException e) {
            closeRuns(e);
            throw e;
        }
    }

    private List<TableInfo> namedTables(List<String> requested) {
        List<TableInfo> out = new ArrayList<>(requested.size());
        for (String key : requested) {
            TableInfo t = dataset.table(key);
            for (TableInfo seen : out) {
                if (seen.key().equals(t.key())) {
                    throw new InvalidUseException(file + ": table " + t.key() + " is requested twice in "
                            + requested);
                }
            }
            out.add(t);
        }
        return out;
    }

    /** Every table of one cell, in the dataset's walk order. */
    private List<TableInfo> cellTables(String prefix) {
        List<String> prefixes = dataset.prefixes();
        String cell;
        if (prefix == null) {
            if (prefixes.size() > 1) {
                throw new KeyNotFoundException(ErrorLocation.of(file), "the file holds several cells " + prefixes
                        + " (null stands for root-level tables); name one with CycleRequest.allTables(prefix)", null);
            }
            if (prefixes.isEmpty()) {
                throw new KeyNotFoundException(ErrorLocation.of(file),
                        "the file holds no battdat tables to stream by cycle", null);
            }
            cell = prefixes.get(0);
        } else {
            String p = strip(prefix);
            cell = p.isEmpty() ? null : p;
            if (!prefixes.contains(cell)) {
                throw new KeyNotFoundException(ErrorLocation.of(file, "/" + p), "no such cell; cells are " + prefixes
                        + " (null stands for root-level tables)", null);
            }
        }
        List<TableInfo> out = new ArrayList<>();
        for (TableInfo t : dataset.tables()) {
            if (Objects.equals(t.prefix(), cell)) {
                out.add(t);
            }
        }
        return out;
    }

    private static String strip(String prefix) {
        int from = 0;
        int to = prefix.length();
        while (from < to && prefix.charAt(from) == '/') {
            from++;
        }
        while (to > from && prefix.charAt(to - 1) == '/') {
            to--;
        }
        return prefix.substring(from, to);
    }

    private void checkCycleColumn(TableInfo t) {
        int column = t.layout().indexOf(CYCLE_COLUMN);
        if (column < 0) {
            throw new SchemaViolationException(ErrorLocation.of(file, t.path()), "no " + CYCLE_COLUMN
                    + " column to stream by cycle; columns are " + t.layout().names(), null);
        }
        ColumnSpec spec = t.layout().column(column);
        if (spec.type() == StorageType.STRING || spec.isArray()) {
            throw new SchemaViolationException(ErrorLocation.of(file, t.path()),
                    "the " + CYCLE_COLUMN + " column holds "
                    + spec.numpyDtype() + (spec.isArray() ? " arrays" : "") + ", not one number per row", null);
        }
    }

    private BatteryMetadata fileMetadata() {
        try {
            return BatteryMetadata.fromJson(dataset.metadataJson());
        } catch (BadFormatException e) {
            throw new BadFormatException(ErrorLocation.of(file, "/"), e.getRawMessage(), e);
        }
    }

    /**
     * The schemas of every table of the requested tables' cell (also tables not requested), by table name; a
     * table whose schema does not parse is left out, unless it is requested: a dataset needs its schema.
     */
    private Map<String, ColumnSchema> cellSchemas() {
        String cell = tables.get(0).prefix();
        for (TableInfo t : tables) {
            if (!Objects.equals(t.prefix(), cell)) {
                throw new InvalidUseException(file + ": a dataset holds one cell, but the tables requested "
                        + keys + " belong to several");
            }
            if (t.schema() == null) {
                throw new SchemaViolationException(ErrorLocation.of(file, t.path()),
                        "no readable column schema for the cycle's dataset: " + t.schemaError(), null);
            }
        }
        Map<String, ColumnSchema> out = new LinkedHashMap<>();
        for (TableInfo t : dataset.tables()) {
            ColumnSchema schema = Objects.equals(t.prefix(), cell) ? t.schema() : null;
            if (schema != null) {
                out.put(t.name(), schema);
            }
        }
        return out;
    }

    /**
     * A table's schema by Python's {@code read_from_hdf} rule (docs/format.md section 2.9): null for a foreign table
     * whose schema does not parse; an error for one that carries {@code battdat_version}.
     */
    static ColumnSchema schemaOf(StoredDataset dataset, TableInfo t) {
        ColumnSchema schema = t.schema();
        if (schema == null && t.battdatVersion() != null) {
            throw new SchemaViolationException(ErrorLocation.of(dataset.path(), t.path()), "Table " + t.name()
                    + " is marked as a battdat dataset but schema fails to read: " + t.schemaError(), null);
        }
        return schema;
    }

    @Override
    public List<String> keys() {
        return keys;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !ended && !closed) {
            try {
                next = advance();
            } catch (RuntimeException e) {
                close();
                throw e;
            }
            ended = next == null;
        }
        return next != null;
    }

    @Override
    public Cycle next() {
        if (!hasNext()) {
            throw new NoSuchElementException(file + ": no more cycles in " + keys);
        }
        Cycle c = next;
        next = null;
        return c;
    }

    private Cycle advance() {
        int remaining = -1;
        int finished = -1;
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).hasRun()) {
                remaining = remaining < 0 ? i : remaining;
            } else {
                finished = finished < 0 ? i : finished;
            }
        }
        if (remaining < 0) {
            return null;
        }
        if (finished >= 0) {
            Runs more = runs.get(remaining);
            throw new CycleMismatchException(ErrorLocation.of(file, more.table.path(), more.nextTableRow()), "table "
                    + keys.get(remaining) + " has more cycles than " + keys.get(finished) + ": its cycle "
                    + format(more.peekCycle()) + " has no counterpart because " + keys.get(finished)
                    + " ended after " + cyclesDone + " cycles", null);
        }
        double cycle = runs.get(0).peekCycle();
        for (Runs r : runs) {
            if (!same(r.peekCycle(), cycle)) {
                StringBuilder sb = new StringBuilder("Different cycle indices across entries:");
                for (int i = 0; i < keys.size(); i++) {
                    sb.append(' ').append(keys.get(i)).append('=').append(format(runs.get(i).peekCycle()));
                }
                throw new CycleMismatchException(ErrorLocation.of(file), sb.toString(), null);
            }
        }
        Map<String, ColumnBatch> byKey = new LinkedHashMap<>();
        Map<String, ColumnBatch> byName = makeDataset ? new LinkedHashMap<>() : null;
        for (int i = 0; i < runs.size(); i++) {
            ColumnBatch rows = runs.get(i).nextRun();
            byKey.put(keys.get(i), rows);
            if (byName != null) {
                byName.put(tables.get(i).name(), rows);
            }
        }
        cyclesDone++;
        BatteryDataset ds = byName == null ? null : new BatteryDataset(metadata, schemas, byName);
        return new Cycle(cycle, byKey, ds);
    }

    /** Cycle numbers are equal as numbers (an int 0 equals a float 0.0); NaN equals NaN so that a NaN run ends. */
    static boolean same(double a, double b) {
        return a == b || (a != a && b != b);
    }

    /** A cycle number as Python prints it in messages: integral values without a fraction. */
    static String format(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        next = null;
        try {
            closeRuns(null);
        } finally {
            dataset.close();
        }
    }

    private void closeRuns(RuntimeException failure) {
        RuntimeException first = failure;
        for (Runs r : runs) {
            try {
                r.cursor.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        runs.clear();
        if (first != null && first != failure) {
            throw first;
        }
    }

    /** Runs of consecutive equal cycle numbers of one table, assembled across batch boundaries. */
    private static final class Runs {
        final TableInfo table;
        final TableCursor cursor;
        private final int column;
        private ColumnBatch batch;
        private int position;
        private boolean exhausted;
        /** Where a run spanning batches is gathered; reused from run to run. */
        private BatchBuffer scratch;

        Runs(TableInfo table, TableCursor cursor) {
            this.table = table;
            this.cursor = cursor;
            this.column = table.layout().indexOf(CYCLE_COLUMN);
        }

        /** Whether a row is left; loads the next batch when the current one is used up. */
        boolean hasRun() {
            while (!exhausted && (batch == null || position >= batch.rowCount())) {
                if (cursor.next()) {
                    batch = cursor.batch();
                    position = 0;
                } else {
                    exhausted = true;
                    batch = null;
                }
            }
            return !exhausted;
        }

        /** The cycle number of the next row; only after {@link #hasRun()} returned true. */
        double peekCycle() {
            return batch.column(column).getDouble(position);
        }

        /** The table index of the next row; only after {@link #hasRun()} returned true. */
        long nextTableRow() {
            return batch.firstRow() + position;
        }

        /**
         * The next run as a compact batch of its own; only after {@link #hasRun()} returned true. A run inside one
         * batch is copied once; a run spanning batches is gathered in the scratch batch, then copied.
         */
        ColumnBatch nextRun() {
            double cycle = peekCycle();
            long firstRow = nextTableRow();
            boolean spanning = false;
            while (true) {
                Column c = batch.column(column);
                int n = batch.rowCount();
                int end = position + 1;
                while (end < n && same(c.getDouble(end), cycle)) {
                    end++;
                }
                if (end < n && !spanning) {
                    BatchBuffer out = BatchBuffer.allocate(batch.layout(), end - position);
                    out.appendRows(batch, position, end);
                    out.setFirstRow(firstRow);
                    position = end;
                    return out;
                }
                if (!spanning) {
                    if (scratch == null) {
                        scratch = BatchBuffer.allocate(batch.layout(), Math.max(16, 2 * (end - position)));
                    }
                    scratch.clear();
                    spanning = true;
                }
                scratch.appendRows(batch, position, end);
                position = end;
                if (end < n || !hasRun() || !same(peekCycle(), cycle)) {
                    break;
                }
            }
            BatchBuffer out = scratch.copy();
            out.setFirstRow(firstRow);
            return out;
        }
    }
}
