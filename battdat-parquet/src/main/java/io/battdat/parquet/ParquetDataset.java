package io.battdat.parquet;

import io.battdat.api.BadFormatException;
import io.battdat.api.BattdatException;
import io.battdat.api.ErrorLocation;
import io.battdat.api.FileAccessException;
import io.battdat.api.UnsupportedFeatureException;
import io.battdat.api.data.TableLayout;
import io.battdat.api.spi.FolderSource;
import io.battdat.api.spi.RandomAccessSource;
import io.battdat.api.spi.ReadOptions;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.TableCursor;
import io.battdat.api.spi.TableInfo;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.schema.MessageType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * An open Parquet dataset: a directory of {@code <table>.parquet} files (cells in sub-directories), or one file.
 * Opening reads every file's footer (schema, row groups, key-value metadata) and, for string columns, their longest
 * value; rows are read by {@link ParquetTableCursor}, which opens its file itself. Holds no file open between calls.
 */
final class ParquetDataset implements StoredDataset {
    private static final Logger LOG = LoggerFactory.getLogger(ParquetDataset.class);

    /** A table with what opening a cursor on it needs. */
    record Table(TableInfo info, ParquetInput file, ParquetMetadata footer, MessageType schema) {
    }

    private final Path path;
    /** The URI of a remote dataset, as written; null for a local one. */
    private final String location;
    /** The remote file a one-file dataset was opened on, shared by its readers; null otherwise. */
    private final RandomAccessSource owned;
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final List<String> ignored = new ArrayList<>();
    private String metadataJson;
    private Map<String, String> rootAttributes = Map.of();
    private volatile boolean closed;

    ParquetDataset(Path path) {
        this(path, null, null, local(path));
    }

    private static List<DatasetLayout.TableFile> local(Path path) {
        if (!Files.exists(path)) {
            throw new FileAccessException(ErrorLocation.of(path), "no such file or directory", null);
        }
        if (!Files.isDirectory(path) && !Files.isReadable(path)) {
            throw new FileAccessException(ErrorLocation.of(path), "permission denied", null);
        }
        return DatasetLayout.tables(path);
    }

    /**
     * A dataset in a remote folder. Errors found while reading name the folder by its last segment
     * ({@link #path()}); the engine relocates them to the URI ({@link #location()}).
     */
    ParquetDataset(FolderSource folder) {
        this(Path.of(ParquetInput.lastSegment(folder.name())), folder.name(), null, DatasetLayout.tables(folder));
    }

    /** A dataset of one remote file, which the dataset owns (closed with it, or when opening fails). */
    ParquetDataset(RandomAccessSource source) {
        this(Path.of(ParquetInput.lastSegment(source.name())), source.name(), source, List.of(
                DatasetLayout.singleFile(ParquetInput.shared(source), ParquetInput.lastSegment(source.name()))));
    }

    private ParquetDataset(Path path, String location, RandomAccessSource owned, List<DatasetLayout.TableFile> files) {
        this.path = path;
        this.location = location;
        this.owned = owned;
        try {
            if (files.isEmpty()) {
                throw new BadFormatException(ErrorLocation.of(path), "No parquet files in " + location()
                        + " (a Parquet dataset is a directory of <table>.parquet files)", null);
            }
            for (DatasetLayout.TableFile f : files) {
                classify(f);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        LOG.debug("opened {}: {} tables, {} other files", location(), tables.size(), ignored.size());
    }

    private void classify(DatasetLayout.TableFile f) {
        // one open serves the footer and the string widths (a remote open costs round trips)
        try (ParquetFileReader reader = ParquetFiles.open(path, f.tablePath(), f.file())) {
            classify(f, reader);
        } catch (java.io.IOException e) {
            throw new FileAccessException(ErrorLocation.of(path, f.tablePath()),
                    "cannot close " + f.file() + ": " + e.getMessage(), e);
        }
    }

    private void classify(DatasetLayout.TableFile f, ParquetFileReader reader) {
        ParquetMetadata footer = reader.getFooter();
        Map<String, String> kv = footer.getFileMetaData().getKeyValueMetaData();
        String battery = kv.get(KeyValueMetadata.BATTERY_METADATA);
        if (battery == null) {
            LOG.warn("{}: no '{}' key in {}", path, KeyValueMetadata.BATTERY_METADATA, f.file());
        } else if (metadataJson == null) {
            metadataJson = battery;
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("created_by", footer.getFileMetaData().getCreatedBy());
            attributes.put(KeyValueMetadata.WRITE_DATE, kv.get(KeyValueMetadata.WRITE_DATE));
            attributes.values().removeIf(Objects::isNull);
            rootAttributes = Collections.unmodifiableMap(attributes);
        } else if (!battery.equals(metadataJson)) {
            LOG.warn("{}: battery metadata of {} differs from the first file's; the first is used", path, f.file());
        }
        String schemaJson = kv.get(KeyValueMetadata.TABLE_METADATA);
        if (schemaJson == null) {
            ignored.add(f.tablePath() + " (no 'table_metadata' key: not a battdat table)");
            return;
        }
        MessageType schema = footer.getFileMetaData().getSchema();
        TableLayout layout;
        try {
            int[] widths = StringWidths.measure(path, f, reader);
            Map<String, Integer> declared = KeyValueMetadata.stringWidths(kv.get(KeyValueMetadata.STRING_WIDTHS));
            for (int i = 0; i < widths.length; i++) {
                Integer w = declared.get(schema.getFieldName(i));
                if (w != null && widths[i] > 0) {
                    widths[i] = Math.max(widths[i], w); // a longer value (written by someone else) still fits
                }
            }
            layout = ParquetTypes.layoutOf(schema, widths,
                    KeyValueMetadata.arrayMembers(kv.get(KeyValueMetadata.ARRAY_MEMBERS)));
        } catch (ParquetTypes.NotATableException e) {
            ignored.add(f.tablePath() + " (" + e.getMessage() + ")");
            return;
        }
        long rows = 0;
        long groupRows = 0;
        for (BlockMetaData b : footer.getBlocks()) {
            rows += b.getRowCount();
            groupRows = Math.max(groupRows, b.getRowCount());
        }
        // The footer's row count stands in for PyTables' NROWS: a count stored apart from the data, so a table's
        // facts read the same from either backend.
        TableInfo info = TableInfo.builder(f.tablePath(), f.prefix(), f.name(), layout).rows(rows)
                .schemaJson(schemaJson).chunkRows(groupRows).nrowsAttribute(OptionalLong.of(rows)).build();
        tables.put(info.key(), new Table(info, f.file(), footer, schema));
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public String location() {
        return location == null ? path.toString() : location;
    }

    @Override
    public String formatName() {
        return ParquetStreamReader.FORMAT;
    }

    @Override
    public String metadataJson() {
        if (metadataJson == null) {
            throw new BadFormatException(ErrorLocation.of(path), "No metadata in " + path + ": no file has a '"
                    + KeyValueMetadata.BATTERY_METADATA + "' key", null);
        }
        return metadataJson;
    }

    @Override
    public Map<String, String> rootAttributes() {
        return rootAttributes;
    }

    @Override
    public List<TableInfo> tables() {
        return tables.values().stream().map(Table::info).toList();
    }

    @Override
    public List<String> ignoredTables() {
        return List.copyOf(ignored);
    }

    /** The codecs of a table's column chunks, for display. */
    List<CompressionCodecName> codecs(String key) {
        Table t = tables.get(table(key).key());
        List<CompressionCodecName> out = new ArrayList<>();
        for (BlockMetaData b : t.footer().getBlocks()) {
            for (ColumnChunkMetaData c : b.getColumns()) {
                if (!out.contains(c.getCodec())) {
                    out.add(c.getCodec());
                }
            }
        }
        return out;
    }

    @Override
    public TableCursor openTable(String key, ReadOptions options) {
        if (closed) {
            throw new io.battdat.api.InvalidUseException(path + " is closed");
        }
        TableInfo info = table(key);
        Table t = tables.get(info.key());
        try {
            options.project(info.layout());
        } catch (io.battdat.api.KeyNotFoundException e) {
            throw new io.battdat.api.KeyNotFoundException(io.battdat.api.ErrorLocation.of(path, info.path()),
                    e.getRawMessage(), null);
        }
        for (CompressionCodecName codec : codecs(info.key())) {
            if (!ParquetCodecs.SUPPORTED.contains(codec)) {
                throw new UnsupportedFeatureException(ErrorLocation.of(path, info.path()),
                        "the table is compressed with " + codec
                        + ", which this reader does not decode (it reads " + ParquetCodecs.SUPPORTED + ")", null);
            }
        }
        try {
            return new ParquetTableCursor(path, t, options);
        } catch (BattdatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BadFormatException(ErrorLocation.of(path, info.path()), "cannot read the table: " + e, e);
        }
    }

    @Override
    public void close() {
        closed = true;
        if (owned != null) {
            owned.close();
        }
    }
}
