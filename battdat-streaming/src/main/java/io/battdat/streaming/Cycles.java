package io.battdat.streaming;

import io.battdat.api.BattdatException;
import io.battdat.api.CycleMismatchException;
import io.battdat.api.KeyNotFoundException;
import io.battdat.api.SchemaViolationException;
import io.battdat.api.dataset.BatteryDataset;
import io.battdat.api.data.Column;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.schema.ColumnSchema;
import io.battdat.api.spi.ReadOptions;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.TableCursor;
import io.battdat.api.spi.TableInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/** The cycle stream: one {@link Runs} per table, advanced in lockstep. */
final class Cycles implements CycleStream {
    static final String CYCLE_COLUMN = "cycle_number";

    private final StoredDataset dataset;
    private final CycleRequest request;
    private final List<String> keys;
    private final List<Runs> runs = new ArrayList<>();
    private final BatteryMetadata metadata;
    private final Map<String, ColumnSchema> schemas;
    private Cycle next;
    private boolean done;

    Cycles(StoredDataset dataset, CycleRequest request, ReadOptions options) {
        this.dataset = dataset;
        this.request = request;
        List<TableInfo> tables = request.keys() == null ? cellTables(dataset, request.prefix())
                : request.keys().stream().map(dataset::table).toList();
        this.keys = tables.stream().map(TableInfo::key).toList();
        this.metadata = request.makeDataset() ? BatteryMetadata.fromJson(dataset.metadataJson()) : null;
        this.schemas = request.makeDataset() ? cellSchemas(dataset, tables.get(0).prefix()) : Map.of();
        try {
            for (TableInfo t : tables) {
                int column = t.layout().indexOf(CYCLE_COLUMN);
                if (column < 0) {
                    throw new SchemaViolationException(dataset.path(), t.path(), "no " + CYCLE_COLUMN
                            + " column to stream by cycle; columns are " + t.layout().names());
                }
                runs.add(new Runs(dataset.openTable(t.key(), options), column));
            }
        } catch (RuntimeException e) {
            runs.forEach(Runs::close);
            throw e;
        }
    }

    private static List<TableInfo> cellTables(StoredDataset dataset, String prefix) {
        List<String> prefixes = dataset.prefixes();
        String cell = prefix;
        if (cell == null) {
            if (prefixes.size() > 1) {
                throw new KeyNotFoundException(dataset.path(), null, "the file holds several cells " + prefixes
                        + " (null = root-level tables); name one with CycleRequest.allTables(prefix)");
            }
            cell = prefixes.isEmpty() ? null : prefixes.get(0);
        } else if (!prefixes.contains(cell)) {
            throw new KeyNotFoundException(dataset.path(), "/" + cell, "no such cell; cells are " + prefixes);
        }
        List<TableInfo> out = new ArrayList<>();
        for (TableInfo t : dataset.tables()) {
            if (Objects.equals(t.prefix(), cell)) {
                out.add(t);
            }
        }
        if (out.isEmpty()) {
            throw new KeyNotFoundException(dataset.path(), null, "no tables to stream");
        }
        return out;
    }

    private static Map<String, ColumnSchema> cellSchemas(StoredDataset dataset, String prefix) {
        Map<String, ColumnSchema> out = new LinkedHashMap<>();
        for (TableInfo t : dataset.tables()) {
            ColumnSchema schema = Objects.equals(t.prefix(), prefix) ? schemaOf(dataset, t) : null;
            if (schema != null) {
                out.put(t.name(), schema);
            }
        }
        return out;
    }

    /**
     * A table's schema by Python's rule (spec 1.10): null for a foreign table whose schema does not parse; an error
     * for one that carries {@code battdat_version}.
     */
    static ColumnSchema schemaOf(StoredDataset dataset, TableInfo t) {
        ColumnSchema schema = t.schema();
        if (schema == null && t.battdatVersion() != null) {
            throw new SchemaViolationException(dataset.path(), t.path(), "Table " + t.name()
                    + " is marked as a battdat dataset but schema fails to read: " + t.schemaError());
        }
        return schema;
    }

    @Override
    public List<String> keys() {
        return keys;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            try {
                next = advance();
            } catch (BattdatException e) {
                close();
                throw e;
            }
            done = next == null;
        }
        return next != null;
    }

    @Override
    public Cycle next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more cycles");
        }
        Cycle c = next;
        next = null;
        return c;
    }

    private Cycle advance() {
        List<Double> numbers = new ArrayList<>(runs.size());
        List<ColumnBatch> rows = new ArrayList<>(runs.size());
        String ended = null;
        String remaining = null;
        double remainingCycle = 0;
        for (int i = 0; i < runs.size(); i++) {
            Runs r = runs.get(i);
            if (r.hasRun()) {
                if (remaining == null) {
                    remaining = keys.get(i);
                    remainingCycle = r.peekCycle();
                }
            } else if (ended == null) {
                ended = keys.get(i);
            }
        }
        if (remaining == null) {
            return null;
        }
        if (ended != null) {
            throw new CycleMismatchException(dataset.path(), "/" + remaining, "table " + remaining
                    + " has more cycles than " + ended + ": cycle " + format(remainingCycle) + " of " + remaining
                    + " has no counterpart because " + ended + " has ended");
        }
        for (Runs r : runs) {
            numbers.add(r.peekCycle());
        }
        double cycle = numbers.get(0);
        for (double n : numbers) {
            if (n != cycle) {
                StringBuilder sb = new StringBuilder("Different cycle indices across entries:");
                for (int i = 0; i < keys.size(); i++) {
                    sb.append(' ').append(keys.get(i)).append('=').append(format(numbers.get(i)));
                }
                throw new CycleMismatchException(dataset.path(), null, sb.toString());
            }
        }
        for (Runs r : runs) {
            rows.add(r.nextRun());
        }
        Map<String, ColumnBatch> byKey = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            byKey.put(keys.get(i), rows.get(i));
        }
        BatteryDataset ds = null;
        if (request.makeDataset()) {
            Map<String, ColumnBatch> byName = new LinkedHashMap<>();
            for (int i = 0; i < runs.size(); i++) {
                byName.put(runs.get(i).table().name(), rows.get(i));
            }
            ds = new BatteryDataset(metadata, schemas, byName);
        }
        return new Cycle(cycle, byKey, request.single(), ds);
    }

    /** A cycle number as Python prints it in messages: integral values without a fraction. */
    static String format(double v) {
        if (v == Math.rint(v) && !Double.isInfinite(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    @Override
    public void close() {
        if (done && runs.isEmpty()) {
            return;
        }
        done = true;
        next = null;
        try {
            runs.forEach(Runs::close);
            runs.clear();
        } finally {
            dataset.close();
        }
    }

    /** Runs of consecutive equal cycle numbers of one table, assembled across batch boundaries. */
    private static final class Runs {
        private final TableCursor cursor;
        private final int column;
        private ColumnBatch batch;
        private int position;
        private boolean exhausted;

        Runs(TableCursor cursor, int column) {
            this.cursor = cursor;
            this.column = column;
        }

        TableInfo table() {
            return cursor.table();
        }

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

        double peekCycle() {
            return batch.column(column).getDouble(position);
        }

        ColumnBatch nextRun() {
            double cycle = peekCycle();
            ColumnBatch out = null;
            while (hasRun()) {
                Column c = batch.column(column);
                int end = position;
                int n = batch.rowCount();
                while (end < n && c.getDouble(end) == cycle) {
                    end++;
                }
                if (end == position) {
                    break;
                }
                if (out == null) {
                    out = ColumnBatch.allocate(batch.layout(), end - position);
                    out.setFirstRow(batch.firstRow() + position);
                }
                out.appendRows(batch, position, end);
                position = end;
                if (end < n) {
                    break;
                }
            }
            return out;
        }

        void close() {
            cursor.close();
        }
    }
}
