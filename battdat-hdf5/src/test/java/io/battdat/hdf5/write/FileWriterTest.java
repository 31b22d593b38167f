package io.battdat.hdf5.write;

import io.battdat.api.WriteException;
import io.battdat.api.data.BatchBuffer;
import io.battdat.api.data.BooleanColumn;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.DoubleColumn;
import io.battdat.api.data.FloatColumn;
import io.battdat.api.data.LongColumn;
import io.battdat.api.data.StorageType;
import io.battdat.api.data.StringColumn;
import io.battdat.api.data.TableLayout;
import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.schema.RawData;
import io.battdat.api.spi.DatasetSink;
import io.battdat.api.spi.ReadOptions;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.TableCursor;
import io.battdat.api.spi.TableSink;
import io.battdat.api.spi.WriteOptions;
import io.battdat.hdf5.Hdf5StreamReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** New files written by our writer read back with our reader, and with PyTables, h5py and h5dump where installed. */
@Timeout(120)
class FileWriterTest {
    static final TableLayout LAYOUT = TableLayout.of(ColumnSpec.of("test_time", StorageType.FLOAT64),
            ColumnSpec.of("current", StorageType.FLOAT64), ColumnSpec.of("voltage", StorageType.FLOAT32),
            ColumnSpec.of("cycle_number", StorageType.INT64), ColumnSpec.of("step_index", StorageType.INT32),
            ColumnSpec.of("flag_u8", StorageType.UINT8), ColumnSpec.of("is_cv", StorageType.BOOL),
            ColumnSpec.string("state", 11));

    @TempDir
    Path dir;

    static ColumnBatch rows(long first, int n) {
        BatchBuffer b = BatchBuffer.allocate(LAYOUT, n);
        for (int i = 0; i < n; i++) {
            long r = first + i;
            ((DoubleColumn) b.column(0)).buffer()[i] = r * 0.5;
            ((DoubleColumn) b.column(1)).buffer()[i] = Math.sin(r);
            ((FloatColumn) b.column(2)).buffer()[i] = 3f + (r % 100) / 100f;
            ((LongColumn) b.column(3)).buffer()[i] = r / 2000;
            ((LongColumn) b.column(4)).buffer()[i] = r % 7;
            ((LongColumn) b.column(5)).buffer()[i] = r % 256;
            ((BooleanColumn) b.column(6)).buffer()[i] = r % 3 == 0;
            byte[] s = (r % 2 == 0 ? "charging" : "discharging").getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(s, 0, ((StringColumn) b.column(7)).buffer(), i * 11, s.length);
        }
        b.setRowCount(n);
        return b;
    }

    private Path write(String name, int level, int rows, String... keys) {
        Path file = dir.resolve(name);
        WriteOptions options = WriteOptions.create(BatteryMetadata.defaults().withName("written")).withCompression(level, "zlib");
        try (DatasetSink sink = new Hdf5StreamWriter().open(file, options)) {
            for (String key : keys) {
                TableSink t = sink.createTable(key, LAYOUT, new RawData(), rows);
                for (int at = 0; at < rows; at += 7777) {
                    int n = Math.min(7777, rows - at);
                    t.append(rows(at, n), 0, n);
                }
            }
        }
        return file;
    }

    private static void readBack(Path file, String key, int rows) {
        try (StoredDataset ds = new Hdf5StreamReader().open(file);
             TableCursor c = ds.openTable(key, ReadOptions.DEFAULT.withBatchRows(5000))) {
            assertEquals(rows, c.table().rows());
            assertEquals(rows, c.table().nrowsAttribute().getAsLong());
            assertEquals(LAYOUT, c.table().layout());
            assertEquals(new RawData().columns(), c.table().schema().columns());
            long r = 0;
            while (c.next()) {
                ColumnBatch b = c.batch();
                ColumnBatch want = rows(r, b.rowCount());
                for (int col = 0; col < LAYOUT.size(); col++) {
                    for (int i = 0; i < b.rowCount(); i++) {
                        assertEquals(want.column(col).getObject(i), b.column(col).getObject(i),
                                "row " + (r + i) + " column " + LAYOUT.column(col).name());
                    }
                }
                r += b.rowCount();
            }
            assertEquals(rows, r);
            assertEquals("written", io.battdat.api.metadata.BatteryMetadata.fromJson(ds.metadataJson()).name());
        }
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "1, 0", "1000, 0", "200000, 0", "0, 5", "1, 5", "200000, 9", "200000, 1", "1000, 2"})
    void roundTrip(int rows, int level) throws Exception {
        Path file = write("t-" + rows + "-" + level + ".h5", level, rows, "raw_data", "cell_a/raw_data", "cell_b/extra");
        readBack(file, "raw_data", rows);
        readBack(file, "cell_a/raw_data", rows);
        readBack(file, "cell_b/extra", rows);
        checkWithPython(file);
    }

    @Test
    void stringsLongerThanTheColumnAreRefusedNotTruncated() {
        Path file = dir.resolve("long.h5");
        TableLayout narrow = TableLayout.of(ColumnSpec.string("state", 4));
        BatchBuffer b = BatchBuffer.allocate(TableLayout.of(ColumnSpec.string("state", 11)), 1);
        System.arraycopy("charging".getBytes(StandardCharsets.US_ASCII), 0, ((StringColumn) b.column(0)).buffer(), 0, 8);
        b.setRowCount(1);
        try (DatasetSink sink = new Hdf5StreamWriter().open(file, WriteOptions.create(BatteryMetadata.defaults()))) {
            TableSink t = sink.createTable("raw_data", narrow, null, 10);
            assertThrows(WriteException.class, () -> t.append(b, 0, 1), "layouts differ");
        }
        assertTrue(Files.exists(file));
    }

    @Test
    void noFileUnderTheFinalNameUntilClosed() {
        Path file = dir.resolve("partial.h5");
        DatasetSink sink = new Hdf5StreamWriter().open(file, WriteOptions.create(BatteryMetadata.defaults()));
        sink.createTable("raw_data", LAYOUT, null, 10).append(rows(0, 10), 0, 10);
        assertFalse(Files.exists(file));
        sink.close();
        assertTrue(Files.exists(file));
        readBackWithoutSchema(file);
    }

    private static void readBackWithoutSchema(Path file) {
        try (StoredDataset ds = new Hdf5StreamReader().open(file)) {
            assertTrue(ds.tables().isEmpty(), "a table without a schema is not a battdat table");
            assertTrue(ds.ignoredTables().get(0).startsWith("/raw_data"));
        }
    }

    private static void checkWithPython(Path file) throws IOException, InterruptedException {
        Path check = Path.of(System.getProperty("battdat.shared", "../../shared"), "tools", "pytables-check.py");
        boolean python = Files.isRegularFile(check) && new ProcessBuilder("/usr/bin/python3", "-c", "import tables, h5py")
                .start().waitFor() == 0;
        Assumptions.assumeTrue(python, "PyTables/h5py or ../shared/tools/pytables-check.py missing: skipping the "
                + "PyTables check of files we write");
        Path copy = file.resolveSibling("py-" + file.getFileName());
        Files.copy(file, copy);
        Process p = new ProcessBuilder("/usr/bin/python3", check.toString(), copy.toString(), "--h5py", "--append", "1000")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(100, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("\"/cell_a/raw_data\"") && out.contains("\"/raw_data\""), out);
        try (StoredDataset ds = new Hdf5StreamReader().open(copy)) {
            assertEquals(ds.table("cell_a/raw_data").rows() + 1000, ds.table("raw_data").rows(),
                    "PyTables appended 1000 rows to our file and we read them");
        }
        Process dump;
        try {
            dump = new ProcessBuilder("h5dump", "-H", file.toString()).redirectErrorStream(true).start();
        } catch (IOException noH5dump) {
            return; // hdf5-tools is not installed: PyTables' check above stands alone
        }
        String dumped = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (dump.waitFor(60, TimeUnit.SECONDS) && !dumped.isEmpty()) {
            assertEquals(0, dump.exitValue(), dumped);
        }
    }

    @Test
    void chunkSizeFollowsPyTables() {
        assertEquals(2048, TableWriter.chunkRows(2401, 32));
        assertEquals(910, TableWriter.chunkRows(1000, 72));
        assertEquals(4443, TableWriter.chunkRows(10_000_000, 59));
        assertEquals(873, TableWriter.chunkRows(5776, 75));
    }

    @Test
    void registeredAsAService() {
        assertTrue(java.util.ServiceLoader.load(io.battdat.api.spi.StreamWriter.class).stream()
                .anyMatch(p -> p.type() == Hdf5StreamWriter.class));
    }
}
