package io.battdat.streaming;

import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.Row;
import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.spi.DatasetSink;
import io.battdat.api.spi.ReadOptions;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.TableCursor;
import io.battdat.api.spi.TableInfo;
import io.battdat.api.spi.TableSink;
import io.battdat.api.spi.WriteOptions;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * One suite, every storage backend: records, batches with row ranges, cycles across tables and the streaming writer
 * give the same results whether the data sit in HDF5 or in the Parquet layout. The engine picks the backend from
 * the path alone ({@code .h5} file or {@code .parquet} dataset directory); nothing here names a backend class. The
 * Parquet datasets are written through the engine's writer SPI from the HDF5 fixtures, which are the reference.
 */
@Timeout(120)
class BackendSuiteTest {
    private static final BattdatEngine ENGINE = Battdat.engine();

    @TempDir
    static Path dir;

    /** The fixture as the backend stores it: the HDF5 file itself, or its copy as a Parquet dataset. */
    private static synchronized Path stored(String fixture, String backend) {
        Path h5 = EngineFixtureTest.fixture(fixture);
        if (backend.equals("hdf5")) {
            return h5;
        }
        Path out = dir.resolve(fixture.replace(".h5", ".parquet"));
        if (!Files.exists(out)) {
            copy(h5, out);
        }
        return out;
    }

    private static void copy(Path in, Path out) {
        try (StoredDataset source = ENGINE.open(in)) {
            String json = source.metadataJson();
            WriteOptions options = WriteOptions.create(BatteryMetadata.fromJson(json)).withMetadataJson(json);
            try (DatasetSink sink = ENGINE.registry().writerFor(out).open(out, options)) {
                for (TableInfo t : source.tables()) {
                    TableSink target = sink.createTable(t.key(), t.layout(), t.schema(), t.rows());
                    try (TableCursor c = source.openTable(t.key(), ReadOptions.builder().batchRows(1_000).threads(1).prefetch(0).build())) {
                        while (c.next()) {
                            target.append(c.batch(), 0, c.batch().rowCount());
                        }
                    }
                }
            }
        }
    }

    private static List<Map<String, Object>> records(Path file, String key) {
        List<Map<String, Object>> out = new ArrayList<>();
        try (RecordStream s = ENGINE.records(file, key)) {
            while (s.hasNext()) {
                out.add(s.next().toMap());
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"hdf5", "parquet"})
    void theEnginePicksTheBackendFromThePath(String backend) {
        try (StoredDataset ds = ENGINE.open(stored("multi-cell.h5", backend))) {
            assertEquals(backend, ds.formatName());
        }
        DatasetSummary summary = ENGINE.inspect(stored("multi-cell.h5", backend));
        DatasetSummary reference = ENGINE.inspect(stored("multi-cell.h5", "hdf5"));
        assertEquals(reference.metadata(), summary.metadata());
    }

    @ParameterizedTest
    @ValueSource(strings = {"hdf5", "parquet"})
    void everyTableStreamsTheSameRecords(String backend) {
        for (String fixture : List.of("multi-cell.h5", "with-cycle-stats.h5")) {
            Path path = stored(fixture, backend);
            Path reference = stored(fixture, "hdf5");
            List<String> keys = new ArrayList<>();
            try (StoredDataset ds = ENGINE.open(path); StoredDataset ref = ENGINE.open(reference)) {
                assertEquals(ref.tables().stream().map(TableInfo::path).toList(),
                        ds.tables().stream().map(TableInfo::path).toList(), fixture);
                for (TableInfo t : ds.tables()) {
                    assertEquals(ref.table(t.key()).layout(), t.layout(), fixture + " " + t.key());
                    keys.add(t.key());
                }
            }
            for (String key : keys) {
                assertEquals(records(reference, key), records(path, key), fixture + " " + key);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"hdf5", "parquet"})
    void batchesHonourRowRanges(String backend) {
        Path path = stored("with-cycle-stats.h5", backend);
        List<Map<String, Object>> all = records(stored("with-cycle-stats.h5", "hdf5"), "raw_data");
        long first = all.size() / 3;
        long end = first + all.size() / 4;
        List<Map<String, Object>> got = new ArrayList<>();
        try (BatchStream s = ENGINE.batches(path, "raw_data", ENGINE.options().withBatchRows(100)
                .withRowRange(first, end))) {
            while (s.hasNext()) {
                ColumnBatch b = s.next();
                Row r = b.row();
                for (int i = 0; i < b.rowCount(); i++) {
                    got.add(r.moveTo(i).toMap());
                }
            }
        }
        assertEquals(all.subList((int) first, (int) end), got);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hdf5", "parquet"})
    void batchesHonourColumnSelections(String backend) {
        Path path = stored("with-cycle-stats.h5", backend);
        List<String> picked = List.of("voltage", "cycle_number", "test_time");
        List<Map<String, Object>> want = new ArrayList<>();
        for (Map<String, Object> row : records(stored("with-cycle-stats.h5", "hdf5"), "raw_data")) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            picked.forEach(k -> m.put(k, row.get(k)));
            want.add(m);
        }
        List<Map<String, Object>> got = new ArrayList<>();
        try (BatchStream s = ENGINE.batches(path, "raw_data", ENGINE.options().withColumns(picked))) {
            while (s.hasNext()) {
                ColumnBatch b = s.next();
                assertEquals(picked, b.layout().names());
                Row r = b.row();
                for (int i = 0; i < b.rowCount(); i++) {
                    got.add(r.moveTo(i).toMap());
                }
            }
        }
        assertEquals(want, got);
        assertThrows(io.battdat.api.KeyNotFoundException.class, () -> ENGINE.batches(path, "raw_data",
                ENGINE.options().withColumns(List.of("no_such_column"))).close());
    }

    @ParameterizedTest
    @ValueSource(strings = {"hdf5", "parquet"})
    void cyclesAcrossTablesAreTheSame(String backend) {
        assertEquals(cycles(stored("with-cycle-stats.h5", "hdf5")), cycles(stored("with-cycle-stats.h5", backend)));
    }

    private static List<String> cycles(Path path) {
        List<String> out = new ArrayList<>();
        try (CycleStream s = ENGINE.cycles(path, CycleRequest.allTables().withDataset())) {
            while (s.hasNext()) {
                Cycle c = s.next();
                Map<String, Integer> rows = new LinkedHashMap<>();
                c.tables().forEach((k, b) -> rows.put(k, b.rowCount()));
                out.add(c.cycleNumber() + " " + rows + " " + c.dataset().tables().keySet());
            }
        }
        assertFalse(out.isEmpty());
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"h5", "parquet"})
    void theStreamingWriterRoundTripsThroughEitherBackend(String extension) {
        Path in = EngineFixtureTest.fixture("plain.h5");
        Path out = dir.resolve("written-by-rows." + extension);
        BatteryMetadata metadata = ENGINE.inspect(in).metadata().withName("suite");
        try (RecordStream records = ENGINE.records(in, null);
             HDF5Writer w = HDF5Writer.builder(out).metadata(metadata).bufferSize(500)
                     .layout(records.table().layout()).open()) {
            while (records.hasNext()) {
                w.writeRow(records.next().toMap());
            }
        }
        try (StoredDataset ds = ENGINE.open(out)) {
            assertEquals(extension.equals("h5") ? "hdf5" : "parquet", ds.formatName());
        }
        assertEquals("suite", ENGINE.inspect(out).metadata().name());
        assertEquals(records(in, null), records(out, null));
    }
}
