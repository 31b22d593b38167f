package io.battdat.streaming;

import io.battdat.api.BadFormatException;
import io.battdat.api.KeyNotFoundException;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.Row;
import io.battdat.api.spi.ReadOptions;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Records and batches (spec 2.1) over the in-memory backend: order, keys, and when the file is open. */
class EngineStreamsTest extends MemoryBackendTest {

    @Test
    void recordsComeInStorageOrderAcrossBatchesThroughOneRow() {
        TestingMemoryReader.MemoryFile f = reader.file(dir, "a.mem").table("raw_data", 0, 0, 0, 1, 1, 1, 1, 2, 2, 2);
        List<Double> times = new ArrayList<>();
        Row first = null;
        try (RecordStream records = engine.records(f.path, "raw_data")) {
            assertEquals("/raw_data", records.table().path());
            while (records.hasNext()) {
                Row row = records.next();
                first = first == null ? row : first;
                assertSame(first, row, "one Row moved forward");
                assertEquals(times.size(), row.tableRow());
                times.add(row.getDouble("test_time"));
            }
            assertThrows(NoSuchElementException.class, records::next);
            assertEquals(0, f.closes, "exhausting the stream does not close the file");
        }
        assertEquals(List.of(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0), times);
        assertEquals(1, f.opens);
        assertTrue(f.allClosed(), f.toString());
    }

    @Test
    void batchesFollowTheReadOptions() {
        TestingMemoryReader.MemoryFile f = reader.file(dir, "a.mem").batchRows(100)
                .table("raw_data", 0, 0, 0, 0, 0, 1, 1, 1, 1, 1);
        List<Integer> sizes = new ArrayList<>();
        List<Long> starts = new ArrayList<>();
        try (BatchStream batches = engine.batches(f.path, null, ReadOptions.DEFAULT.withBatchRows(4))) {
            assertEquals("raw_data", batches.table().key());
            while (batches.hasNext()) {
                ColumnBatch b = batches.next();
                sizes.add(b.rowCount());
                starts.add(b.firstRow());
            }
            assertFalse(batches.hasNext());
        }
        assertEquals(List.of(4, 4, 2), sizes);
        assertEquals(List.of(0L, 4L, 8L), starts);
        assertTrue(f.allClosed(), f.toString());
    }

    @Test
    void aNullKeyMeansRawDataAndAKeyMayCarryAPrefix() {
        TestingMemoryReader.MemoryFile f = reader.file(dir, "a.mem")
                .table("raw_data", 7, 7)
                .table("cell_a/raw_data", 3, 3, 3);
        try (RecordStream records = engine.records(f.path, null)) {
            assertEquals(7, records.next().getLong("cycle_number"));
        }
        try (RecordStream records = engine.records(f.path, "cell_a/raw_data")) {
            assertEquals("cell_a", records.table().prefix());
            assertEquals(3, records.next().getLong("cycle_number"));
        }
        try (RecordStream records = engine.records(f.path, "/cell_a/raw_data")) {
            assertEquals("/cell_a/raw_data", records.table().path());
        }
        assertTrue(f.allClosed(), f.toString());
    }

    @Test
    void aMissingKeyListsTheTablesAndClosesTheFile() {
        TestingMemoryReader.MemoryFile f = reader.file(dir, "a.mem").table("cycle_stats", 0).table("raw_data", 0);
        KeyNotFoundException e = assertThrows(KeyNotFoundException.class, () -> engine.records(f.path, "eis_data"));
        assertTrue(e.getMessage().contains("eis_data") && e.getMessage().contains("[cycle_stats, raw_data]"),
                e.getMessage());
        assertEquals(1, f.opens);
        assertTrue(f.allClosed(), f.toString());
    }

    @Test
    void aFailureWhileOpeningTheTableClosesTheFile() {
        TestingMemoryReader.MemoryFile f = reader.file(dir, "a.mem").table("raw_data", 0);
        f.failOpen.add("raw_data");
        assertThrows(BadFormatException.class, () -> engine.batches(f.path, null));
        assertEquals(1, f.closes);
    }

    @Test
    void aReadErrorPartWayClosesTheFileAfterTheGoodRows() {
        TestingMemoryReader.MemoryFile f = reader.file(dir, "a.mem").table("raw_data", 0, 0, 0, 0, 0, 0, 0);
        f.failAtRow = 6;
        int[] seen = {0};
        try (RecordStream records = engine.records(f.path, null)) {
            BadFormatException e = assertThrows(BadFormatException.class, () -> {
                while (records.hasNext()) {
                    records.next();
                    seen[0]++;
                }
            });
            assertEquals(6, e.row());
            assertTrue(f.allClosed(), "closed by the error: " + f);
            assertFalse(records.hasNext());
        }
        assertEquals(6, seen[0]);
        assertEquals(1, f.closes);
    }

    @Test
    void closeIsIdempotent() {
        TestingMemoryReader.MemoryFile f = reader.file(dir, "a.mem").table("raw_data", 0, 1);
        BatchStream batches = engine.batches(f.path, null);
        batches.close();
        batches.close();
        assertFalse(batches.hasNext());
        RecordStream records = engine.records(f.path, null);
        records.close();
        records.close();
        assertEquals(2, f.opens);
        assertEquals(2, f.closes);
        assertTrue(f.allClosed(), f.toString());
    }

    @Test
    void aRecordStreamClosesTheFileWhenClosed() {
        TestingMemoryReader.MemoryFile f = reader.file(dir, "a.mem").table("raw_data", 0, 0, 1, 1, 1, 2, 2);
        try (Stream<Row> rows = engine.recordStream(f.path, null)) {
            assertEquals(18.0, rows.mapToDouble(r -> r.getDouble("test_time")).filter(t -> t > 2).sum());
            assertEquals(0, f.closes, "open until the stream is closed");
        }
        assertTrue(f.allClosed(), f.toString());
        try (Stream<Row> rows = engine.recordStream(f.path, null)) {
            assertEquals(2, rows.limit(2).count());
        }
        assertTrue(f.allClosed(), f.toString());
    }

    @Test
    void iteratingRecordsAllocatesNothingPerRow() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "no per-thread allocation counter");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "per-thread allocation counting is off");
        int rows = 200_000;
        long[] cycles = new long[rows];
        for (int i = 0; i < rows; i++) {
            cycles[i] = i / 1000;
        }
        TestingMemoryReader.MemoryFile f = reader.file(dir, "big.mem").batchRows(4096).table("raw_data", cycles);
        long tid = Thread.currentThread().getId();
        long allocated = Long.MAX_VALUE;
        for (int pass = 0; pass < 3; pass++) { // the first passes warm the JIT up
            try (RecordStream records = engine.records(f.path, null)) {
                double sum = 0;
                long before = threads.getThreadAllocatedBytes(tid);
                while (records.hasNext()) {
                    sum += records.next().getDouble(0);
                }
                allocated = Math.min(allocated, threads.getThreadAllocatedBytes(tid) - before);
                assertEquals((double) rows * (rows - 1) / 2, sum);
            }
        }
        assertTrue(allocated < rows / 10, allocated + " bytes allocated for " + rows + " records");
    }

    @Test
    void aMissingFileIsAFileAccessError() {
        Path missing = dir.resolve("nothing.mem");
        io.battdat.api.FileAccessException e = assertThrows(io.battdat.api.FileAccessException.class,
                () -> engine.batches(missing, null));
        assertEquals(missing, e.file());
    }

    @Test
    void streamsAreIterators() {
        TestingMemoryReader.MemoryFile f = reader.file(dir, "a.mem").table("raw_data", 0, 1, 2, 3);
        try (RecordStream records = engine.records(f.path, null)) {
            Iterator<Row> it = records;
            List<Long> cycles = new ArrayList<>();
            it.forEachRemaining(r -> cycles.add(r.getLong("cycle_number")));
            assertEquals(List.of(0L, 1L, 2L, 3L), cycles);
        }
    }
}
