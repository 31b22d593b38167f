package io.battdat.streaming;

import io.battdat.api.InvalidUseException;
import io.battdat.api.CycleMismatchException;
import io.battdat.api.FileAccessException;
import io.battdat.api.KeyNotFoundException;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.Row;
import io.battdat.api.spi.ReadOptions;
import io.battdat.api.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine over real PyTables files ({@code testdata/hdf5}, facts in its {@code expected.json}), with the HDF5
 * backend found through ServiceLoader: the engine never names it.
 */
@Timeout(60)
class EngineFixtureTest {
    private static final BattdatEngine ENGINE = Battdat.engine();

    static Path fixture(String name) {
        return Path.of(System.getProperty("battdat.testdata", "../testdata"), "hdf5", name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> expected(String fixture) throws IOException {
        Map<String, Object> all = (Map<String, Object>) Json.parse(Files.readString(fixture("expected.json")));
        return (Map<String, Object>) ((Map<String, Object>) all.get(fixture)).get("tables");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain.h5", "zlib9.h5", "multi-cell.h5", "with-cycle-stats.h5", "mismatched-cycles.h5",
            "mixed-types.h5", "foreign-table.h5", "empty.h5"})
    @SuppressWarnings("unchecked")
    void rowCountsAndCycleRunsMatchExpectedJson(String name) throws IOException {
        // small batches, so that cycles span batch boundaries
        BattdatEngine small = new BattdatEngine(ENGINE.registry(), ReadOptions.DEFAULT.withBatchRows(257));
        Path file = fixture(name);
        for (Map.Entry<String, Object> table : expected(name).entrySet()) {
            Map<String, Object> facts = (Map<String, Object>) table.getValue();
            long rows = 0;
            try (RecordStream records = small.records(file, table.getKey())) {
                while (records.hasNext()) {
                    assertEquals(rows++, records.next().tableRow());
                }
            }
            assertEquals(((Number) facts.get("rows")).longValue(), rows, name + table.getKey());
            if (facts.get("cycle_runs") != null) {
                long runs = 0;
                long cycleRows = 0;
                try (CycleStream cycles = small.cycles(file, CycleRequest.of(table.getKey()))) {
                    while (cycles.hasNext()) {
                        cycleRows += cycles.next().table().rowCount();
                        runs++;
                    }
                }
                assertEquals(((Number) facts.get("cycle_runs")).longValue(), runs, name + table.getKey());
                assertEquals(rows, cycleRows, name + table.getKey());
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void allTablesOfOneCellOfAMultiCellFile() throws IOException {
        Map<String, Object> facts = (Map<String, Object>) expected("multi-cell.h5").get("/cell_a/raw_data");
        int n = 0;
        try (CycleStream stream = ENGINE.cycles(fixture("multi-cell.h5"), CycleRequest.allTables("cell_a").withDataset())) {
            assertEquals(List.of("cell_a/raw_data"), stream.keys());
            while (stream.hasNext()) {
                Cycle c = stream.next();
                assertEquals(c.tables().get("cell_a/raw_data"), c.dataset().table("raw_data"));
                n++;
            }
        }
        assertEquals(((Number) facts.get("cycle_runs")).intValue(), n);
    }

    @Test
    void everyTableOfARootFileAdvancesTogether() {
        int n = 0;
        try (CycleStream stream = ENGINE.cycles(fixture("with-cycle-stats.h5"), CycleRequest.allTables())) {
            while (stream.hasNext()) {
                Cycle c = stream.next();
                assertEquals(1, c.tables().get("cycle_stats").rowCount());
                assertEquals(c.cycleIndex(), c.tables().get("raw_data").longs("cycle_number").get(0));
                n++;
            }
        }
        assertEquals(6, n); // expected.json: cycle_runs of both tables
    }

    @Test
    void anUnsupportedFilterIsReportedWithTheFile() {
        io.battdat.api.BattdatException e = assertThrows(io.battdat.api.BattdatException.class,
                () -> ENGINE.batches(fixture("blosc.h5"), null));
        assertTrue(e.getMessage().contains("blosc.h5") && e.getMessage().contains("32001"), e.getMessage());
    }

    @Test
    void recordsInStorageOrder() {
        // spec 2.4 item 1: the first record's test_time is 0.0
        long count = 0;
        double lastTime = -1;
        try (RecordStream records = ENGINE.records(fixture("plain.h5"), null)) {
            assertEquals("/raw_data", records.table().path());
            int time = records.table().layout().indexOf("test_time");
            while (records.hasNext()) {
                Row row = records.next();
                if (count == 0) {
                    assertEquals(0.0, row.getDouble("test_time"));
                }
                assertTrue(row.getDouble(time) >= lastTime, "storage order");
                lastTime = row.getDouble(time);
                count++;
            }
        }
        assertEquals(5776, count);
    }

    @Test
    void recordStreamClosesTheFile() {
        try (Stream<Row> rows = ENGINE.recordStream(fixture("zlib9.h5"), "raw_data")) {
            assertEquals(4044, rows.count()); // expected.json
        }
    }

    @Test
    void batchesCoverEveryRowOnce() {
        long rows = 0;
        try (BatchStream batches = ENGINE.batches(fixture("multi-cell.h5"), "cell_b/raw_data",
                ReadOptions.DEFAULT.withBatchRows(500))) {
            while (batches.hasNext()) {
                ColumnBatch b = batches.next();
                assertEquals(rows, b.firstRow());
                rows += b.rowCount();
            }
            assertEquals(batches.table().rows(), rows);
        }
    }

    @Test
    void cyclesOfOneTableAreRunsOfEqualCycleNumber() {
        // spec 2.4 item 2: as many chunks as runs of cycle_number (expected.json: cycle_runs)
        List<Long> cycles = new ArrayList<>();
        long rows = 0;
        try (CycleStream stream = ENGINE.cycles(fixture("plain.h5"), CycleRequest.of("raw_data"))) {
            while (stream.hasNext()) {
                Cycle c = stream.next();
                ColumnBatch t = c.table();
                for (int r = 0; r < t.rowCount(); r++) {
                    assertEquals(c.cycleIndex(), t.longs("cycle_number").get(r));
                }
                cycles.add(c.cycleIndex());
                rows += t.rowCount();
            }
        }
        assertEquals(5, cycles.size());
        assertEquals(5776, rows);
    }

    @Test
    void cyclesSpanBatchBoundaries() {
        BattdatEngine small = new BattdatEngine(ENGINE.registry(), ReadOptions.DEFAULT.withBatchRows(100));
        int n = 0;
        try (CycleStream stream = small.cycles(fixture("zlib9.h5"), CycleRequest.of("raw_data"))) {
            while (stream.hasNext()) {
                stream.next();
                n++;
            }
        }
        assertEquals(4, n); // expected.json: cycle_runs of zlib9.h5
    }

    @Test
    void allTablesAdvanceTogetherWithDatasets() {
        // spec 2.4 item 3: key=None streams both tables; the first cycle_stats row has cycle_number 0
        try (CycleStream stream = ENGINE.cycles(fixture("with-cycle-stats.h5"), CycleRequest.allTables().withDataset())) {
            assertEquals(List.of("cycle_stats", "raw_data"), stream.keys());
            Cycle first = stream.next();
            assertEquals(0, first.tables().get("cycle_stats").longs("cycle_number").get(0));
            assertTrue(first.dataset().schemas().containsKey("raw_data"));
            assertEquals(first.tables().get("raw_data").rowCount(), first.dataset().table("raw_data").rowCount());
            assertThrows(InvalidUseException.class, first::table);
        }
    }

    @Test
    void mismatchedCyclesNameEachTable() {
        try (CycleStream stream = ENGINE.cycles(fixture("mismatched-cycles.h5"), CycleRequest.allTables())) {
            CycleMismatchException e = assertThrows(CycleMismatchException.class, stream::next);
            assertEquals("Different cycle indices across entries: cycle_stats=1 raw_data=0", e.getRawMessage());
            assertTrue(e.getMessage().contains("mismatched-cycles.h5"), e.getMessage());
        }
    }

    @Test
    void severalCellsNeedAPrefix() {
        Path file = fixture("multi-cell.h5");
        KeyNotFoundException e = assertThrows(KeyNotFoundException.class,
                () -> ENGINE.cycles(file, CycleRequest.allTables()));
        assertTrue(e.getMessage().contains("cell_a") && e.getMessage().contains("cell_b"), e.getMessage());
        try (CycleStream stream = ENGINE.cycles(file, CycleRequest.allTables("cell_b"))) {
            assertEquals(List.of("cell_b/raw_data"), stream.keys());
            assertTrue(stream.hasNext());
        }
    }

    @Test
    void inspectFollowsPythonsRules() {
        DatasetSummary s = ENGINE.inspect(fixture("multi-cell.h5"));
        assertEquals(java.util.Arrays.asList("cell_a", "cell_b"), s.prefixes());
        assertEquals(List.of("raw_data"), List.copyOf(s.schemas().keySet()));
        DatasetSummary foreign = ENGINE.inspect(fixture("foreign-table.h5"));
        assertTrue(foreign.ignored().stream().anyMatch(x -> x.startsWith("/notes")), foreign.ignored().toString());
        assertEquals(java.util.Collections.singletonList(null), foreign.prefixes());
        assertEquals("cell-foreign", foreign.metadata().name());
    }

    @Test
    void aBattdatTableWithAnUnreadableSchemaIsAnError() {
        Path file = Path.of(System.getProperty("battdat.testdata", "../testdata"), "bad", "marked-battdat-bad-schema.h5");
        io.battdat.api.SchemaViolationException e = assertThrows(io.battdat.api.SchemaViolationException.class,
                () -> ENGINE.inspect(file));
        assertTrue(e.getMessage().contains("Table raw_data is marked as a battdat dataset but schema fails to read"),
                e.getMessage());
        // reading its rows does not need the schema, as in Python's record iterator
        try (RecordStream records = ENGINE.records(file, null)) {
            assertTrue(records.hasNext());
        }
    }

    @Test
    void missingKeyListsTheTables() {
        KeyNotFoundException e = assertThrows(KeyNotFoundException.class,
                () -> ENGINE.records(fixture("with-cycle-stats.h5"), "eis_data"));
        assertTrue(e.getMessage().contains("eis_data") && e.getMessage().contains("cycle_stats")
                && e.getMessage().contains("raw_data"), e.getMessage());
    }

    @Test
    void missingFileIsAFileAccessError() {
        FileAccessException e = assertThrows(FileAccessException.class,
                () -> ENGINE.records(fixture("no-such-file.h5"), null));
        assertTrue(e.getMessage().contains("no-such-file.h5"), e.getMessage());
    }

    @Test
    void exhaustedStreamsStayClosable() {
        try (BatchStream b = ENGINE.batches(fixture("empty.h5"), null)) {
            assertFalse(b.hasNext());
            b.close();
        }
    }
}
