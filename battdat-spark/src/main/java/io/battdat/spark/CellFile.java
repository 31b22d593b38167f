package io.battdat.spark;

import io.battdat.api.WriteException;
import io.battdat.api.data.BatchBuffer;
import io.battdat.api.data.BooleanColumn;
import io.battdat.api.data.Column;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.DoubleColumn;
import io.battdat.api.data.FloatColumn;
import io.battdat.api.data.LongColumn;
import io.battdat.api.data.StringColumn;
import io.battdat.api.data.TableLayout;
import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.spi.WriteMode;
import io.battdat.streaming.BattdatEngine;
import io.battdat.streaming.HDF5Writer;
import org.apache.spark.sql.Row;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The battdat file of one cell being written by a task: Spark rows are copied into the columns of one
 * {@link ColumnBatch}, which goes to {@link HDF5Writer#writeBatch} whenever it is full. A null where the file
 * cannot hold one (an integer, a boolean), or a string wider than its column, is an error naming the file, the
 * row and the column; a null double is written as NaN, a null string as empty.
 */
final class CellFile implements AutoCloseable {
    private final Path file;
    private final String table;
    private final HDF5Writer writer;
    private final BatchBuffer batch;
    private final int[] ordinals;
    private final boolean created;
    private long rows;

    /**
     * @param layout   the columns of a new table (ignored when appending to an existing one)
     * @param ordinals for each column of {@code layout} (by name), the Spark row ordinal holding it
     */
    CellFile(BattdatEngine engine, Path file, String cell, WriteConfig config, WriteMode mode, TableLayout layout,
             String[] names, int[] ordinals, BatteryMetadata metadata) {
        this.file = file;
        this.created = !Files.exists(file);
        String key = config.cellGroups() ? cell : "";
        this.table = (key.isEmpty() ? "" : "/" + key) + "/raw_data";
        TableLayout target = mode == WriteMode.APPEND && !created ? existingLayout(engine, file, key, layout) : layout;
        this.ordinals = new int[target.size()];
        for (int i = 0; i < target.size(); i++) {
            int at = Arrays.asList(names).indexOf(target.column(i).name());
            if (at < 0) {
                throw new WriteException(file, table, "the existing table has column " + target.column(i).name()
                        + ", which the DataFrame lacks");
            }
            this.ordinals[i] = ordinals[at];
        }
        if (target.size() != names.length) {
            throw new WriteException(file, table, "the existing table's columns " + target.names()
                    + " differ from the DataFrame's " + Arrays.toString(names));
        }
        this.writer = HDF5Writer.builder(file).engine(engine).mode(mode).key(key).metadata(metadata)
                .complevel(config.complevel()).complib(config.complib()).layout(target)
                .bufferSize(config.batchRows()).open();
        this.batch = BatchBuffer.allocate(target, config.batchRows());
    }

    private static TableLayout existingLayout(BattdatEngine engine, Path file, String key, TableLayout fallback) {
        try (var ds = engine.open(file)) {
            String tableKey = key.isEmpty() ? "raw_data" : key + "/raw_data";
            return ds.tables().stream().filter(t -> t.key().equals(tableKey)).map(t -> t.layout())
                    .findFirst().orElse(fallback);
        }
    }

    /** Copies one row into the batch; writes the batch when it is full. */
    void add(Row row) {
        int at = batch.rowCount();
        for (int c = 0; c < ordinals.length; c++) {
            int o = ordinals[c];
            Column column = batch.column(c);
            boolean isNull = row.isNullAt(o);
            if (column instanceof DoubleColumn d) {
                d.buffer()[at] = isNull ? Double.NaN : ((Number) row.get(o)).doubleValue();
            } else if (column instanceof FloatColumn f) {
                f.buffer()[at] = isNull ? Float.NaN : ((Number) row.get(o)).floatValue();
            } else if (column instanceof LongColumn l) {
                l.buffer()[at] = ((Number) notNull(row, o, column, isNull)).longValue();
            } else if (column instanceof BooleanColumn b) {
                b.buffer()[at] = (Boolean) notNull(row, o, column, isNull);
            } else if (column instanceof StringColumn s) {
                putString(s, at, isNull ? "" : row.get(o).toString());
            }
        }
        batch.setRowCount(at + 1);
        rows++;
        if (batch.rowCount() == batch.capacity()) {
            drain();
        }
    }

    private Object notNull(Row row, int ordinal, Column column, boolean isNull) {
        if (isNull) {
            throw new WriteException(file, table, rows, "column " + column.spec().name() + " is null; a "
                    + column.spec().numpyDtype() + " column cannot hold null (fill or drop it first)", null);
        }
        return row.get(ordinal);
    }

    private void putString(StringColumn s, int at, String value) {
        byte[] text = value.getBytes(StandardCharsets.UTF_8);
        int width = s.spec().itemSize();
        if (text.length > width) {
            throw new WriteException(file, table, rows, "value of column " + s.spec().name() + " is " + text.length
                    + " bytes, wider than the column's " + width, null);
        }
        byte[] dst = s.buffer();
        int off = at * width;
        System.arraycopy(text, 0, dst, off, text.length);
        Arrays.fill(dst, off + text.length, off + width, (byte) 0);
    }

    private void drain() {
        if (batch.rowCount() > 0) {
            writer.writeBatch(batch);
            batch.clear();
        }
    }

    /** Writes the last rows and completes the file. */
    @Override
    public void close() {
        drain();
        writer.close();
    }

    /**
     * Gives up after a failure: the writer is aborted (a file this task created and never committed leaves nothing)
     * and a file this task created is removed (a retried task writes it anew). An appended file keeps the rows of
     * its completed flushes.
     */
    void abort(Throwable failure) {
        try {
            writer.abort();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
        if (created) {
            try {
                Files.deleteIfExists(file);
            } catch (java.io.IOException e) {
                failure.addSuppressed(e);
            }
        }
    }
}
