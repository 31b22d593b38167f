package io.battdat.streaming;

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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

/** A backend whose "files" are tables built in the test, served in small batches; it counts opens and closes. */
final class InMemoryDataset implements StoredDataset {
    final Path path;
    final Map<String, ColumnBatch> tables = new LinkedHashMap<>();
    final int batchRows;
    final AtomicInteger open = new AtomicInteger();

    InMemoryDataset(Path path, int batchRows) {
        this.path = path;
        this.batchRows = batchRows;
    }

    /** Adds a table with a cycle_number column holding the given values and a test_time column 0, 1, 2, ... */
    InMemoryDataset table(String key, long... cycles) {
        TableLayout layout = TableLayout.of(ColumnSpec.of("test_time", StorageType.FLOAT64),
                ColumnSpec.of("cycle_number", StorageType.INT64));
        ColumnBatch b = ColumnBatch.allocate(layout, cycles.length);
        for (int i = 0; i < cycles.length; i++) {
            ((DoubleColumn) b.column(0)).values()[i] = i;
            ((LongColumn) b.column(1)).values()[i] = cycles[i];
        }
        b.setRowCount(cycles.length);
        tables.put(key, b);
        return this;
    }

    StreamReader reader() {
        InMemoryDataset self = this;
        return new StreamReader() {
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
                return probe.path().equals(path) ? ProbeResult.SIGNATURE : ProbeResult.NO;
            }

            @Override
            public StoredDataset open(Path p) {
                self.open.incrementAndGet();
                return self;
            }
        };
    }

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
        return "{\"name\":\"memory\"}";
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
            out.add(new TableInfo("/" + k, slash < 0 ? null : k.substring(0, slash), k.substring(slash + 1),
                    b.layout(), b.rowCount(), "{\"extra_columns\":{}}", null, List.of(), 0, OptionalLong.empty()));
        });
        return out;
    }

    @Override
    public List<String> ignoredTables() {
        return List.of();
    }

    @Override
    public TableCursor openTable(String key, ReadOptions options) {
        TableInfo info = table(key);
        ColumnBatch all = tables.get(info.key());
        return new TableCursor() {
            private int next;
            private ColumnBatch batch;

            @Override
            public TableInfo table() {
                return info;
            }

            @Override
            public boolean next() {
                if (next >= all.rowCount()) {
                    return false;
                }
                int end = Math.min(all.rowCount(), next + batchRows);
                batch = ColumnBatch.allocate(all.layout(), batchRows);
                batch.appendRows(all, next, end);
                batch.setFirstRow(next);
                next = end;
                return true;
            }

            @Override
            public ColumnBatch batch() {
                return batch;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void close() {
        open.decrementAndGet();
    }
}
