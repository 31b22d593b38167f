package io.battdat.streaming;

import io.battdat.api.BadFormatException;
import io.battdat.api.ErrorLocation;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.Row;
import io.battdat.api.data.TableLayout;
import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.schema.ColumnSchema;
import io.battdat.api.spi.FollowOptions;
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
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streams battdat datasets from any storage backend found in the {@link StorageRegistry}: records, columnar
 * batches, or cycles across tables (docs/streaming.md). The engine names no backend: it asks the registry which
 * {@link io.battdat.api.spi.StreamReader} reads a file.
 *
 * <p>Thread-safe; every stream it returns is used by one thread. Each stream opens the file once when it is
 * created and keeps it open exactly until it is closed; an error while opening closes what was opened. Streams are
 * {@link AutoCloseable} (use try-with-resources), their {@code close()} is idempotent, and nothing relies on
 * finalizers or cleaners. Get an engine with {@link Battdat#engine()} or by injecting it ({@link BattdatModule}).
 */
public final class BattdatEngine {
    /** The table read when no key is given. */
    public static final String DEFAULT_KEY = "raw_data";

    private static final Logger LOG = LoggerFactory.getLogger(BattdatEngine.class);

    private final StorageRegistry registry;
    private final ReadOptions options;

    /**
     * An engine over the given backends.
     *
     * @param registry the storage backends
     * @param options  how tables are read unless a call says otherwise
     */
    @Inject
    public BattdatEngine(StorageRegistry registry, ReadOptions options) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * The storage backends this engine uses.
     *
     * @return the registry
     */
    public StorageRegistry registry() {
        return registry;
    }

    /**
     * The read options used when a call gives none.
     *
     * @return the default read options
     */
    public ReadOptions options() {
        return options;
    }

    /**
     * Opens a dataset with the backend that recognises it ({@link StorageRegistry#readerFor(Path)}). The caller
     * closes it.
     *
     * @param file the file (or directory) to open
     * @return the open dataset
     * @throws io.battdat.api.FileAccessException when the file does not exist or cannot be read
     * @throws io.battdat.api.PluginException     when no backend reads it
     */
    public StoredDataset open(Path file) {
        Objects.requireNonNull(file, "file");
        return registry.readerFor(file).open(file);
    }

    /**
     * Opens a dataset at a plain path or a URI ({@link StorageRegistry#openDataset(String)}): {@code hdfs://},
     * {@code s3a://} and other schemes are read through the {@link io.battdat.api.spi.StorageProvider} serving them.
     * The caller closes it.
     *
     * @param location a path, or a URI such as {@code s3a://bucket/lake/a.h5}
     * @return the open dataset
     * @throws io.battdat.api.FileAccessException when the file does not exist or cannot be read; the message names
     *                                            the location as written
     * @throws io.battdat.api.PluginException     when no backend reads it or no provider serves the scheme
     */
    public StoredDataset open(String location) {
        Objects.requireNonNull(location, "location");
        return registry.openDataset(location);
    }

    /**
     * As {@link #batches(Path, String, ReadOptions)}, for a path or a URI.
     *
     * @param location    a path or URI
     * @param key         the table key: {@code raw_data} (null means that), or {@code cell_a/raw_data}
     * @param readOptions how the backend reads
     * @return an open stream; close it (try-with-resources)
     */
    public BatchStream batches(String location, String key, ReadOptions readOptions) {
        Objects.requireNonNull(readOptions, "readOptions");
        return batchesOf(open(location), key, readOptions);
    }

    /**
     * As {@link #cycles(Path, CycleRequest)}, for a path or a URI.
     *
     * @param location a path or URI
     * @param request  which tables, and whether each cycle carries a dataset
     * @return an open stream; close it (try-with-resources)
     */
    public CycleStream cycles(String location, CycleRequest request) {
        Objects.requireNonNull(request, "request");
        return cyclesOf(open(location), request);
    }

    /**
     * The metadata, cells and column schemas of a file, by the rules of Python's {@code inspect_hdf} (docs/format.md
     * section 2.9), without reading rows. A table whose schema does not parse is skipped as foreign, unless it carries
     * a {@code battdat_version} attribute: then it is an error, as in Python. A table name whose schema differs
     * between prefixes is logged; the last one wins.
     *
     * @param file the file
     * @return what the file holds
     * @throws BadFormatException       when the root metadata is missing or invalid
     * @throws io.battdat.api.SchemaViolationException for a battdat table whose schema does not parse
     */
    public DatasetSummary inspect(Path file) {
        try (StoredDataset ds = open(file)) {
            return inspect(ds);
        }
    }

    /**
     * As {@link #inspect(Path)}, for a path or a URI ({@code hdfs://namenode/lake/a.h5}) read through a
     * {@link io.battdat.api.spi.StorageProvider}.
     *
     * @param location a path or URI
     * @return what the file holds
     */
    public DatasetSummary inspect(String location) {
        try (StoredDataset ds = open(location)) {
            return inspect(ds);
        }
    }

    private DatasetSummary inspect(StoredDataset ds) {
        String file = ds.location();
        {
            BatteryMetadata metadata;
            try {
                metadata = BatteryMetadata.fromJson(ds.metadataJson());
            } catch (BadFormatException e) {
                throw new BadFormatException(ErrorLocation.of(ds.path(), "/"), e.getRawMessage(), e).withLocation(file);
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
            return DatasetSummary.builder(metadata).prefixes(prefixes).schemas(schemas).ignored(ignored).build();
        }
    }

    /**
     * The rows of one table as batches, in storage order, read with this engine's {@link ReadOptions}; see
     * {@link #batches(Path, String, ReadOptions)}.
     *
     * @param file the file
     * @param key  the table key: {@code raw_data} (null means that), or {@code cell_a/raw_data}
     * @return an open stream; close it (try-with-resources)
     */
    public BatchStream batches(Path file, String key) {
        return batches(file, key, options);
    }

    /**
     * The rows of one table as batches, in storage order (docs/streaming.md section 3). The file is opened here and
     * stays open exactly until the stream is closed; exhausting the stream does not close it. Each batch is valid until
     * the next call to {@code next()} (backends reuse it); copy what you keep ({@link ColumnBatch#copy()}).
     *
     * @param file        the file
     * @param key         the table key: {@code raw_data} (null means that), or {@code cell_a/raw_data}
     * @param readOptions how the backend reads (batch size, decoding threads)
     * @return an open stream; close it (try-with-resources)
     * @throws io.battdat.api.FileAccessException  when the file does not exist or cannot be read
     * @throws io.battdat.api.PluginException      when no backend reads it
     * @throws io.battdat.api.KeyNotFoundException when the table does not exist; the message lists the tables
     */
    public BatchStream batches(Path file, String key, ReadOptions readOptions) {
        Objects.requireNonNull(readOptions, "readOptions");
        return batchesOf(open(file), key, readOptions);
    }

    private BatchStream batchesOf(StoredDataset dataset, String key, ReadOptions readOptions) {
        try {
            TableCursor cursor = dataset.openTable(key == null ? DEFAULT_KEY : key, readOptions);
            return new TableBatchStream(dataset, cursor);
        } catch (RuntimeException e) {
            closeAfterFailure(dataset, e);
            throw e;
        }
    }

    /**
     * As {@link #batches(Path, String, ReadOptions)}, with the read options chosen from the table's stored layout
     * once the file is open (post-processing picks the columns it needs without opening the file twice).
     */
    BatchStream batches(Path file, String key, Function<TableLayout, ReadOptions> chooseOptions) {
        StoredDataset dataset = open(file);
        try {
            String k = key == null ? DEFAULT_KEY : key;
            ReadOptions readOptions = Objects.requireNonNull(chooseOptions.apply(dataset.table(k).layout()),
                    "readOptions");
            TableCursor cursor = dataset.openTable(k, readOptions);
            return new TableBatchStream(dataset, cursor);
        } catch (RuntimeException e) {
            closeAfterFailure(dataset, e);
            throw e;
        }
    }

    /**
     * The rows of one table one record at a time, in storage order (Python's {@code iterate_records_from_file}).
     * {@code next()} returns the same {@link Row} every time, moved to the next record over the backend's batches:
     * it is valid until the next call and costs no allocation per record. Copy what you keep ({@link Row#toMap()}).
     * The file stays open until the stream is closed.
     *
     * @param file the file
     * @param key  the table key: {@code raw_data} (null means that), or {@code cell_a/raw_data}
     * @return an open stream; close it (try-with-resources)
     * @throws io.battdat.api.KeyNotFoundException when the table does not exist; the message lists the tables
     */
    public RecordStream records(Path file, String key) {
        return new TableRecordStream(batches(file, key));
    }

    /**
     * The records of one table as a {@link Stream}, as {@link #records(Path, String)}: one {@link Row} object moved
     * forward, so map each row to what you keep before the stream advances (no {@code sorted}, {@code collect} of
     * rows). Sequential. Closing the stream closes the file: use try-with-resources.
     *
     * @param file the file
     * @param key  the table key: {@code raw_data} (null means that), or {@code cell_a/raw_data}
     * @return an open stream
     */
    public Stream<Row> recordStream(Path file, String key) {
        RecordStream records = records(file, key);
        Spliterator<Row> split = Spliterators.spliteratorUnknownSize(records, Spliterator.ORDERED | Spliterator.NONNULL);
        return StreamSupport.stream(split, false).onClose(records::close);
    }

    /**
     * The cycles of one or several tables (Python's {@code iterate_cycles_from_file}, docs/streaming.md section 4):
     * runs of consecutive rows with equal {@code cycle_number} (compared as numbers: an int 0 equals a float 0.0),
     * gathered across batch boundaries, the tables advanced in lockstep (the i-th run of each table forms the i-th
     * cycle). A cycle number that comes back after another starts a new run, as in Python. The file is opened once,
     * with one cursor per table, and stays open until the stream is closed; a failure while opening or streaming closes
     * it.
     *
     * <p>When the i-th runs disagree, {@code next()} throws a {@link io.battdat.api.CycleMismatchException} with
     * Python's text, {@code Different cycle indices across entries: cycle_stats=1 raw_data=0} (keys in stream
     * order, integral numbers without a fraction), located at the file.
     *
     * <p><b>Deliberate difference from Python:</b> where one table has more cycles than another, Python stops
     * silently at the shortest table and drops the other tables' tails. This engine does not lose rows silently:
     * once a table has ended while another still has rows, {@code next()} throws a
     * {@link io.battdat.api.CycleMismatchException} located at the table that still has rows (and its next row),
     * naming its next cycle number and the table that ended. The cycles before that are delivered normally.
     *
     * @param file    the file
     * @param request which tables, and whether each cycle carries a dataset
     * @return an open stream; close it (try-with-resources)
     * @throws io.battdat.api.KeyNotFoundException     for a missing table or cell, or when {@link CycleRequest#allTables()}
     *                                                 meets a file of several cells (the message lists them)
     * @throws io.battdat.api.SchemaViolationException when a table has no numeric {@code cycle_number} column, or a
     *                                                 dataset is requested and a streamed table's schema does not
     *                                                 parse (file and table in the message)
     * @throws io.battdat.api.BadFormatException       when a dataset is requested and the file's metadata is invalid
     * @throws IllegalArgumentException                when a dataset is requested for tables of several cells, or
     *                                                 two keys name the same table
     */
    public CycleStream cycles(Path file, CycleRequest request) {
        Objects.requireNonNull(request, "request");
        return cyclesOf(open(file), request);
    }

    private CycleStream cyclesOf(StoredDataset dataset, CycleRequest request) {
        try {
            return new Cycles(dataset, request, options);
        } catch (RuntimeException e) {
            closeAfterFailure(dataset, e);
            throw e;
        }
    }

    /**
     * Follows one table while a writer appends to it (live follow): the batches committed so far, then each later
     * commit's rows as it lands, in order, each row exactly once; see {@link StoredDataset#followTable}. The stream
     * ends when the writer closes the file and every row was yielded, after {@link FollowOptions#idleTimeout()}
     * without a new row, or when it is closed (from any thread; a waiting {@code hasNext()} then returns false).
     *
     * <p>Like {@code tail -F}, a file or table that does not exist yet is waited for (polling at the follow's
     * interval, up to its idle timeout; without one, until it appears or the thread is interrupted), so a follower
     * may start before the writer. A writer that creates a file writes it under a temporary name that takes the
     * file's name at its first commit: the follower waits for that name, and then reads every committed row.
     *
     * @param file   the file being written, or to be written
     * @param key    the table key: {@code raw_data} (null means that), or {@code cell_a/raw_data}
     * @param follow poll interval, idle timeout, first row
     * @return an open stream; close it (try-with-resources)
     * @throws io.battdat.api.UnsupportedFeatureException when the file's backend cannot follow
     */
    public BatchStream follow(Path file, String key, FollowOptions follow) {
        Objects.requireNonNull(follow, "follow");
        awaitTables(file, List.of(key == null ? DEFAULT_KEY : key), follow);
        StoredDataset dataset = open(file);
        try {
            TableCursor cursor = dataset.followTable(key == null ? DEFAULT_KEY : key, options, follow);
            return new TableBatchStream(dataset, cursor);
        } catch (RuntimeException e) {
            closeAfterFailure(dataset, e);
            throw e;
        }
    }

    /** The records of a table being written, one at a time, as {@link #follow} yields them. */
    public RecordStream followRecords(Path file, String key, FollowOptions follow) {
        return new TableRecordStream(follow(file, key, follow));
    }

    /**
     * The cycles of tables being written, as {@link #cycles} gives them: a cycle is yielded once the next cycle has
     * begun in every streamed table, or when the follow ends (the writer closed the file, the idle timeout passed,
     * or the stream was closed). A file or table that does not exist yet is waited for, as by {@link #follow}.
     */
    public CycleStream followCycles(Path file, CycleRequest request, FollowOptions follow) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(follow, "follow");
        awaitTables(file, request.keys(), follow);
        StoredDataset dataset = open(file);
        try {
            return new Cycles(dataset, request, key -> dataset.followTable(key, options, follow));
        } catch (RuntimeException e) {
            closeAfterFailure(dataset, e);
            throw e;
        }
    }

    /**
     * Waits until {@code file} exists and holds every table of {@code keys}, polling at the follow's interval, for
     * at most its idle timeout. A missing table after the timeout is left to the open that follows (its usual
     * error); a missing file is an error here.
     */
    private void awaitTables(Path file, List<String> keys, FollowOptions follow) {
        long start = System.nanoTime();
        long limit = follow.idleTimeout() == null ? Long.MAX_VALUE : follow.idleTimeout().toNanos();
        boolean told = false;
        while (true) {
            if (java.nio.file.Files.exists(file)) {
                if (keys.isEmpty() || holdsAll(file, keys)) {
                    return;
                }
            }
            if (System.nanoTime() - start >= limit) {
                if (!java.nio.file.Files.exists(file)) {
                    throw new io.battdat.api.FileAccessException(io.battdat.api.ErrorLocation.of(file),
                            "no such file (waited "
                            + follow.idleTimeout().toMillis() / 1000.0 + " s for it to appear)", null);
                }
                return;
            }
            if (!told) {
                LOG.info("{}: waiting for {} to appear", file, java.nio.file.Files.exists(file) ? keys : "the file");
                told = true;
            }
            try {
                Thread.sleep(Math.max(1, follow.pollInterval().toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new io.battdat.api.FileAccessException(io.battdat.api.ErrorLocation.of(file),
                        "interrupted while waiting for it to appear",
                        e);
            }
        }
    }

    private boolean holdsAll(Path file, List<String> keys) {
        try (StoredDataset d = open(file)) {
            List<String> present = d.tables().stream().map(TableInfo::key).toList();
            return present.containsAll(keys);
        } catch (io.battdat.api.BattdatException e) {
            // renamed or replaced between the check and the open: look again at the next poll
            LOG.debug("{}: not readable yet: {}", file, e.getMessage());
            return false;
        }
    }

    private static void closeAfterFailure(AutoCloseable resource, RuntimeException failure) {
        try {
            resource.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }

    /** A table's batches; owns the dataset. */
    private static final class TableBatchStream implements BatchStream {
        private final StoredDataset dataset;
        private final TableCursor cursor;
        private final TableInfo table;
        private boolean advanced;
        private boolean hasNext;
        private boolean closed;

        TableBatchStream(StoredDataset dataset, TableCursor cursor) {
            this.dataset = dataset;
            this.cursor = cursor;
            this.table = cursor.table();
        }

        @Override
        public TableInfo table() {
            return table;
        }

        @Override
        public boolean hasNext() {
            if (closed) {
                return false;
            }
            if (!advanced) {
                try {
                    hasNext = cursor.next();
                } catch (RuntimeException e) {
                    try {
                        close();
                    } catch (RuntimeException suppressed) {
                        e.addSuppressed(suppressed);
                    }
                    throw e;
                }
                advanced = true;
            }
            return hasNext;
        }

        @Override
        public ColumnBatch next() {
            if (!hasNext()) {
                throw new NoSuchElementException(dataset.path() + ": no more batches in " + table.path());
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

    /** Records over a batch stream: one row cursor moved over each batch; nothing allocated per record. */
    private static final class TableRecordStream implements RecordStream {
        private final BatchStream batches;
        /** The view over {@link #batch}; a new one only when the stream hands out another batch object. */
        private Row row;
        private ColumnBatch batch;
        private int index;
        private int count;

        TableRecordStream(BatchStream batches) {
            this.batches = batches;
        }

        @Override
        public TableInfo table() {
            return batches.table();
        }

        @Override
        public boolean hasNext() {
            while (index >= count) {
                if (!batches.hasNext()) {
                    return false;
                }
                batch = batches.next();
                index = 0;
                count = batch.rowCount();
            }
            return true;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException("no more records in " + batches.table().path());
            }
            if (row == null || row.batch() != batch) {
                row = batch.row();
            }
            return row.moveTo(index++);
        }

        @Override
        public void close() {
            batch = null;
            index = 0;
            count = 0;
            batches.close();
        }
    }
}
