package io.battdat.parquet;

import io.battdat.api.BattdatException;
import io.battdat.api.WriteException;
import io.battdat.api.data.BooleanColumn;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.DoubleColumn;
import io.battdat.api.data.FloatColumn;
import io.battdat.api.data.LongColumn;
import io.battdat.api.data.StringColumn;
import io.battdat.api.data.TableLayout;
import io.battdat.api.spi.TableSink;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes one table file. Values go column by column from the batch's primitive arrays into parquet-java's column
 * writers (dictionary or plain encoding, pages of about 1 MiB, statistics); every {@code rowGroupRows} rows, or on
 * {@link #flush()}, the buffered pages are compressed into a row group and written out, so at most one row group is
 * held in memory. The footer, with the key-value metadata, is written by {@link #finish}; until then the file is
 * incomplete, which is why it is written under a temporary name.
 */
final class ParquetTableWriter implements TableSink {
    /** Rows written to every column before the store's page-size check runs, so pages stay close to their size. */
    private static final int STRIDE = 4096;
    /** A row group is also closed when its buffered pages reach this size (wide tables in small heaps). */
    private static final long MAX_GROUP_BYTES = 24L << 20;

    private final Path dataset;
    private final String table;
    private final Path file;
    private final TableLayout layout;
    private final MessageType schema;
    private final ColumnDescriptor[] descriptors;
    private final Map<String, String> keyValues;
    private final ParquetProperties props;
    private final CompressionCodecName codec;
    private final int level;
    private final int rowGroupRows;
    private final ParquetFileWriter writer;

    private ColumnChunkPageWriteStore pageStore;
    private ColumnWriteStore store;
    private ColumnWriter[] columns;
    private int rowsInGroup;
    private long rowsWritten;
    private boolean finished;

    ParquetTableWriter(Path dataset, String table, Path file, TableLayout layout, Map<String, String> keyValues,
                       CompressionCodecName codec, int level, int rowGroupRows) {
        this.dataset = dataset;
        this.table = table;
        this.file = file;
        this.layout = layout;
        this.schema = ParquetTypes.schemaOf(layout);
        this.descriptors = schema.getColumns().toArray(new ColumnDescriptor[0]);
        this.keyValues = keyValues;
        this.codec = codec;
        this.level = level;
        this.rowGroupRows = rowGroupRows;
        this.props = ParquetProperties.builder()
                .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0)
                .withDictionaryEncoding(true)
                .withPageSize(1 << 20)
                .withDictionaryPageSize(1 << 20)
                .build();
        try {
            Files.createDirectories(file.getParent());
            this.writer = new ParquetFileWriter(new LocalOutputFile(file), schema, ParquetFileWriter.Mode.CREATE,
                    Long.MAX_VALUE, 0, null, props);
            writer.start();
        } catch (IOException e) {
            throw new WriteException(dataset, table, -1, "cannot create " + file + ": " + e, e);
        }
    }

    /** The path the rows go to (a temporary name until the dataset is closed). */
    Path file() {
        return file;
    }

    @Override
    public TableLayout layout() {
        return layout;
    }

    /** Copies every row group of an existing file of the same schema, bytes as they are, before any new row. */
    void copyRowGroupsOf(Path existing, SeekableInputStream in, List<BlockMetaData> groups) {
        try {
            writer.appendRowGroups(in, groups, false);
            for (BlockMetaData g : groups) {
                rowsWritten += g.getRowCount();
            }
        } catch (IOException | RuntimeException e) {
            throw new WriteException(dataset, table, -1, "cannot copy the rows of " + existing + ": " + e, e);
        }
    }

    @Override
    public void append(ColumnBatch batch, int from, int to) {
        ensureOpen();
        if (!batch.layout().equals(layout)) {
            throw new WriteException(dataset, table, -1, "batch columns " + batch.layout() + " differ from the table's "
                    + layout, null);
        }
        try {
            int row = from;
            while (row < to) {
                if (store == null) {
                    startGroup();
                }
                int n = Math.min(Math.min(to - row, STRIDE), rowGroupRows - rowsInGroup);
                for (int c = 0; c < columns.length; c++) {
                    write(c, batch, row, n);
                }
                for (int i = 0; i < n; i++) {
                    store.endRecord();
                }
                rowsInGroup += n;
                row += n;
                if (rowsInGroup >= rowGroupRows || store.getBufferedSize() >= MAX_GROUP_BYTES) {
                    endGroup();
                }
            }
        } catch (BattdatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new WriteException(dataset, table, rowsWritten + rowsInGroup, "cannot write to " + file + ": " + e, e);
        }
    }

    private void write(int c, ColumnBatch batch, int from, int n) {
        ColumnWriter w = columns[c];
        int defined = descriptors[c].getMaxDefinitionLevel();
        switch (layout.column(c).type()) {
            case FLOAT64 -> {
                double[] v = ((DoubleColumn) batch.column(c)).buffer();
                for (int i = from; i < from + n; i++) {
                    w.write(v[i], 0, defined);
                }
            }
            case FLOAT32 -> {
                float[] v = ((FloatColumn) batch.column(c)).buffer();
                for (int i = from; i < from + n; i++) {
                    w.write(v[i], 0, defined);
                }
            }
            case FLOAT16 -> {
                float[] v = ((FloatColumn) batch.column(c)).buffer();
                byte[] two = new byte[2];
                for (int i = from; i < from + n; i++) {
                    int h = HalfFloats.fromFloat(v[i]);
                    two[0] = (byte) h;
                    two[1] = (byte) (h >>> 8);
                    w.write(Binary.fromReusedByteArray(two), 0, defined);
                }
            }
            case INT64, UINT64 -> {
                long[] v = ((LongColumn) batch.column(c)).buffer();
                for (int i = from; i < from + n; i++) {
                    w.write(v[i], 0, defined);
                }
            }
            case INT8, INT16, INT32, UINT8, UINT16, UINT32 -> {
                long[] v = ((LongColumn) batch.column(c)).buffer();
                for (int i = from; i < from + n; i++) {
                    w.write((int) v[i], 0, defined);
                }
            }
            case BOOL -> {
                boolean[] v = ((BooleanColumn) batch.column(c)).buffer();
                for (int i = from; i < from + n; i++) {
                    w.write(v[i], 0, defined);
                }
            }
            case STRING -> {
                StringColumn s = (StringColumn) batch.column(c);
                byte[] bytes = s.buffer();
                int width = s.width();
                for (int i = from; i < from + n; i++) {
                    w.write(Binary.fromReusedByteArray(bytes, i * width, s.length(i)), 0, defined);
                }
            }
            default -> throw new IllegalStateException("unexpected column type " + layout.column(c));
        }
    }

    private void startGroup() {
        pageStore = new ColumnChunkPageWriteStore(ParquetCodecs.INSTANCE.getCompressor(codec, level), schema,
                props.getAllocator(), props.getColumnIndexTruncateLength(), props.getPageWriteChecksumEnabled());
        store = props.newColumnWriteStore(schema, pageStore, pageStore);
        columns = new ColumnWriter[descriptors.length];
        for (int c = 0; c < descriptors.length; c++) {
            columns[c] = store.getColumnWriter(descriptors[c]);
        }
        rowsInGroup = 0;
    }

    /** Compresses the buffered pages into a row group at the end of the file. */
    private void endGroup() throws IOException {
        if (store == null) {
            return;
        }
        try {
            if (rowsInGroup > 0) {
                writer.startBlock(rowsInGroup);
                store.flush();
                pageStore.flushToFileWriter(writer);
                writer.endBlock();
                rowsWritten += rowsInGroup;
            }
        } finally {
            store.close();
            pageStore.close();
            store = null;
            pageStore = null;
            columns = null;
            rowsInGroup = 0;
        }
    }

    /** Writes the open row group; the rows become readable when the dataset is closed (Parquet's footer). */
    @Override
    public long flush() {
        ensureOpen();
        long before = rowsWritten;
        try {
            endGroup();
        } catch (IOException | RuntimeException e) {
            throw new WriteException(dataset, table, rowsWritten, "cannot write a row group to " + file + ": " + e, e);
        }
        return rowsWritten - before;
    }

    @Override
    public long rowsWritten() {
        return rowsWritten;
    }

    /**
     * Clears the monotonic declaration of columns in the column schema the footer will hold. Appends write a new
     * file, so the schema is written fresh; refused once the footer is written.
     */
    void clearMonotonic(java.util.Set<String> columns) {
        String json = keyValues.get(KeyValueMetadata.TABLE_METADATA);
        if (finished || json == null) {
            throw new io.battdat.api.UnsupportedFeatureException(dataset, table, "cannot clear the monotonic "
                    + "declaration of " + columns + ": " + (finished ? "the table's file is complete"
                    : "the table has no column schema"));
        }
        keyValues.put(KeyValueMetadata.TABLE_METADATA,
                io.battdat.api.schema.ColumnSchema.fromJson(json).withMonotonicCleared(columns).toJson());
    }

    /** Writes the last row group and the footer with the key-value metadata. */
    void finish() {
        if (finished) {
            return;
        }
        flush();
        finished = true;
        try {
            writer.end(keyValues);
        } catch (IOException | RuntimeException e) {
            throw new WriteException(dataset, table, -1, "cannot write the footer of " + file + ": " + e, e);
        }
    }

    /** Stops without a footer; the caller deletes the file. */
    void abort() {
        if (finished) {
            return;
        }
        finished = true;
        store = null;
        pageStore = null;
        writer.abort();
        try {
            writer.close();
        } catch (IOException | RuntimeException ignore) {
            // the file is deleted next
        }
    }

    private void ensureOpen() {
        if (finished) {
            throw new WriteException(dataset, table, "the table's file is complete; no more rows can be added");
        }
    }
}
