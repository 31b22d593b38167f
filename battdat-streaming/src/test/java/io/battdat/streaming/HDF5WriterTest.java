package io.battdat.streaming;

import io.battdat.api.SchemaViolationException;
import io.battdat.api.WriteException;
import io.battdat.api.data.BatchBuffer;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.Row;
import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.spi.StoredDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HDF5Writer's row rules (spec 2.3) and the streaming-write round trip of spec 2.4 item 4. */
@Timeout(60)
class HDF5WriterTest {
    private static final BattdatEngine ENGINE = Battdat.engine();

    @TempDir
    Path dir;

    @Test
    void everyRecordCopiedRowByRowReadsBackEqual() {
        Path in = EngineFixtureTest.fixture("plain.h5");
        Path out = dir.resolve("copy.h5");
        BatteryMetadata metadata = ENGINE.inspect(in).metadata().withName("test_name");
        List<Integer> flushes = new ArrayList<>();
        try (RecordStream records = ENGINE.records(in, null);
             HDF5Writer w = HDF5Writer.builder(out).metadata(metadata).bufferSize(128)
                     .layout(records.table().layout()).open()) {
            while (records.hasNext()) {
                int n = w.writeRow(records.next().toMap());
                if (n > 0) {
                    flushes.add(n);
                }
            }
        }
        assertEquals(5776 / 128, flushes.size());
        assertTrue(flushes.stream().allMatch(n -> n == 128));
        assertEquals("test_name", ENGINE.inspect(out).metadata().name());
        try (RecordStream a = ENGINE.records(in, null); RecordStream b = ENGINE.records(out, null)) {
            assertEquals(a.table().layout().names(), b.table().layout().names());
            while (a.hasNext()) {
                Row x = a.next();
                Row y = b.next();
                assertEquals(x.toMap(), y.toMap());
            }
            assertTrue(!b.hasNext());
        }
    }

    private static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void firstFlushFixesColumnsAndTypes() {
        Path out = dir.resolve("typed.h5");
        try (HDF5Writer w = HDF5Writer.builder(out).bufferSize(2).key("cell_a").open()) {
            assertEquals(0, w.writeRow(row("test_time", 0.0, "cycle_number", 0L, "state", "charging")));
            assertEquals(2, w.writeRow(row("test_time", 1, "cycle_number", 0, "state", "resting")));
            w.writeRow(row("test_time", 2.5, "cycle_number", 1L, "state", "charging", "extra", 1));
        }
        try (StoredDataset ds = ENGINE.open(out)) {
            assertEquals("/cell_a/raw_data", ds.tables().get(0).path());
            assertEquals(List.of("test_time", "cycle_number", "state"), ds.tables().get(0).layout().names());
            assertEquals(3, ds.tables().get(0).rows(), "the extra key is dropped, the row kept");
            assertEquals("<f8 <i8 |S8", String.join(" ", ds.tables().get(0).layout().columns().stream()
                    .map(c -> c.numpyDtype()).toList()));
            assertTrue(ds.metadataJson().contains("\"version\""), "metadata on the real root");
        }
    }

    @Test
    void repeatedAndShorterStringsReadBackExactly() {
        Path out = dir.resolve("strings.h5");
        List<String> written = List.of("discharging", "discharging", "rest", "rest", "charge", "discharging", "",
                "resting", "resting", "rest", "x");
        try (HDF5Writer w = HDF5Writer.builder(out).bufferSize(4).open()) {
            for (int i = 0; i < written.size(); i++) {
                w.writeRow(row("test_time", (double) i, "state", written.get(i), "method", i % 2 == 0 ? "cc" : "cv"));
            }
        }
        List<Object> read = new ArrayList<>();
        List<Object> methods = new ArrayList<>();
        try (RecordStream records = ENGINE.records(out, null)) {
            while (records.hasNext()) {
                Map<String, Object> m = records.next().toMap();
                read.add(m.get("state"));
                methods.add(m.get("method"));
            }
        }
        assertEquals(written, read);
        assertEquals(List.of("cc", "cv", "cc", "cv", "cc", "cv", "cc", "cv", "cc", "cv", "cc"), methods);
    }

    @Test
    void rowsAndBatchesMixKeepTheirOrder() {
        Path out = dir.resolve("mixed.h5");
        io.battdat.api.data.TableLayout layout = io.battdat.api.data.TableLayout.of(
                io.battdat.api.data.ColumnSpec.of("test_time", io.battdat.api.data.StorageType.FLOAT64));
        BatchBuffer batch = BatchBuffer.allocate(layout, 2);
        ((io.battdat.api.data.DoubleColumn) batch.column(0)).buffer()[0] = 0.0;
        ((io.battdat.api.data.DoubleColumn) batch.column(0)).buffer()[1] = 1.0;
        batch.setRowCount(2);
        try (HDF5Writer w = HDF5Writer.builder(out).bufferSize(4).open()) {
            w.writeBatch(batch);
            w.writeRow(row("test_time", 2.0));
            w.writeBatch(batch);
            w.writeRow(row("test_time", 3.0));
        }
        try (BatchStream b = ENGINE.batches(out, null)) {
            ColumnBatch read = b.next();
            assertEquals(6, read.rowCount());
            double[] times = java.util.Arrays.copyOf(((io.battdat.api.data.DoubleColumn) read.column(0)).buffer(), 6);
            assertArrayEquals(new double[]{0, 1, 2, 0, 1, 3}, times, "rows and batches in the order given");
        }
    }

    @Test
    void aMissingColumnNamesTheRowAndKeepsEarlierRows() {
        Path out = dir.resolve("missing.h5");
        HDF5Writer w = HDF5Writer.builder(out).bufferSize(100).open();
        w.writeRow(row("test_time", 0.0, "voltage", 3.0));
        w.flush();
        w.writeRow(row("test_time", 1.0, "voltage", 3.1));
        // once the columns are fixed, the bad row is refused by the call that gives it
        SchemaViolationException e = assertThrows(SchemaViolationException.class,
                () -> w.writeRow(row("test_time", 2.0)));
        assertEquals(2, e.row());
        assertTrue(e.getMessage().contains("voltage"), e.getMessage());
        w.close();
        try (BatchStream b = ENGINE.batches(out, null)) {
            io.battdat.api.data.ColumnBatch batch = b.next();
            assertEquals(2, batch.rowCount(), "rows before the bad one stay written");
        }
    }

    @Test
    void valuesThatDoNotFitAreErrorsNotConversions() {
        HDF5Writer w = HDF5Writer.builder(dir.resolve("fit.h5")).bufferSize(1).open();
        w.writeRow(row("cycle_number", 1L, "state", "rest"));
        WriteException e = assertThrows(WriteException.class, () -> w.writeRow(row("cycle_number", 1.5, "state", "r")));
        assertTrue(e.getMessage().contains("1.5") && e.getMessage().contains("cycle_number"), e.getMessage());
        e = assertThrows(WriteException.class, () -> w.writeRow(row("cycle_number", 2L, "state", "discharging")));
        assertTrue(e.getMessage().contains("longer than the column"), e.getMessage());
        assertEquals(3L, (long) w.writeRow(row("cycle_number", 3.0, "state", "ok")) + 2, "integral floats fit");
        w.close();
    }

    @Test
    void appendModeContinuesTheTableAndEveryFlushIsVisible() {
        Path out = dir.resolve("appended.h5");
        try (HDF5Writer w = HDF5Writer.builder(out).bufferSize(2).complevel(4).open()) {
            w.writeRow(row("test_time", 0.0));
        }
        // a second session on the same file appends (spec 2.4 item 5), and each flush is committed
        try (HDF5Writer w = HDF5Writer.builder(out).mode(io.battdat.api.spi.WriteMode.APPEND).bufferSize(2).open()) {
            assertEquals(0, w.writeRow(row("test_time", 1.0)));
            assertEquals(2, w.writeRow(row("test_time", 2.0)));
            try (StoredDataset ds = ENGINE.open(out)) {
                assertEquals(3, ds.table("raw_data").rows(), "flushed rows are in the file before close");
            }
            w.writeRow(row("test_time", 3.0));
        }
        try (RecordStream r = ENGINE.records(out, null)) {
            for (double t = 0; t < 4; t++) {
                assertEquals(t, r.next().getDouble("test_time"));
            }
            assertTrue(!r.hasNext());
        }
    }
}
