package io.battdat.streaming;

import io.battdat.api.BadFormatException;
import io.battdat.api.BattdatException;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.Row;
import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.schema.ColumnSchema;
import io.battdat.api.spi.ReadOptions;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.TableCursor;
import io.battdat.api.spi.TableInfo;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streams battdat datasets from any storage backend found in the {@link StorageRegistry}: records, columnar
 * batches, or cycles across tables. Thread-safe; every stream it returns is used by one thread and must be
 * closed (try-with-resources). Get one with {@link Battdat#engine()} or by injecting it ({@link BattdatModule}).
 */
public final class BattdatEngine {
    /** The table read when no key is given. */
    public static final String DEFAULT_KEY = "raw_data";

    private static final Logger LOG = LoggerFactory.getLogger(BattdatEngine.class);

    private final StorageRegistry registry;
    private final ReadOptions options;

    /**
     * @param registry the storage backends
     * @param options  how tables are read unless a call says otherwise
     */
    @Inject
    public BattdatEngine(StorageRegistry registry, ReadOptions options) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The storage backends this engine uses. */
    public StorageRegistry registry() {
        return registry;
    }

    /** The default read options. */
    public ReadOptions options() {
        return options;
    }

    /** Opens a dataset with the backend that recognises it. The caller closes it. */
    public StoredDataset open(Path file) {
        return registry.readerFor(file).open(file);
    }

    /**
     * The metadata, cells and column schemas of a file, by the rules of Python's {@code inspect_hdf} (spec 1.10),
     * without reading rows. A table whose schema does not parse is skipped as foreign, unless it carries a
     * {@code battdat_version} attribute: then it is an error, as in Python. A table name whose schema differs
     * between prefixes is logged; the last one wins.
     *
     * @throws BadFormatException       when the root metadata is missing or invalid
     * @throws io.battdat.api.SchemaViolationException for a battdat table whose schema does not parse
     */
    public DatasetSummary inspect(Path file) {
        try (StoredDataset ds = open(file)) {
            BatteryMetadata metadata;
            try {
                metadata = BatteryMetadata.fromJson(ds.metadataJson());
            } catch (BadFormatException e) {
                throw new BadFormatException(file, "/", e.getRawMessage(), e);
            }
            List<String> prefixes = new ArrayList<>();
            Map<String, io.battdat.api.schema.ColumnSchema> schemas = new LinkedHashMap<>();
            List<String> ignored = new ArrayList<>(ds.ignoredTables());
            for (TableInfo t : ds.tables()) {
                ColumnSchema schema = Cycles.schemaOf(ds, t);
                if (schema == null) {
                    ignored.add(t.path() + " (" + t.schemaError() + ")");
                    continue;
                }
                if (!prefixes.contains(t.prefix())) {
                    prefixes.add(t.prefix());
                }
                ColumnSchema previous = schemas.put(t.name(), schema);
                if (previous != null && !previous.equals(schema)) {
                    LOG.warn("{}: schema of table {} does not match others", file, t.path());
                }
            }
            return new DatasetSummary(metadata, prefixes, schemas, ignored);
        }
    }

    /** The rows of one table as batches; key null means {@code raw_data}; a key may carry a prefix. */
    public BatchStream batches(Path file, String key) {
        return batches(file, key, options);
    }

    /** The rows of one table as batches, read with the given options. */
    public BatchStream batches(Path file, String key, ReadOptions readOptions) {
        StoredDataset dataset = open(file);
        try {
            TableCursor cursor = dataset.openTable(key == null ? DEFAULT_KEY : key, readOptions);
            return new TableBatchStream(dataset, cursor);
        } catch (RuntimeException e) {
            dataset.close();
            throw e;
        }
    }

    /** The rows of one table one record at a time, in storage order; key null means {@code raw_data}. */
    public RecordStream records(Path file, String key) {
        return new TableRecordStream(batches(file, key));
    }

    /** The records of one table as a {@link Stream}; closing the stream closes the file. */
    public Stream<Row> recordStream(Path file, String key) {
        RecordStream records = records(file, key);
        Spliterator<Row> split = Spliterators.spliteratorUnknownSize(records, Spliterator.ORDERED | Spliterator.NONNULL);
        return StreamSupport.stream(split, false).onClose(records::close);
    }

    /**
     * The cycles of one or several tables: runs of consecutive equal {@code cycle_number} (compared as numbers),
     * the tables advanced in lockstep.
     *
     * <p>Differences from Python's {@code iterate_cycles_from_file}, on purpose: where one table has more cycles
     * than another, the tail does not vanish silently: a {@link io.battdat.api.CycleMismatchException} names the
     * table that still has rows, its next cycle number and the table that ended. {@link CycleRequest#allTables(String)}
     * streams every table of a prefixed cell.
     *
     * @throws io.battdat.api.CycleMismatchException   from {@code next()}, when the tables disagree on a cycle number
     * @throws io.battdat.api.SchemaViolationException when a table has no {@code cycle_number} column
     */
    public CycleStream cycles(Path file, CycleRequest request) {
        StoredDataset dataset = open(file);
        try {
            return new Cycles(dataset, request, options);
        } catch (RuntimeException e) {
            dataset.close();
            throw e;
        }
    }

    /** A table's batches; owns the dataset. */
    private static final class TableBatchStream implements BatchStream {
        private final StoredDataset dataset;
        private final TableCursor cursor;
        private boolean advanced;
        private boolean hasNext;
        private boolean closed;

        TableBatchStream(StoredDataset dataset, TableCursor cursor) {
            this.dataset = dataset;
            this.cursor = cursor;
        }

        @Override
        public TableInfo table() {
            return cursor.table();
        }

        @Override
        public boolean hasNext() {
            if (closed) {
                return false;
            }
            if (!advanced) {
                try {
                    hasNext = cursor.next();
                } catch (BattdatException e) {
                    close();
                    throw e;
                }
                advanced = true;
            }
            return hasNext;
        }

        @Override
        public ColumnBatch next() {
            if (!hasNext()) {
                throw new NoSuchElementException("no more batches in " + cursor.table().path());
            }
            advanced = false;
            return cursor.batch();
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                try {
                    cursor.close();
                } finally {
                    dataset.close();
                }
            }
        }
    }

    /** Records over a batch stream: one row cursor moved over each batch. */
    private static final class TableRecordStream implements RecordStream {
        private final BatchStream batches;
        private final Row row = Row.detached();
        private ColumnBatch batch;
        private int index;

        TableRecordStream(BatchStream batches) {
            this.batches = batches;
        }

        @Override
        public TableInfo table() {
            return batches.table();
        }

        @Override
        public boolean hasNext() {
            while (batch == null || index >= batch.rowCount()) {
                if (!batches.hasNext()) {
                    return false;
                }
                batch = batches.next();
                index = 0;
            }
            return true;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException("no more records in " + batches.table().path());
            }
            return row.attach(batch, index++);
        }

        @Override
        public void close() {
            batches.close();
        }
    }
}
