package io.battdat.cli;

import io.battdat.api.BadFormatException;
import io.battdat.api.ErrorLocation;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.TableLayout;
import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.schema.ColumnSchema;
import io.battdat.api.spi.DatasetSink;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.TableCursor;
import io.battdat.api.spi.TableInfo;
import io.battdat.api.spi.TableSink;
import io.battdat.api.spi.WriteMode;
import io.battdat.api.spi.WriteOptions;
import io.battdat.streaming.BattdatEngine;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Writes a new battdat file from an open one through the same path as {@code battdat copy}: the backend chosen
 * from the output path, a {@link DatasetSink} opened with the input's metadata, tables created and filled in
 * batches, {@link DatasetSink#abort()} on any failure so that no partial file is left looking complete, and the
 * commit at {@link DatasetSink#close()}.
 */
final class DatasetRewrite implements AutoCloseable {
    private final Path in;
    private final DatasetSink sink;
    private boolean done;

    private DatasetRewrite(Path in, DatasetSink sink) {
        this.in = in;
        this.sink = sink;
    }

    /** Opens OUT for a dataset with IN's metadata; {@code append} adds to an existing OUT instead of replacing it. */
    static DatasetRewrite open(BattdatEngine engine, StoredDataset source, Path out, boolean append) {
        String metadataJson = source.metadataJson();
        WriteOptions options = WriteOptions.create(BatteryMetadata.fromJson(metadataJson))
                .withMode(append ? WriteMode.APPEND : WriteMode.OVERWRITE).withMetadataJson(metadataJson);
        return new DatasetRewrite(source.path(), engine.registry().openSink(out, options));
    }

    /** Copies one table as it is. */
    long copy(StoredDataset source, TableInfo t, BattdatEngine engine) {
        if (t.schema() == null) {
            throw new BadFormatException(ErrorLocation.of(in, t.path()),
                    "cannot copy a table whose column schema does not parse: " + t.schemaError(), null);
        }
        TableSink target = sink.createTable(t.key(), t.layout(), t.schema(), t.rows());
        long rows = 0;
        try (TableCursor cursor = source.openTable(t.key(), engine.options())) {
            while (cursor.next()) {
                target.append(cursor.batch(), 0, cursor.batch().rowCount());
                rows += cursor.batch().rowCount();
            }
        }
        return rows;
    }

    /** A new table that the caller fills with {@link TableSink#append}. */
    TableSink create(String key, TableLayout layout, ColumnSchema schema, long expectedRows) {
        return sink.createTable(key, layout, schema, expectedRows);
    }

    /** Writes a whole batch into a new table. */
    void write(String key, ColumnBatch batch, ColumnSchema schema) {
        sink.createTable(key, batch.layout(), schema, batch.rowCount()).append(batch, 0, batch.rowCount());
    }

    /** A consumer that appends each batch to a table. */
    static Consumer<ColumnBatch> into(TableSink target) {
        return b -> target.append(b, 0, b.rowCount());
    }

    /** Commits the output (the file takes its name, or the appended rows become visible). */
    void commit() {
        done = true;
        sink.close();
    }

    /** Aborts unless committed: the output keeps no partial table. */
    @Override
    public void close() {
        if (!done) {
            done = true;
            sink.abort();
        }
    }
}
