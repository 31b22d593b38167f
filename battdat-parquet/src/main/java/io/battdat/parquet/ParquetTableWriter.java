package io.battdat.parquet;

import io.battdat.api.BattdatException;
import io.battdat.api.ErrorLocation;
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
 * held in memory. The footer, with the key-value metadata, is written by {@link #commit}; until then the file is
 * incomplete, which is why it is written under a temporary name.
 *
 * <p>A commit completes the file (footer) and renames it over the table's committed name, so the table's file is
 * always a complete Parquet file that pyarrow and our reader open. Writing then goes on in a new temporary file
 * that starts with the committed file's row groups, copied byte for byte (Parquet cannot be extended in place: its
 * footer is at the end); a commit therefore costs a copy of the table's committed bytes.
 */
final class ParquetTableWriter implements TableSink {
    /** Rows written to every column before the store's page-size check runs, so pages stay close to their size. */
    private static final int STRIDE = 4096;
    /** A row group is also closed when its buffered pages reach this size (wide tables in small heaps). */
    private static final long MAX_GROUP_BYTES = 24L << 20;

    private final Path dataset;
    private final String table;
    private Path file;
    private final TableLayout layout;
    private final MessageType schema;
    private final ColumnDescriptor[] descriptors;
    private final Map<String, String> keyValues;
    private final ParquetProperties props;
    private final CompressionCodecName codec;
    private final int level;
    private final int rowGroupRows;
    private ParquetFileWriter writer;
    /** Commits this table alone ({@link #flush()}); set by the dataset writer. */
    private Runnable commitThisTable = () -> { };

    private ColumnChunkPageWriteStore pageStore;
    private ColumnWriteStore store;
    private ColumnWriter[] columns;
    private int rowsInGroup;
    private long rowsWritten;
    private long committedRows;
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
        this.writer = start(file);
    }

    private ParquetFileWriter start(Path f) {
        try {
            Files.createDirectories(f.getParent());
            ParquetFileWriter w = new ParquetFileWriter(new LocalOutputFile(f), schema, ParquetFileWriter.Mode.CREATE,
                    Long.MAX_VALUE, 0, null, props);
            w.start();
            return w;
        } catch (IOException e) {
            throw new WriteException(ErrorLocation.of(dataset, table), "cannot create " + f + ": " + e, e);
        }
    }

    void onFlush(Runnable commit) {
        this.commitThisTable = commit;
    }

    /** The temporary file moved with its directory (a new dataset's staging directory taking its name). */
    void moved(Path from, Path to) {
        file = to.resolve(from.relativize(file));
    }

    /**
     * Completes the file and renames it to {@code committed}; unless {@code next} is null, goes on writing into
     * {@code next}, which starts with the committed row groups. Returns the rows this commit made visible.
     */
    long commit(Path committed, Path next, boolean fsync) {
        ensureOpen();
        long before = committedRows;
        writeRowGroup();
        try {
            writer.end(keyValues);
            if (fsync) {
                try (java.nio.channels.FileChannel c = java.nio.channels.FileChannel.open(file,
                        java.nio.file.StandardOpenOption.WRITE)) {
                    c.force(true);
                }
            }
            moveAtomically(file, committed);
        } catch (IOException | RuntimeException e) {
            finished = true;
            throw new WriteException(ErrorLocation.of(dataset, table, rowsWritten),
                    "cannot commit " + file + " as " + committed + ": " + e, e);
        }
        committedRows = rowsWritten;
        List<BlockMetaData> groups = writer.getFooter().getBlocks();
        if (next == null) {
            finished = true;
            return committedRows - before;
        }
        file = next;
        writer = start(next);
        try (SeekableInputStream in = new ChannelInputStream(committed)) {
            writer.appendRowGroups(in, groups, false);
        } catch (IOException | RuntimeException e) {
            finished = true;
            throw new WriteException(ErrorLocation.of(dataset, table, rowsWritten),
                    "cannot carry the committed rows of " + committed + " into " + next + ": " + e, e);
        }
        return committedRows - before;
    }

    static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
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
            committedRows = rowsWritten;
        } catch (IOException | RuntimeException e) {
            throw new WriteException(ErrorLocation.of(dataset, table),
                    "cannot copy the rows of " + existing + ": " + e, e);
        }
    }

    @Override
    public void append(ColumnBatch batch, int from, int to) {
        ensureOpen();
        if (!batch.layout().equals(layout)) {
            throw new WriteException(ErrorLocation.of(dataset, table),
                    "batch columns " + batch.layout() + " differ from the table's " + layout, null);
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
            throw new WriteException(ErrorLocation.of(dataset, table, rowsWritten + rowsInGroup),
                    "cannot write to " + file + ": " + e, e);
        }
    }

    /**
     * Writes rows {@code [from, from + n)} of column {@code c}. A scalar has one value per row. An array member's rows
     * are lists of their values in row-major order (a complex value as real and imaginary part): each row's first
     * value starts a record (repetition level 0), the others continue it (level 1); every value is defined, so the
     * list is never null or empty.
     */
    private void write(int c, ColumnBatch batch, int from, int n) {
        ColumnWriter w = columns[c];
        int defined = descriptors[c].getMaxDefinitionLevel();
        var spec = layout.column(c);
        int per = descriptors[c].getMaxRepetitionLevel() > 0 ? ParquetTypes.ArrayMember.of(spec).valuesPerRow() : 1;
        int end = (from + n) * per;
        switch (spec.type()) {
            case FLOAT64, COMPLEX64, COMPLEX128 -> {
                double[] v = ((DoubleColumn) batch.column(c)).buffer();
                for (int i = from * per; i < end; i++) {
                    w.write(v[i], repetitionLevel(i, per), defined);
                }
            }
            case FLOAT32 -> {
                float[] v = ((FloatColumn) batch.column(c)).buffer();
                for (int i = from * per; i < end; i++) {
                    w.write(v[i], repetitionLevel(i, per), defined);
                }
            }
            case FLOAT16 -> {
                float[] v = ((FloatColumn) batch.column(c)).buffer();
                byte[] two = new byte[2];
                for (int i = from * per; i < end; i++) {
                    int h = HalfFloats.fromFloat(v[i]);
                    two[0] = (byte) h;
                    two[1] = (byte) (h >>> 8);
                    w.write(Binary.fromReusedByteArray(two), repetitionLevel(i, per), defined);
                }
            }
            case INT64, UINT64 -> {
                long[] v = ((LongColumn) batch.column(c)).buffer();
                for (int i = from * per; i < end; i++) {
                    w.write(v[i], repetitionLevel(i, per), defined);
                }
            }
            case INT8, INT16, INT32, UINT8, UINT16, UINT32 -> {
                long[] v = ((LongColumn) batch.column(c)).buffer();
                for (int i = from * per; i < end; i++) {
                    w.write((int) v[i], repetitionLevel(i, per), defined);
                }
            }
            case BOOL -> {
                boolean[] v = ((BooleanColumn) batch.column(c)).buffer();
                for (int i = from * per; i < end; i++) {
                    w.write(v[i], repetitionLevel(i, per), defined);
                }
            }
            case STRING -> {
                byte[] bytes = ((StringColumn) batch.column(c)).buffer();
                int item = spec.itemSize();
                for (int i = from * per; i < end; i++) {
                    int at = i * item;
                    int length = item;
                    while (length > 0 && bytes[at + length - 1] == 0) {
                        length--; // NUL padding, as numpy strips it from S<n> values
                    }
                    w.write(Binary.fromReusedByteArray(bytes, at, length), repetitionLevel(i, per), defined);
                }
            }
            default -> throw new IllegalStateException("unexpected column type " + spec);
        }
    }

    /** 0 for the first of a row's {@code valuesPerRow} values (always, for a scalar), 1 for the ones after it. */
    private static int repetitionLevel(int value, int valuesPerRow) {
        // scalars skip the division: this runs once per value written
        return valuesPerRow == 1 || value % valuesPerRow == 0 ? 0 : 1;
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

    /** Commits this table: its rows so far become readable under the table's name (see the class comment). */
    @Override
    public long flush() {
        ensureOpen();
        long before = committedRows;
        commitThisTable.run();
        return committedRows - before;
    }

    /** Writes the open row group into the file (not yet readable: the footer comes at the commit). */
    void writeRowGroup() {
        ensureOpen();
        try {
            endGroup();
        } catch (IOException | RuntimeException e) {
            throw new WriteException(ErrorLocation.of(dataset, table, rowsWritten),
                    "cannot write a row group to " + file + ": " + e, e);
        }
    }

    /** Rows of completed commits. */
    @Override
    public long rowsWritten() {
        return committedRows;
    }

    /**
     * Clears the monotonic declaration of columns in the column schema the footer will hold. Appends write a new
     * file, so the schema is written fresh; refused once the footer is written.
     */
    void clearMonotonic(java.util.Set<String> columns) {
        String json = keyValues.get(KeyValueMetadata.TABLE_METADATA);
        if (finished || json == null) {
            throw new io.battdat.api.UnsupportedFeatureException(io.battdat.api.ErrorLocation.of(dataset, table),
                    "cannot clear the monotonic "
                    + "declaration of " + columns + ": " + (finished ? "the table's file is complete"
                    : "the table has no column schema"), null);
        }
        keyValues.put(KeyValueMetadata.TABLE_METADATA,
                io.battdat.api.schema.ColumnSchema.fromJson(json).withMonotonicCleared(columns).toJson());
    }

    /** Stops without a footer; the caller deletes the file. Returns false when there was no open file to stop. */
    boolean abort() {
        if (finished) {
            return false;
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
        return true;
    }

    private void ensureOpen() {
        if (finished) {
            throw new WriteException(ErrorLocation.of(dataset, table),
                    "the table's file is complete; no more rows can be added", null);
        }
    }
}
