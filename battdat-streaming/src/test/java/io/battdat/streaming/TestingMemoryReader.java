package io.battdat.streaming;

import io.battdat.api.spi.Spi;
import io.battdat.api.BadFormatException;
import io.battdat.api.ErrorLocation;
import io.battdat.api.data.BatchBuffer;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.DoubleColumn;
import io.battdat.api.data.LongColumn;
import io.battdat.api.data.StorageType;
import io.battdat.api.data.TableLayout;
import io.battdat.api.spi.FileProbe;
import io.battdat.api.spi.ProbeResult;
import io.battdat.api.spi.ReadOptions;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.StreamReader;
import io.battdat.api.spi.TableCursor;
import io.battdat.api.spi.TableInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * An in-memory storage backend for engine tests. Its "files" are real files on disk (the registry probes them)
 * whose first line is {@link #SIGNATURE}; their tables are built in the test. Cursors serve at most
 * {@link MemoryFile#maxBatchRows} rows per batch and refill one batch object, as real backends do, so an engine
 * that keeps a batch past {@code next()} sees it overwritten. Each file counts opens and closes of datasets and
 * cursors.
 */
class TestingMemoryReader implements StreamReader {
    static final String SIGNATURE = "BATTDAT-MEMORY";
    static final String SCHEMA = "{\"cycle_number\":{\"description\":\"Index of the cycle\"},\"extra_columns\":{}}";

    private final Map<Path, MemoryFile> files = new HashMap<>();

    /** Public no-argument constructor, so the class can also be a ServiceLoader provider. */
    public TestingMemoryReader() {
    }

    /** Creates a file in a folder and registers its in-memory content. */
    MemoryFile file(Path dir, String name) {
        Path path = dir.resolve(name);
        try {
            Files.writeString(path, SIGNATURE + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MemoryFile f = new MemoryFile(path);
        files.put(path, f);
        return f;
    }

    @Override
    public String formatName() {
        return "memory";
    }

    @Override
    public List<String> extensions() {
        return List.of("mem");
    }

    @Override
    public ProbeResult probe(FileProbe probe) {
        return probe.hasBytesAt(0, SIGNATURE.getBytes(StandardCharsets.US_ASCII)) ? ProbeResult.SIGNATURE
                : ProbeResult.NO;
    }

    @Override
    public StoredDataset open(Path path) {
        MemoryFile f = content(path);
        if (f == null) {
            throw new BadFormatException(ErrorLocation.of(path), "no in-memory content registered", null);
        }
        f.opens++;
        return f.new Handle();
    }

    /** The content of a path; subclasses may serve fixed content. */
    MemoryFile content(Path path) {
        return files.get(path);
    }

    /** The tables of one fake file, in walk order, and what happened to it. */
    static final class MemoryFile {
        final Path path;
        final Map<String, ColumnBatch> tables = new LinkedHashMap<>();
        final Map<String, String> schemas = new HashMap<>();
        final Set<String> failOpen = new HashSet<>();
        String metadataJson = "{\"name\":\"memory-cell\"}";
        int maxBatchRows = 3;
        /** A cursor throws when asked for the batch starting at this row (-1: never). */
        long failAtRow = -1;
        int opens;
        int closes;
        int cursorOpens;
        int cursorCloses;

        MemoryFile(Path path) {
            this.path = path;
        }

        /** Adds a table {@code test_time} (0, 1, 2, ...; float64), {@code cycle_number} (int64). */
        MemoryFile table(String key, long... cycles) {
            BatchBuffer b = BatchBuffer.allocate(TableLayout.of(ColumnSpec.of("test_time", StorageType.FLOAT64),
                    ColumnSpec.of("cycle_number", StorageType.INT64)), cycles.length);
            for (int i = 0; i < cycles.length; i++) {
                ((DoubleColumn) b.column(0)).buffer()[i] = i;
                ((LongColumn) b.column(1)).buffer()[i] = cycles[i];
            }
            return put(key, b, cycles.length);
        }

        /** Adds a table {@code cycle_number} (float64), {@code test_time} (0, 1, 2, ...; float64). */
        MemoryFile floatTable(String key, double... cycles) {
            BatchBuffer b = BatchBuffer.allocate(TableLayout.of(ColumnSpec.of("cycle_number", StorageType.FLOAT64),
                    ColumnSpec.of("test_time", StorageType.FLOAT64)), cycles.length);
            for (int i = 0; i < cycles.length; i++) {
                ((DoubleColumn) b.column(0)).buffer()[i] = cycles[i];
                ((DoubleColumn) b.column(1)).buffer()[i] = i;
            }
            return put(key, b, cycles.length);
        }

        /** Adds a table of one float64 column {@code x} and no cycle_number. */
        MemoryFile tableWithoutCycles(String key, int rows) {
            BatchBuffer b = BatchBuffer.allocate(TableLayout.of(ColumnSpec.of("x", StorageType.FLOAT64)), rows);
            return put(key, b, rows);
        }

        private MemoryFile put(String key, BatchBuffer b, int rows) {
            b.setRowCount(rows);
            tables.put(key, b);
            return this;
        }

        MemoryFile schema(String key, String json) {
            schemas.put(key, json);
            return this;
        }

        MemoryFile batchRows(int rows) {
            maxBatchRows = rows;
            return this;
        }

        /** Whether every dataset and cursor opened was closed. */
        boolean allClosed() {
            return opens == closes && cursorOpens == cursorCloses;
        }

        @Override
        public String toString() {
            return path.getFileName() + ": opens " + opens + ", closes " + closes + ", cursor opens "
                    + cursorOpens + ", cursor closes " + cursorCloses;
        }

        /** One open of the file. */
        final class Handle implements StoredDataset {
            private boolean closed;

            @Override
            public Path path() {
                return path;
            }

            @Override
            public String formatName() {
                return "memory";
            }

            @Override
            public String metadataJson() {
                return metadataJson;
            }

            @Override
            public Map<String, String> rootAttributes() {
                return Map.of();
            }

            @Override
            public List<TableInfo> tables() {
                List<TableInfo> out = new ArrayList<>();
                tables.forEach((k, b) -> {
                    int slash = k.lastIndexOf('/');
                    out.add(TableInfo.builder("/" + k, slash < 0 ? null : k.substring(0, slash),
                            k.substring(slash + 1), b.layout()).rows(b.rowCount())
                            .schemaJson(schemas.getOrDefault(k, SCHEMA)).build());
                });
                return out;
            }

            @Override
            public List<String> ignoredTables() {
                return List.of();
            }

            @Override
            public TableCursor openTable(String key, ReadOptions options) {
                if (closed) {
                    throw new IllegalStateException(path + " is closed");
                }
                TableInfo info = table(key);
                if (failOpen.contains(info.key())) {
                    throw new BadFormatException(ErrorLocation.of(path, info.path()), "cannot open (test)", null);
                }
                cursorOpens++;
                ColumnBatch all = tables.get(info.key());
                int perBatch = Math.min(options.batchRows(), maxBatchRows);
                BatchBuffer batch = BatchBuffer.allocate(all.layout(), perBatch);
                return new TableCursor() {
                    private int next;
                    private boolean cursorClosed;

                    @Override
                    public TableInfo table() {
                        return info;
                    }

                    @Override
                    public boolean next() {
                        if (closed || cursorClosed) {
                            throw new IllegalStateException("cursor used after close");
                        }
                        if (next == failAtRow) {
                            throw new BadFormatException(ErrorLocation.of(path, info.path(), next),
                                    "corrupt chunk (test)", null);
                        }
                        if (next >= all.rowCount()) {
                            return false;
                        }
                        int end = Math.min(all.rowCount(), next + perBatch);
                        batch.clear();
                        batch.appendRows(all, next, end);
                        batch.setFirstRow(next);
                        next = end;
                        return true;
                    }

                    @Override
                    public BatchBuffer batch() {
                        return batch;
                    }

                    @Override
                    public void close() {
                        if (!cursorClosed) {
                            cursorClosed = true;
                            cursorCloses++;
                        }
                    }
                };
            }

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    closes++;
                }
            }
        }
    }

    @Override
    public int spiVersion() {
        return Spi.VERSION;
    }
}
