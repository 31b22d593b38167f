package io.battdat.streaming;

import io.battdat.api.ErrorLocation;
import io.battdat.api.InvalidUseException;
import io.battdat.api.SchemaViolationException;
import io.battdat.api.WriteException;
import io.battdat.api.data.BatchBuffer;
import io.battdat.api.data.BooleanColumn;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.DoubleColumn;
import io.battdat.api.data.LongColumn;
import io.battdat.api.data.StorageType;
import io.battdat.api.data.StringColumn;
import io.battdat.api.data.TableLayout;
import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.schema.ColumnSchema;
import io.battdat.api.schema.RawData;
import io.battdat.api.spi.DatasetSink;
import io.battdat.api.spi.TableSink;
import io.battdat.api.spi.WriteMode;
import io.battdat.api.spi.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes rows into a battdat table as Python's {@code battdat.streaming.hdf5.HDF5Writer} does (docs/streaming.md
 * section 6), through the storage backend that writes the path. Rows given as maps are buffered ({@link #bufferSize})
 * and written per flush; the first flush fixes the columns: the union of the keys in first-seen order, types from the
 * values (integers as int64, other numbers as float64, booleans as bool, anything else as an ASCII string as wide as
 * the longest value). {@link #writeBatch(ColumnBatch)} is the fast path: primitive columns, nothing per row.
 *
 * <p>Differences from Python, on purpose: the metadata always goes on the file's root, also with a {@code key}
 * (a prefix group, created when missing); a row missing a column, a value that does not fit its column (a
 * fractional value for an integer column, a string longer than the column) are errors naming the row and the
 * column, never silent conversions or truncations; rows before the bad one stay written.
 */
public final class HDF5Writer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HDF5Writer.class);

    private final Path path;
    private final String tableKey;
    private final ColumnSchema schema;
    private final int bufferSize;
    private final TableLayout declaredLayout;
    private final long expectedRows;
    private final DatasetSink sink;
    private final List<Map<String, Object>> buffer = new ArrayList<>();
    private final Set<Set<String>> warnedKeySets = new HashSet<>();
    /** Rows go to the table in parts of this size, so compression overlaps with filling the buffer. */
    private static final int HANDOVER_ROWS = 4096;

    private final WriteMode mode;
    /** Rows given to the table since its last commit: counted by the next flush. */
    private int handedOver;
    private TableSink table;
    private BatchBuffer rows;
    private String[] lastStrings; // per column: the last string written, and its bytes as stored
    private byte[][] lastEncoded;
    private long rowsWritten;
    private boolean closed;

    private HDF5Writer(Builder b) {
        this.path = b.path;
        this.schema = b.schema;
        this.bufferSize = b.bufferSize;
        this.declaredLayout = b.layout;
        this.tableKey = b.key == null || b.key.isEmpty() ? b.table : b.key + "/" + b.table;
        WriteOptions options = b.writeOptions.compression(b.complevel, b.complib).build();
        this.expectedRows = b.expectedRows;
        this.mode = options.mode();
        this.sink = b.engine.registry().openSink(path, options);
    }

    /** A builder with Python's defaults: RawData schema, no compression, zlib, root key, buffer of 32,768 rows. */
    public static Builder builder(Path path) {
        return new Builder(path);
    }

    /**
     * Buffers a copy of the row; writes the buffer when it holds {@code bufferSize} rows.
     *
     * @return the rows written by that flush, else 0
     */
    @SuppressWarnings("unchecked")
    public int writeRow(Map<String, ?> row) {
        ensureOpen();
        if (table == null) {
            buffer.add(new LinkedHashMap<>(row));
            return buffer.size() >= bufferSize ? flush() : 0;
        }
        // once the columns are fixed, values go straight into the column arrays: no copy of the map
        TableLayout layout = table.layout();
        if (row.size() != layout.size()) {
            warnOnNewKeys((Map<String, Object>) row, layout);
        }
        if (rows == null) {
            rows = BatchBuffer.allocate(layout, bufferSize); // the columns were fixed by writeBatch
        }
        int at = rows.rowCount();
        put(rows, at, (Map<String, Object>) row, layout, rowsWritten + at);
        rows.setRowCount(at + 1);
        if (handedOver + rows.rowCount() >= bufferSize) { // rows holds bufferSize rows: never full before this
            return flushRows();
        }
        if (rows.rowCount() >= HANDOVER_ROWS) {
            // encoded (and compressed on the writer's threads) while the next rows arrive; committed at the flush
            handedOver += drain();
        }
        return 0;
    }

    private int flushRows() {
        int n = handedOver + drain();
        handedOver = 0;
        table.flush();
        return n;
    }

    /**
     * Writes the buffered rows and commits them with every batch written before (a crash-safe commit: once this
     * returns, the rows survive a crash of this process and other programs can read them); returns how many
     * buffered rows it wrote.
     */
    public int flush() {
        ensureOpen();
        if (buffer.isEmpty()) {
            if (rows != null) {
                return flushRows();
            }
            if (table != null) {
                table.flush(); // rows of writeBatch
            }
            return 0;
        }
        if (table == null) {
            table = existingTable();
            if (table == null) {
                table = sink.createTable(tableKey, declaredLayout != null ? declaredLayout : inferLayout(), schema,
                        expectedRows > 0 ? expectedRows : buffer.size());
            }
        }
        TableLayout layout = table.layout();
        if (rows == null) {
            rows = BatchBuffer.allocate(layout, bufferSize);
        }
        int written = 0;
        try {
            for (Map<String, Object> row : buffer) {
                warnOnNewKeys(row, layout);
                if (rows.rowCount() == bufferSize) {
                    written += drain();
                }
                put(rows, rows.rowCount(), row, layout, rowsWritten + written + rows.rowCount());
                rows.setRowCount(rows.rowCount() + 1);
            }
            written += drain();
        } catch (RuntimeException e) {
            written += drain(); // rows before the bad one are written, as in Python
            buffer.clear();
            throw e;
        }
        buffer.clear();
        table.flush();
        return written;
    }

    private int drain() {
        int n = rows.rowCount();
        if (n > 0) {
            table.append(rows, 0, n);
            rowsWritten += n;
            rows.clear();
        }
        return n;
    }

    /** Appends a batch directly (the fast path); the first call fixes the layout when no row was written yet. */
    public void writeBatch(ColumnBatch batch) {
        ensureOpen();
        if (!buffer.isEmpty()) {
            flush();
        }
        if (rows != null && rows.rowCount() > 0) {
            handedOver += drain(); // rows given before the batch go before it; committed at the next flush
        }
        if (table == null) {
            table = existingTable();
        }
        if (table == null) {
            table = sink.createTable(tableKey, batch.layout(), schema,
                    expectedRows > 0 ? expectedRows : Math.max(batch.rowCount(), bufferSize));
        }
        table.append(batch, 0, batch.rowCount());
        rowsWritten += batch.rowCount();
    }

    /** In append mode, the table that already exists under the key (its columns are then fixed), else null. */
    private TableSink existingTable() {
        if (mode != WriteMode.APPEND) {
            return null;
        }
        try {
            return sink.appendTo(tableKey);
        } catch (io.battdat.api.KeyNotFoundException e) {
            return null;
        }
    }

    /** Rows handed to the file so far. */
    public long rowsWritten() {
        return rowsWritten;
    }

    private void warnOnNewKeys(Map<String, Object> row, TableLayout layout) {
        if (row.size() != layout.size() || !layout.names().containsAll(row.keySet())) {
            Set<String> keys = new LinkedHashSet<>(row.keySet());
            if (warnedKeySets.add(keys)) {
                Set<String> extra = new LinkedHashSet<>(keys);
                extra.removeAll(layout.names());
                LOG.warn("{}: row keys {} differ from the table's columns {}; extra keys {} are not written", path,
                        keys, layout.names(), extra);
            }
        }
    }

    private TableLayout inferLayout() {
        Map<String, StorageType> types = new LinkedHashMap<>();
        Map<String, Integer> widths = new LinkedHashMap<>();
        for (Map<String, Object> row : buffer) {
            for (Map.Entry<String, Object> e : row.entrySet()) {
                StorageType t = typeOf(e.getValue());
                StorageType prev = types.get(e.getKey());
                if (prev == null || (prev == StorageType.INT64 && t == StorageType.FLOAT64) || t == StorageType.STRING) {
                    types.put(e.getKey(), t == null ? (prev == null ? StorageType.FLOAT64 : prev) : t);
                }
                if (types.get(e.getKey()) == StorageType.STRING) {
                    int len = String.valueOf(e.getValue()).getBytes(StandardCharsets.UTF_8).length;
                    widths.merge(e.getKey(), Math.max(1, len), Math::max);
                }
            }
        }
        List<ColumnSpec> specs = new ArrayList<>();
        types.forEach((name, t) -> specs.add(t == StorageType.STRING ? ColumnSpec.string(name, widths.get(name))
                : ColumnSpec.of(name, t)));
        return TableLayout.of(specs);
    }

    private static StorageType typeOf(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Boolean) {
            return StorageType.BOOL;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
                || v instanceof BigInteger) {
            return StorageType.INT64;
        }
        if (v instanceof Number) {
            return StorageType.FLOAT64;
        }
        return StorageType.STRING;
    }

    private void put(ColumnBatch b, int at, Map<String, Object> row, TableLayout layout, long rowNumber) {
        for (int c = 0; c < layout.size(); c++) {
            ColumnSpec spec = layout.column(c);
            Object v = row.get(spec.name());
            if (v == null && !row.containsKey(spec.name())) {
                throw new SchemaViolationException(ErrorLocation.of(path, "/" + tableKey, rowNumber),
                        "row is missing column '" + spec.name() + "'", null);
            }
            switch (spec.type()) {
                case FLOAT64 -> ((DoubleColumn) b.column(c)).buffer()[at] = v == null ? Double.NaN : number(v, spec, rowNumber);
                case INT64 -> ((LongColumn) b.column(c)).buffer()[at] = integer(v, spec, rowNumber);
                case BOOL -> {
                    if (!(v instanceof Boolean bool)) {
                        throw misfit(v, spec, rowNumber);
                    }
                    ((BooleanColumn) b.column(c)).buffer()[at] = bool;
                }
                case STRING -> putString(((StringColumn) b.column(c)).buffer(), at * spec.itemSize(), String.valueOf(v),
                        c, spec, rowNumber);
                default -> throw misfit(v, spec, rowNumber);
            }
        }
    }

    /**
     * Writes a string NUL-padded to the column's width. String columns repeat a few values ({@code charge},
     * {@code rest}), so the last value of each column is kept encoded: a repeat costs an intrinsic
     * {@code equals} and one array copy instead of an encoding loop.
     */
    private void putString(byte[] dst, int off, String value, int column, ColumnSpec spec, long rowNumber) {
        int width = spec.itemSize();
        if (lastStrings == null) {
            lastStrings = new String[table.layout().size()];
            lastEncoded = new byte[lastStrings.length][];
        }
        if (value.equals(lastStrings[column])) {
            System.arraycopy(lastEncoded[column], 0, dst, off, width);
            return;
        }
        encodeString(dst, off, value, spec, rowNumber);
        lastStrings[column] = value;
        if (lastEncoded[column] == null) {
            lastEncoded[column] = new byte[width]; // the width is fixed with the columns: one buffer per column
        }
        System.arraycopy(dst, off, lastEncoded[column], 0, width);
    }

    /** Writes a string NUL-padded to the column's width; ASCII (the usual case) without an intermediate array. */
    private void encodeString(byte[] dst, int off, String value, ColumnSpec spec, long rowNumber) {
        int width = spec.itemSize();
        int n = value.length();
        boolean ascii = n <= width;
        for (int i = 0; i < n && ascii; i++) {
            char ch = value.charAt(i);
            ascii = ch < 0x80;
            dst[off + i] = (byte) ch;
        }
        if (!ascii) {
            byte[] text = value.getBytes(StandardCharsets.UTF_8);
            if (text.length > width) {
                throw new WriteException(ErrorLocation.of(path, "/" + tableKey, rowNumber),
                        "value of column " + spec.name()
                        + " is " + text.length + " bytes, longer than the column's " + width
                        + " (fixed by the first flush)", null);
            }
            System.arraycopy(text, 0, dst, off, text.length);
            n = text.length;
        }
        java.util.Arrays.fill(dst, off + n, off + width, (byte) 0);
    }

    private double number(Object v, ColumnSpec spec, long row) {
        if (v instanceof Number n && !(v instanceof Boolean)) {
            return n.doubleValue();
        }
        throw misfit(v, spec, row);
    }

    private long integer(Object v, ColumnSpec spec, long row) {
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Number n) {
            BigDecimal d = new BigDecimal(n.toString());
            if (d.stripTrailingZeros().scale() <= 0) {
                return d.longValueExact();
            }
        }
        throw misfit(v, spec, row);
    }

    private WriteException misfit(Object v, ColumnSpec spec, long row) {
        return new WriteException(ErrorLocation.of(path, "/" + tableKey, row),
                "value " + v + " does not fit column " + spec.name() + " (" + spec.numpyDtype() + ")", null);
    }

    private void ensureOpen() {
        if (closed) {
            throw new InvalidUseException("writer of " + path + " is closed");
        }
    }

    /** Writes the buffered rows and completes the file. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            flush();
        } catch (RuntimeException e) {
            closed = true;
            sink.close();
            throw e;
        }
        closed = true;
        sink.close();
    }

    /**
     * Gives up without writing the buffered rows: a new file that no flush committed is removed (nothing appears
     * under its name); a file that already holds committed rows keeps exactly the rows of its last completed flush.
     * Use it instead of {@link #close()} when the data being written turned out to be bad part-way.
     */
    public void abort() {
        if (closed) {
            return;
        }
        closed = true;
        buffer.clear();
        sink.abort();
    }

    /** Options of an {@link HDF5Writer}, with the defaults of Python's dataclass. */
    public static final class Builder {
        private final Path path;
        /**
         * Mode, metadata, fsync and monotonic policy go straight to the write options (and keep their defaults);
         * compression is added at {@link #open()}, since level and library are set separately here.
         */
        private final WriteOptions.Builder writeOptions = WriteOptions.builder(BatteryMetadata.defaults());
        private ColumnSchema schema = new RawData();
        private int complevel;
        private String complib = "zlib";
        private String key = "";
        private String table = "raw_data";
        private int bufferSize = 32_768;
        private TableLayout layout;
        private long expectedRows;
        private BattdatEngine engine;

        private Builder(Path path) {
            this.path = Objects.requireNonNull(path, "path");
        }

        /** Create (default), overwrite or append. */
        public Builder mode(WriteMode m) {
            writeOptions.mode(m);
            return this;
        }

        /** The battery metadata written on the file's root. */
        public Builder metadata(BatteryMetadata m) {
            writeOptions.metadata(m);
            return this;
        }

        /** The table's column schema (RawData by default). */
        public Builder schema(ColumnSchema s) {
            this.schema = s;
            return this;
        }

        /** Compression level 0-9 (0 by default). */
        public Builder complevel(int level) {
            this.complevel = level;
            return this;
        }

        /** Compression library (zlib by default). */
        public Builder complib(String lib) {
            this.complib = lib;
            return this;
        }

        /** A prefix group for the table ({@code key/raw_data}); empty for the root. */
        public Builder key(String k) {
            this.key = k;
            return this;
        }

        /** The table's name ({@code raw_data} by default), under {@link #key(String)}. */
        public Builder table(String name) {
            if (name == null || name.isEmpty() || name.contains("/")) {
                throw new InvalidUseException("a table name without '/', got '" + name + "'");
            }
            this.table = name;
            return this;
        }

        /** Rows buffered before a flush (32,768 by default). */
        public Builder bufferSize(int rows) {
            if (rows < 1) {
                throw new InvalidUseException("buffer size must be positive");
            }
            this.bufferSize = rows;
            return this;
        }

        /**
         * Declares the table's columns instead of inferring them from the first flush (whose string widths are
         * the longest values in that flush: a longer string later is an error).
         */
        public Builder layout(TableLayout declared) {
            this.layout = declared;
            return this;
        }

        /**
         * The rows the table will hold, for PyTables' chunk size rule (as {@code expectedrows}); by default the
         * first flush's rows, as Python's streaming writer does.
         */
        public Builder expectedRows(long rows) {
            this.expectedRows = rows;
            return this;
        }

        /** Force the file to the device when it is completed (power-loss durability; off by default). */
        public Builder fsync(boolean on) {
            writeOptions.fsync(on);
            return this;
        }

        /**
         * In append mode, what to do with rows that would make a column the table's schema declares monotonic
         * decrease (default {@link io.battdat.api.spi.MonotonicPolicy#REFUSE}: a
         * {@link io.battdat.api.SchemaViolationException} before any of those rows is committed).
         */
        public Builder monotonicPolicy(io.battdat.api.spi.MonotonicPolicy policy) {
            writeOptions.monotonicPolicy(policy);
            return this;
        }

        /** The engine whose storage backends write the file ({@link Battdat#engine()} by default). */
        public Builder engine(BattdatEngine e) {
            this.engine = e;
            return this;
        }

        /** Opens the file. */
        public HDF5Writer open() {
            if (engine == null) {
                engine = Battdat.engine();
            }
            return new HDF5Writer(this);
        }
    }
}
