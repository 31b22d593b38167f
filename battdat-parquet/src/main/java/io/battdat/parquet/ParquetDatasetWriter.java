package io.battdat.parquet;

import io.battdat.api.BattdatException;
import io.battdat.api.ErrorLocation;
import io.battdat.api.FileAccessException;
import io.battdat.api.KeyNotFoundException;
import io.battdat.api.UnsupportedFeatureException;
import io.battdat.api.WriteException;
import io.battdat.api.data.TableLayout;
import io.battdat.api.schema.ColumnSchema;
import io.battdat.api.spi.DatasetSink;
import io.battdat.api.spi.TableInfo;
import io.battdat.api.spi.TableSink;
import io.battdat.api.spi.WriteMode;
import io.battdat.api.spi.WriteOptions;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a battdat Parquet dataset: a directory holding one {@code <table>.parquet} per table (cells in
 * sub-directories, {@link DatasetLayout}), each file carrying {@code battery_metadata}, {@code write_date} and
 * {@code table_metadata} as the Python toolkit writes them ({@link KeyValueMetadata}).
 *
 * <p>Nothing half-written ever appears under the dataset's name. Each table is written under a hidden temporary name
 * in its folder; a commit ({@link #flush()}, {@link TableSink#flush()}, {@link #close()}) completes it (footer) and
 * renames it over {@code <table>.parquet}, then goes on in a new temporary file that starts with the committed row
 * groups copied byte for byte ({@link ParquetTableWriter}). So at every instant each table file is a complete
 * Parquet file holding a prefix of the table's rows, which pyarrow, pandas and our reader open. A new or replaced
 * dataset is written into a hidden sibling directory that takes the dataset's name at the first commit (an existing
 * dataset is moved aside first, then deleted). Extending a table (append mode) copies its row groups the same way.
 * {@link #abort()} removes every temporary file: a dataset never committed disappears, a committed one keeps its
 * last commit.
 *
 * <p>Differences from Python's {@code ParquetWriter}, on purpose: a dataset being replaced is deleted only when it
 * holds nothing but dataset files (Python deletes any directory recursively); the battery metadata text of a copy is
 * kept verbatim ({@link WriteOptions#metadataJson()}), otherwise it is written with nulls omitted as Python does.
 * A commit costs a copy of the committed bytes of each table (Parquet's footer is at the end of the file, so a file
 * cannot be extended in place and stay readable): commit a large table rarely.
 */
final class ParquetDatasetWriter implements DatasetSink {
    private static final Logger LOG = LoggerFactory.getLogger(ParquetDatasetWriter.class);

    private final Path target;
    /** The hidden directory a new dataset is written into, or null when appending to an existing one. */
    private final Path staging;
    private final WriteOptions options;
    private final String batteryJson;
    private final CompressionCodecName codec;
    private final int level;
    private final int rowGroupRows;
    private final Map<String, ParquetTableWriter> tables = new LinkedHashMap<>();
    /** The committed file of each table, relative to the dataset's directory. */
    private final Map<String, Path> finalFiles = new LinkedHashMap<>();
    /** Whether a new dataset's staging directory has taken the dataset's name (at the first commit). */
    private boolean published;
    private boolean closed;
    /** Set by {@link #close()}: its commit starts no new temporary files. */
    private boolean closing;

    private ParquetDatasetWriter(Path target, Path staging, WriteOptions options, String batteryJson, int rowGroupRows) {
        this.target = target;
        this.staging = staging;
        this.options = options;
        this.batteryJson = batteryJson;
        this.rowGroupRows = rowGroupRows;
        this.level = options.compressionLevel();
        this.codec = codecFor(target, options);
    }

    static ParquetDatasetWriter open(Path target, WriteOptions options, int rowGroupRows) {
        codecFor(target, options);
        boolean exists = Files.exists(target);
        if (exists && !Files.isDirectory(target)) {
            throw new FileAccessException(ErrorLocation.of(target),
                    "is a file; the Parquet layout writes a dataset directory "
                    + "(one <table>.parquet per table) and will not replace a file by it", null);
        }
        if (exists && options.mode() == WriteMode.APPEND) {
            String existing = null;
            if (DatasetLayout.holdsTables(target)) {
                try (ParquetDataset d = new ParquetDataset(target)) {
                    existing = d.metadataJson();
                } catch (BattdatException e) {
                    LOG.debug("{}: no battery metadata to keep: {}", target, e.getMessage());
                }
            }
            return new ParquetDatasetWriter(target, null, options, existing != null ? existing : newMetadata(options),
                    rowGroupRows);
        }
        if (exists && options.mode() == WriteMode.CREATE) {
            throw new FileAccessException(ErrorLocation.of(target),
                    "Path already exists and overwrite is disabled", null);
        }
        if (exists) {
            requireOnlyDatasetFiles(target);
        }
        Path name = target.toAbsolutePath().getFileName();
        Path staging = target.toAbsolutePath().resolveSibling("." + (name == null ? "battdat" : name) + ".tmp-"
                + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            Files.createDirectories(staging);
        } catch (IOException e) {
            throw new FileAccessException(ErrorLocation.of(target), "cannot create " + staging + ": " + e, e);
        }
        return new ParquetDatasetWriter(target, staging, options, newMetadata(options), rowGroupRows);
    }

    private static String newMetadata(WriteOptions options) {
        return options.metadataJson() != null ? options.metadataJson() : options.metadata().toJsonExcludingNulls();
    }

    /**
     * The page codec: snappy (pyarrow's default) unless a level above 0 asks for zlib/gzip, zstd, snappy or lz4;
     * {@code none} writes uncompressed pages.
     */
    static CompressionCodecName codecFor(Path target, WriteOptions options) {
        String library = options.compressionLibrary().toLowerCase(Locale.ROOT);
        if (library.equals("none") || library.equals("uncompressed")) {
            return CompressionCodecName.UNCOMPRESSED;
        }
        if (options.compressionLevel() == 0) {
            return CompressionCodecName.SNAPPY;
        }
        return switch (library) {
            case "zlib", "gzip" -> CompressionCodecName.GZIP;
            case "zstd", "blosc:zstd" -> CompressionCodecName.ZSTD;
            case "snappy", "blosc:snappy" -> CompressionCodecName.SNAPPY;
            case "lz4", "blosc:lz4" -> CompressionCodecName.LZ4_RAW;
            default -> throw new UnsupportedFeatureException(ErrorLocation.of(target), "compression library '"
                    + options.compressionLibrary() + "' has no Parquet codec here; use zlib, zstd, snappy, lz4 or none",
                    null);
        };
    }

    private static void requireOnlyDatasetFiles(Path dir) {
        for (Path p : DatasetLayout.list(dir)) {
            String n = p.getFileName().toString();
            if (Files.isDirectory(p)) {
                for (Path q : DatasetLayout.list(p)) {
                    if (!isDatasetFile(q)) {
                        throw refuse(dir, q);
                    }
                }
            } else if (!isDatasetFile(p) && !n.startsWith(".")) {
                throw refuse(dir, p);
            }
        }
    }

    private static boolean isDatasetFile(Path p) {
        String n = p.getFileName().toString();
        return Files.isRegularFile(p) && (n.startsWith(".") || n.toLowerCase(Locale.ROOT).endsWith(DatasetLayout.EXTENSION));
    }

    private static FileAccessException refuse(Path dir, Path stranger) {
        return new FileAccessException(ErrorLocation.of(dir),
                "exists and holds " + stranger + ", which is not part of a Parquet "
                + "dataset; refusing to replace the directory (remove it or choose another name)", null);
    }

    private static String[] split(Path target, String key) {
        String k = key.startsWith("/") ? key.substring(1) : key;
        int slash = k.lastIndexOf('/');
        String prefix = slash < 0 ? null : k.substring(0, slash);
        String name = k.substring(slash + 1);
        if (prefix != null && prefix.contains("/")) {
            throw new UnsupportedFeatureException(ErrorLocation.of(target, "/" + k),
                    "only one level of cells (sub-directories) is "
                    + "supported", null);
        }
        if (name.isEmpty() || name.startsWith(".") || (prefix != null && (prefix.isEmpty() || prefix.startsWith(".")))
                || k.contains("\\")) {
            throw new WriteException(ErrorLocation.of(target, "/" + k), "not a table name", null);
        }
        return new String[]{prefix, name, k};
    }

    private void ensureWritable() {
        if (closed) {
            throw new WriteException(ErrorLocation.of(target), "the writer is closed", null);
        }
    }

    @Override
    public TableSink createTable(String key, TableLayout layout, ColumnSchema schema, long expectedRows) {
        ensureWritable();
        String[] k = split(target, key);
        if (tables.containsKey(k[2]) || (staging == null && Files.exists(DatasetLayout.fileFor(target, k[0], k[1])))) {
            throw new WriteException(ErrorLocation.of(target, "/" + k[2]), "a table of that name exists already"
                    + (staging == null ? " (append to it instead)" : ""), null);
        }
        try {
            ParquetTypes.schemaOf(layout);
        } catch (IllegalArgumentException e) {
            throw new UnsupportedFeatureException(ErrorLocation.of(target, "/" + k[2]), e.getMessage(), null);
        }
        Map<String, String> kv = KeyValueMetadata.forTable(batteryJson, schema.toJson(), LocalDateTime.now());
        String widths = KeyValueMetadata.stringWidths(layout);
        if (widths != null) {
            kv.put(KeyValueMetadata.STRING_WIDTHS, widths);
        }
        String members = KeyValueMetadata.arrayMembers(layout);
        if (members != null) {
            kv.put(KeyValueMetadata.ARRAY_MEMBERS, members);
        }
        Path file = fileFor(k);
        ParquetTableWriter t = new ParquetTableWriter(target, "/" + k[2], file, layout, kv, codec, level, rowGroupRows);
        return register(k[2], t);
    }

    private ParquetTableWriter register(String key, ParquetTableWriter t) {
        tables.put(key, t);
        t.onFlush(() -> commit(Map.of(key, t)));
        return t;
    }

    /** The directory the dataset's files are in now: the staging directory until the first commit. */
    private Path root() {
        return staging != null && !published ? staging : target;
    }

    /** A hidden temporary name beside the table's committed file, where its rows go until the next commit. */
    private Path fileFor(String[] k) {
        Path rel = DatasetLayout.fileFor(Path.of("."), k[0], k[1]).normalize();
        finalFiles.put(k[2], rel);
        return temporaryBeside(root().resolve(rel));
    }

    private static Path temporaryBeside(Path committed) {
        return committed.resolveSibling("." + committed.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-"
                + System.nanoTime());
    }

    /**
     * One commit of {@code which}: each table's file is completed and renamed over its committed name; then a new
     * dataset's staging directory takes the dataset's name (first commit only).
     */
    private void commit(Map<String, ParquetTableWriter> which) {
        ensureWritable();
        try {
            for (Map.Entry<String, ParquetTableWriter> e : which.entrySet()) {
                Path committed = root().resolve(finalFiles.get(e.getKey()));
                e.getValue().commit(committed, closing ? null : temporaryBeside(committed), options.fsync());
            }
            if (staging != null && !published) {
                publishDirectory();
            }
        } catch (RuntimeException e) {
            abort();
            throw e;
        }
    }

    @Override
    public TableSink appendTo(String key) {
        ensureWritable();
        String[] k = split(target, key);
        ParquetTableWriter open = tables.get(k[2]);
        if (open != null) {
            return open;
        }
        Path existing = DatasetLayout.fileFor(target, k[0], k[1]);
        if (staging != null || !Files.isRegularFile(existing)) {
            throw new KeyNotFoundException(ErrorLocation.of(target, "/" + k[2]), "no such table to append to", null);
        }
        TableInfo info;
        try (ParquetDataset d = new ParquetDataset(target)) {
            info = d.table(k[2]);
        }
        Map<String, String> kv = new LinkedHashMap<>(ParquetFiles.readFooter(target, "/" + k[2], existing)
                .getFileMetaData().getKeyValueMetaData());
        kv.put(KeyValueMetadata.WRITE_DATE, KeyValueMetadata.isoformat(LocalDateTime.now()));
        ParquetTableWriter t = register(k[2], new ParquetTableWriter(target, "/" + k[2], fileFor(k), info.layout(), kv,
                codec, level, rowGroupRows));
        try (ParquetFileReader reader = ParquetFiles.open(target, "/" + k[2], existing);
             SeekableInputStream in = new ChannelInputStream(existing)) {
            if (!reader.getFileMetaData().getSchema().equals(ParquetTypes.schemaOf(info.layout()))) {
                throw new UnsupportedFeatureException(ErrorLocation.of(target, "/" + k[2]),
                        "cannot append: the file's Parquet schema "
                        + reader.getFileMetaData().getSchema() + " is not the one this writer writes for "
                        + info.layout(), null);
            }
            t.copyRowGroupsOf(existing, in, reader.getRowGroups());
        } catch (IOException e) {
            throw new FileAccessException(ErrorLocation.of(target, "/" + k[2]),
                    "cannot read " + existing + ": " + e, e);
        } catch (RuntimeException e) {
            tables.remove(k[2]);
            if (t.abort()) {
                deleteQuietly(t.file());
            }
            throw e;
        }
        return t;
    }

    /** Clears the declaration in the schema the table's new file will hold in its footer (written at close). */
    @Override
    public void clearMonotonic(String key, java.util.Set<String> columns) {
        ensureWritable();
        ParquetTableWriter t = tables.get(split(target, key)[2]);
        if (t == null) {
            throw new KeyNotFoundException(ErrorLocation.of(target, "/" + key),
                    "no table of that name is open for writing", null);
        }
        t.clearMonotonic(columns);
    }

    /** Commits every table (see the class comment). */
    @Override
    public void flush() {
        commit(tables);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closing = true;
        commit(tables);
        closed = true;
    }

    /** The first commit of a new dataset: the staging directory takes the dataset's name. */
    private void publishDirectory() {
        try {
            Path old = null;
            if (Files.exists(target)) {
                old = staging.resolveSibling(staging.getFileName() + ".old");
                ParquetTableWriter.moveAtomically(target, old);
            }
            Files.createDirectories(target.toAbsolutePath().getParent());
            ParquetTableWriter.moveAtomically(staging, target);
            published = true;
            for (ParquetTableWriter t : tables.values()) {
                t.moved(staging, target);
            }
            if (old != null) {
                deleteRecursively(old);
            }
        } catch (IOException e) {
            throw new WriteException(ErrorLocation.of(target),
                    "cannot move the written dataset under its name: " + e, e);
        }
    }

    @Override
    public void abort() {
        if (closed) {
            return;
        }
        closed = true;
        for (ParquetTableWriter t : tables.values()) {
            if (t.abort()) {
                deleteQuietly(t.file());
            }
        }
        if (staging != null && !published) {
            try {
                deleteRecursively(staging);
            } catch (IOException e) {
                LOG.warn("cannot remove the unfinished {}: {}", staging, e.toString());
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot remove the unfinished {}: {}", file, e.toString());
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
