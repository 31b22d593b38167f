package io.battdat.spark;

import io.battdat.api.ErrorLocation;
import io.battdat.api.WriteException;
import io.battdat.api.data.BatchBuffer;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.TableLayout;
import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.spi.WriteMode;
import io.battdat.streaming.BattdatEngine;
import io.battdat.streaming.HDF5Writer;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The battdat file of one cell being written by a task: Spark's {@link InternalRow}s are copied into the primitive
 * columns of one {@link ColumnBatch} by one {@link ColumnCopier} per column, chosen when the file is opened; the
 * batch goes to {@link HDF5Writer#writeBatch} whenever it is full. A null where the file
 * cannot hold one (an integer, a boolean), or a string wider than its column, is an error naming the file, the
 * row and the column; a null double is written as NaN, a null string as empty.
 */
final class CellFile implements AutoCloseable {
    private final Path file;
    private final String table;
    private final HDF5Writer writer;
    private final BatchBuffer batch;
    private final ColumnCopier[] copiers;
    private final boolean created;
    /** For a remote file: the staging output {@link #file} is uploaded through; null for local files. */
    private final io.battdat.api.spi.StorageProvider.StagedOutput staged;
    private long rows;

    /**
     * @param layout   the columns of a new table (ignored when appending to an existing one)
     * @param ordinals for each column of {@code layout} (by name), the Spark row ordinal holding it
     * @param sparkTypes the Spark type of each Spark row ordinal
     * @param nullable   whether each Spark row ordinal may hold nulls
     */
    CellFile(BattdatEngine engine, Path file, String cell, WriteConfig config, WriteMode mode, TableLayout layout,
             String[] names, int[] ordinals, DataType[] sparkTypes, boolean[] nullable, BatteryMetadata metadata,
             io.battdat.api.spi.StorageProvider.StagedOutput staged) {
        this.file = file;
        this.staged = staged;
        this.created = !Files.exists(file);
        String key = config.cellGroups() ? cell : "";
        this.table = (key.isEmpty() ? "" : "/" + key) + "/raw_data";
        TableLayout target = mode == WriteMode.APPEND && !created ? existingLayout(engine, file, key, layout) : layout;
        int[] sourceOrdinals = new int[target.size()];
        for (int i = 0; i < target.size(); i++) {
            int at = Arrays.asList(names).indexOf(target.column(i).name());
            if (at < 0) {
                throw new WriteException(ErrorLocation.of(file, table),
                        "the existing table has column " + target.column(i).name()
                        + ", which the DataFrame lacks", null);
            }
            sourceOrdinals[i] = ordinals[at];
        }
        if (target.size() != names.length) {
            throw new WriteException(ErrorLocation.of(file, table), "the existing table's columns " + target.names()
                    + " differ from the DataFrame's " + Arrays.toString(names), null);
        }
        this.writer = HDF5Writer.builder(file).engine(engine).mode(mode).key(key).metadata(metadata)
                .complevel(config.complevel()).complib(config.complib()).layout(target)
                .bufferSize(config.batchRows()).monotonicPolicy(config.monotonicPolicy()).open();
        this.batch = BatchBuffer.allocate(target, config.batchRows());
        // the batch is never grown, so each copier keeps its column's array for the file's lifetime
        this.copiers = new ColumnCopier[target.size()];
        try {
            for (int i = 0; i < copiers.length; i++) {
                int o = sourceOrdinals[i];
                copiers[i] = ColumnCopier.of(batch.column(i), sparkTypes[o], o, nullable[o], file, table);
            }
        } catch (RuntimeException e) {
            abort(e);
            throw e;
        }
    }

    private static TableLayout existingLayout(BattdatEngine engine, Path file, String key, TableLayout fallback) {
        try (var ds = engine.open(file)) {
            String tableKey = key.isEmpty() ? "raw_data" : key + "/raw_data";
            return ds.tables().stream().filter(t -> t.key().equals(tableKey)).map(t -> t.layout())
                    .findFirst().orElse(fallback);
        }
    }

    /** Copies one row into the batch, column by column; writes the batch when it is full. */
    void add(InternalRow row) {
        int at = batch.rowCount();
        for (ColumnCopier copier : copiers) {
            copier.copy(row, at, rows);
        }
        batch.setRowCount(at + 1);
        rows++;
        if (at + 1 == batch.capacity()) {
            drain();
        }
    }

    private void drain() {
        if (batch.rowCount() > 0) {
            writer.writeBatch(batch);
            batch.clear();
        }
    }

    /**
     * Writes the last rows and completes the file; when that fails (a refused append, a full disk) the file is
     * aborted as by {@link #abort}, so nothing of this task is committed and the file is released.
     */
    @Override
    public void close() {
        try {
            drain();
            writer.close();
            if (staged != null) {
                staged.commit();
            }
        } catch (RuntimeException e) {
            abort(e);
            throw e;
        }
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
        if (staged != null) {
            staged.abort(); // nothing was uploaded; the staging copy goes
            return;
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
