package io.battdat.streaming;

import io.battdat.api.InvalidUseException;
import io.battdat.api.BadFormatException;
import io.battdat.api.CycleMismatchException;
import io.battdat.api.KeyNotFoundException;
import io.battdat.api.SchemaViolationException;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.dataset.BatteryDataset;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cycle streaming (spec 2.2) over the in-memory backend, whose small batches make cycles span batches. */
class CycleStreamTest extends MemoryBackendTest {

    private static double[] times(ColumnBatch b) {
        double[] out = new double[b.rowCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.doubles("test_time").get(i);
        }
        return out;
    }

    @Test
    void oneTableCyclesSpanBatchesAndOwnTheirRows() {
        TestingMemoryReader.MemoryFile f = reader.file(dir, "a.mem").batchRows(2)
                .table("raw_data", 0, 0, 0, 0, 0, 1, 2, 2, 2, 2);
        List<Cycle> cycles = new ArrayList<>();
        try (CycleStream s = engine.cycles(f.path, CycleRequest.of("raw_data"))) {
            assertEquals(List.of("raw_data"), s.keys());
            s.forEachRemaining(cycles::add);
            assertFalse(s.hasNext());
        }
        assertTrue(f.allClosed(), f.toString());
        // read after the stream is closed: the cycles own compact copies, untouched by the reused batch
        assertEquals(List.of(0L, 1L, 2L), cycles.stream().map(Cycle::cycleIndex).toList());
        assertArrayEquals(new double[]{0, 1, 2, 3, 4}, times(cycles.get(0).table()));
        assertArrayEquals(new double[]{5}, times(cycles.get(1).table()));
        assertArrayEquals(new double[]{6, 7, 8, 9}, times(cycles.get(2).table()));
        for (Cycle c : cycles) {
            assertEquals(c.table().rowCount(), c.table().capacity(), "compact");
            assertEquals((long) c.table().doubles("test_time").get(0), c.table().firstRow());
            assertEquals(c.table(), c.tables().get("raw_data"));
            assertEquals(c.table().rowCount(), c.rows());
            assertThrows(InvalidUseException.class, c::dataset);
        }
        assertThrows(UnsupportedOperationException.class, () -> cycles.get(0).tables().clear());
    }

    @Test
    void aCycleNumberThatComesBackStartsANewRun() {
        // runs, not a group-by: itertools.groupby semantics
        TestingMemoryReader.MemoryFile f = reader.file(dir, "a.mem")
                .table("raw_data", 0, 0, 0, 0, 0, 1, 1, 0, 2, 2, 2, 2, 2);
        List<Long> cycles = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        try (CycleStream s = engine.cycles(f.path, CycleRequest.of((String) null))) {
            s.forEachRemaining(c -> {
                cycles.add(c.cycleIndex());
                sizes.add(c.table().rowCount());
            });
        }
        assertEquals(List.of(0L, 1L, 0L, 2L), cycles);
        assertEquals(List.of(5, 2, 1, 5), sizes);
        assertTrue(f.allClosed(), f.toString());
    }

    @Test
    void severalTablesKeepTheKeyOrderAndAdvanceTogether() {
        TestingMemoryReader.MemoryFile f = reader.file(dir, "a.mem")
                .table("cycle_stats", 0, 1, 2)
                .table("raw_data", 0, 0, 0, 0, 1, 1, 1, 1, 2);
        List<Integer> rawSizes = new ArrayList<>();
        try (CycleStream s = engine.cycles(f.path, CycleRequest.of(List.of("raw_data", "cycle_stats")))) {
            assertEquals(List.of("raw_data", "cycle_stats"), s.keys());
            while (s.hasNext()) {
                Cycle c = s.next();
                assertEquals(List.of("raw_data", "cycle_stats"), List.copyOf(c.tables().keySet()));
                assertEquals(1, c.tables().get("cycle_stats").rowCount());
                assertThrows(InvalidUseException.class, c::table);
                rawSizes.add(c.tables().get("raw_data").rowCount());
            }
        }
        assertEquals(List.of(4, 4, 1), rawSizes);
        assertEquals(1, f.opens, "one open for all tables");
        assertEquals(2, f.cursorOpens);
        assertTrue(f.allClosed(), f.toString());
    }

    @Test
    void allTablesFollowsTheWalkOrder() {
        TestingMemoryReader.MemoryFile f = reader.file(dir, "a.mem")
                .table("cycle_stats", 0, 1)
                .table("raw_data", 0, 0, 1, 1);
        try (CycleStream s = engine.cycles(f.path, CycleRequest.allTables())) {
            assertEquals(List.of("cycle_stats", "raw_data"), s.keys());
            Cycle first = s.next();
            assertEquals(0, first.tables().get("cycle_stats").longs("cycle_number").get(0));
            assertEquals(1, s.next().cycleIndex());
            assertFalse(s.hasNext());
        }
        assertTrue(f.allClosed(), f.toString());
    }

    @Test
    void allTablesOfAFileOfSeveralCellsListsTheCells() {
        TestingMemoryReader.MemoryFile f = reader.file(dir, "a.mem")
                .table("cell_a/raw_data", 0)
                .table("cell_b/raw_data", 0);
        KeyNotFoundException e = assertThrows(KeyNotFoundException.class,
                () -> engine.cycles(f.path, CycleRequest.allTables()));
        assertTrue(e.getMessage().contains("[cell_a, cell_b]") && e.getMessage().contains("a.mem"), e.getMessage());
        assertTrue(f.allClosed(), f.toString());
        KeyNotFoundException noCell = assertThrows(KeyNotFoundException.class,
                () -> engine.cycles(f.path, CycleRequest.allTables("cell_c")));
        assertTrue(noCell.getMessage().contains("cell_c") && noCell.getMessage().contains("[cell_a, cell_b]"),
                noCell.getMessage());
        assertTrue(f.allClosed(), f.toString());
    }

    @Test
    void allTablesOfOnePrefixWithDatasets() {
        TestingMemoryReader.MemoryFile f = reader.file(dir, "a.mem")
                .table("cell_a/cycle_stats", 5, 6)
                .table("cell_a/eis_like", 5, 6)
                .table("cell_a/raw_data", 5, 5, 6)
                .table("cell_b/raw_data", 9)
                .schema("cell_b/raw_data", "{\"only_in_b\":{\"description\":\"b\"}}");
        f.metadataJson = "{\"name\":\"two cells\"}";
        List<Long> cycles = new ArrayList<>();
        try (CycleStream s = engine.cycles(f.path, CycleRequest.allTables("/cell_a").withDataset())) {
            assertEquals(List.of("cell_a/cycle_stats", "cell_a/eis_like", "cell_a/raw_data"), s.keys());
            while (s.hasNext()) {
                Cycle c = s.next();
                cycles.add(c.cycleIndex());
                BatteryDataset ds = c.dataset();
                assertEquals("two cells", ds.metadata().name());
                assertEquals(List.of("cycle_stats", "eis_like", "raw_data"), List.copyOf(ds.tables().keySet()));
                assertEquals(List.of("cycle_stats", "eis_like", "raw_data"), List.copyOf(ds.schemas().keySet()));
                assertFalse(ds.schemas().get("raw_data").contains("only_in_b"));
                assertEquals(c.tables().get("cell_a/raw_data"), ds.table("raw_data"));
            }
        }
        assertEquals(List.of(5L, 6L), cycles);
        assertTrue(f.allClosed(), f.toString());
    }

    @Test
    void aDatasetCarriesTheSchemasOfTablesNotStreamed() {
        TestingMemoryReader.MemoryFile f = reader.file(dir, "a.mem")
                .table("cycle_stats", 0)
                .table("raw_data", 0, 0)
                .tableWithoutCycles("notes", 1)
                .schema("notes", "not json");
        try (CycleStream s = engine.cycles(f.path, CycleRequest.of("raw_data").withDataset())) {
            BatteryDataset ds = s.next().dataset();
            assertEquals("memory-cell", ds.metadata().name());
            assertEquals(List.of("cycle_stats", "raw_data"), List.copyOf(ds.schemas().keySet()),
                    "every parsable schema of the cell; notes' is not");
            assertEquals(List.of("raw_data"), List.copyOf(ds.tables().keySet()));
        }
        assertTrue(f.allClosed(), f.toString());
    }

    @Test
    void aDatasetNeedsValidMetadataAndSchemas() {
        TestingMemoryReader.MemoryFile f = reader.file(dir, "a.mem").table("raw_data", 0).schema("raw_data", "[]");
        SchemaViolationException schema = assertThrows(SchemaViolationException.class,
                () -> engine.cycles(f.path, CycleRequest.of("raw_data").withDataset()));
        assertEquals("/raw_data", schema.table());
        assertEquals(f.path, schema.file());
        f.schemas.clear();
        f.metadataJson = "[1, 2]";
        BadFormatException metadata = assertThrows(BadFormatException.class,
                () -> engine.cycles(f.path, CycleRequest.of("raw_data").withDataset()));
        assertEquals(f.path, metadata.file());
        try (CycleStream s = engine.cycles(f.path, CycleRequest.of("raw_data"))) {
            assertEquals(1, s.next().rows(), "metadata is not read without datasets");
        }
        assertTrue(f.allClosed(), f.toString());
        assertEquals(0, f.cursorOpens - 1, "no cursor opened by the failed requests");
    }

    @Test
    void differentCycleNumbersGivePythonsMessage() {
        // with-cycle-stats minus the first cycle_stats row: spec 2.4 item 3
        TestingMemoryReader.MemoryFile f = reader.file(dir, "cells.mem")
                .table("cycle_stats", 1, 2)
                .table("raw_data", 0, 0, 1, 1, 2);
        try (CycleStream s = engine.cycles(f.path, CycleRequest.allTables())) {
            CycleMismatchException e = assertThrows(CycleMismatchException.class, s::next);
            assertEquals("Different cycle indices across entries: cycle_stats=1 raw_data=0", e.getRawMessage());
            assertEquals(f.path, e.file());
            assertEquals(f.path + ": Different cycle indices across entries: cycle_stats=1 raw_data=0", e.getMessage());
            assertTrue(f.allClosed(), "the error closed the stream: " + f);
            assertFalse(s.hasNext());
        }
        assertEquals(1, f.closes);
    }

    @Test
    void anIntegerCycleEqualsTheSameFloatAndFractionsArePrinted() {
        TestingMemoryReader.MemoryFile f = reader.file(dir, "a.mem")
                .floatTable("cycle_stats", 0.0, 1.0, 1.5)
                .table("raw_data", 0, 0, 1, 2);
        try (CycleStream s = engine.cycles(f.path, CycleRequest.allTables())) {
            assertEquals(0.0, s.next().cycleNumber());
            assertEquals(1.0, s.next().cycleNumber());
            CycleMismatchException e = assertThrows(CycleMismatchException.class, s::next);
            assertEquals("Different cycle indices across entries: cycle_stats=1.5 raw_data=2", e.getRawMessage());
        }
    }

    @Test
    void aLongerTableIsAnErrorNotASilentlyLostTail() {
        TestingMemoryReader.MemoryFile f = reader.file(dir, "a.mem").batchRows(2)
                .table("cycle_stats", 0, 1)
                .table("raw_data", 0, 0, 1, 1, 2, 2);
        try (CycleStream s = engine.cycles(f.path, CycleRequest.allTables())) {
            assertEquals(0, s.next().cycleIndex());
            assertEquals(1, s.next().cycleIndex());
            CycleMismatchException e = assertThrows(CycleMismatchException.class, s::next);
            assertEquals("table raw_data has more cycles than cycle_stats: its cycle 2 has no counterpart because"
                    + " cycle_stats ended after 2 cycles", e.getRawMessage());
            assertEquals("/raw_data", e.table());
            assertEquals(4, e.row());
            assertEquals(f.path, e.file());
        }
        assertTrue(f.allClosed(), f.toString());
        // the other way round: the first table is the longer one
        TestingMemoryReader.MemoryFile g = reader.file(dir, "b.mem").table("raw_data", 0, 1, 2).table("cycle_stats", 0);
        try (CycleStream s = engine.cycles(g.path, CycleRequest.of(List.of("raw_data", "cycle_stats")))) {
            s.next();
            CycleMismatchException e = assertThrows(CycleMismatchException.class, s::hasNext);
            assertTrue(e.getRawMessage().startsWith("table raw_data has more cycles than cycle_stats: its cycle 1 "),
                    e.getRawMessage());
        }
    }

    @Test
    void aTableWithoutCycleNumberIsRefusedWhenTheStreamOpens() {
        TestingMemoryReader.MemoryFile f = reader.file(dir, "a.mem").table("raw_data", 0, 1).tableWithoutCycles("notes", 2);
        SchemaViolationException e = assertThrows(SchemaViolationException.class,
                () -> engine.cycles(f.path, CycleRequest.allTables()));
        assertEquals("/notes", e.table());
        assertEquals(f.path, e.file());
        assertTrue(e.getMessage().contains("cycle_number") && e.getMessage().contains("[x]"), e.getMessage());
        assertEquals(0, f.cursorOpens);
        assertTrue(f.allClosed(), f.toString());
    }

    @Test
    void aMissingKeyListsTheTables() {
        TestingMemoryReader.MemoryFile f = reader.file(dir, "a.mem").table("cycle_stats", 0).table("raw_data", 0);
        KeyNotFoundException e = assertThrows(KeyNotFoundException.class,
                () -> engine.cycles(f.path, CycleRequest.of(List.of("raw_data", "eis_data"))));
        assertTrue(e.getMessage().contains("eis_data") && e.getMessage().contains("[cycle_stats, raw_data]"),
                e.getMessage());
        assertTrue(f.allClosed(), f.toString());
    }

    @Test
    void aFailureOpeningTheSecondTableClosesTheFirst() {
        TestingMemoryReader.MemoryFile f = reader.file(dir, "a.mem").table("cycle_stats", 0).table("raw_data", 0);
        f.failOpen.add("raw_data");
        assertThrows(BadFormatException.class, () -> engine.cycles(f.path, CycleRequest.allTables()));
        assertEquals(1, f.cursorOpens);
        assertTrue(f.allClosed(), f.toString());
    }

    @Test
    void closeIsIdempotentAndEndsTheStream() {
        TestingMemoryReader.MemoryFile f = reader.file(dir, "a.mem").table("raw_data", 0, 1, 2);
        CycleStream s = engine.cycles(f.path, CycleRequest.of("raw_data"));
        assertTrue(s.hasNext());
        s.close();
        s.close();
        assertFalse(s.hasNext());
        assertEquals(1, f.closes);
        assertTrue(f.allClosed(), f.toString());
    }

    @Test
    void requestsAreChecked() {
        assertEquals(List.of("raw_data"), CycleRequest.of((String) null).keys());
        assertNull(CycleRequest.allTables().keys());
        assertNull(CycleRequest.allTables().prefix());
        assertEquals("cell_a", CycleRequest.allTables("cell_a").prefix());
        assertTrue(CycleRequest.of("raw_data").withDataset().makeDataset());
        assertFalse(CycleRequest.of("raw_data").makeDataset());
        assertThrows(InvalidUseException.class, () -> CycleRequest.of(List.of()));
        assertThrows(InvalidUseException.class, () -> CycleRequest.of(List.of("raw_data", "raw_data")));
        assertThrows(InvalidUseException.class, () -> CycleRequest.of(java.util.Arrays.asList("raw_data", null)));
        List<String> keys = new ArrayList<>(List.of("a"));
        CycleRequest r = CycleRequest.of(keys);
        keys.add("b");
        assertEquals(List.of("a"), r.keys(), "keys are copied");
    }

    @Test
    void theSameTableUnderTwoSpellingsIsRefused() {
        TestingMemoryReader.MemoryFile f = reader.file(dir, "a.mem").table("raw_data", 0);
        assertThrows(InvalidUseException.class,
                () -> engine.cycles(f.path, CycleRequest.of(List.of("raw_data", "/raw_data"))));
        assertTrue(f.allClosed(), f.toString());
    }
}
