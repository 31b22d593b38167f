package io.battdat.streaming;

import io.battdat.api.CycleMismatchException;
import io.battdat.api.spi.ReadOptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cycle streaming rules (spec 2.2) on tables built in the test and served three rows at a time. */
class CycleSemanticsTest {
    private Path file;

    @org.junit.jupiter.api.BeforeEach
    void createFile(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
        file = java.nio.file.Files.writeString(dir.resolve("cells.mem"), "memory");
    }

    private BattdatEngine engine(InMemoryDataset data) {
        return new BattdatEngine(StorageRegistry.of(List.of(data.reader()), List.of()), ReadOptions.DEFAULT);
    }

    @Test
    void runsNotGroups() {
        // a cycle that appears twice non-contiguously yields two runs, as itertools.groupby does
        InMemoryDataset data = new InMemoryDataset(file, 3).table("raw_data", 0, 0, 0, 0, 0, 1, 1, 0, 2, 2, 2, 2, 2);
        List<Long> cycles = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        try (CycleStream s = engine(data).cycles(file, CycleRequest.of("raw_data"))) {
            s.forEachRemaining(c -> {
                cycles.add(c.cycleIndex());
                sizes.add(c.table().rowCount());
            });
        }
        assertEquals(List.of(0L, 1L, 0L, 2L), cycles);
        assertEquals(List.of(5, 2, 1, 5), sizes);
        assertEquals(0, data.open.get(), "the stream closed the dataset");
    }

    @Test
    void theTailOfALongerTableIsAnError() {
        InMemoryDataset data = new InMemoryDataset(file, 3)
                .table("cycle_stats", 0, 1)
                .table("raw_data", 0, 0, 1, 1, 2, 2);
        try (CycleStream s = engine(data).cycles(file, CycleRequest.allTables())) {
            assertEquals(0, s.next().cycleIndex());
            assertEquals(1, s.next().cycleIndex());
            CycleMismatchException e = assertThrows(CycleMismatchException.class, s::next);
            assertTrue(e.getMessage().contains("raw_data has more cycles than cycle_stats")
                    && e.getMessage().contains("cycle 2"), e.getMessage());
        }
        assertEquals(0, data.open.get());
    }

    @Test
    void mismatchListsEveryTableInKeyOrder() {
        InMemoryDataset data = new InMemoryDataset(file, 3)
                .table("raw_data", 0, 0, 1)
                .table("cycle_stats", 1);
        try (CycleStream s = engine(data).cycles(file, CycleRequest.of(List.of("raw_data", "cycle_stats")))) {
            CycleMismatchException e = assertThrows(CycleMismatchException.class, s::next);
            assertTrue(e.getMessage().endsWith("Different cycle indices across entries: raw_data=0 cycle_stats=1"),
                    e.getMessage());
        }
    }

    @Test
    void aTableWithoutCycleNumberIsRefusedAtOpen() {
        InMemoryDataset data = new InMemoryDataset(file, 3).table("raw_data", 0, 1);
        data.tables.put("notes", io.battdat.api.data.ColumnBatch.allocate(io.battdat.api.data.TableLayout.of(
                io.battdat.api.data.ColumnSpec.of("x", io.battdat.api.data.StorageType.FLOAT64)), 0));
        io.battdat.api.SchemaViolationException e = assertThrows(io.battdat.api.SchemaViolationException.class,
                () -> engine(data).cycles(file, CycleRequest.allTables()));
        assertTrue(e.getMessage().contains("/notes") && e.getMessage().contains("cycle_number"), e.getMessage());
        assertEquals(0, data.open.get(), "the failed open closed the dataset");
    }
}
