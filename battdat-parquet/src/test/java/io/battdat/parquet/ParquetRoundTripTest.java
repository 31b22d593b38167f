package io.battdat.parquet;

import io.battdat.api.BadFormatException;
import io.battdat.api.FileAccessException;
import io.battdat.api.KeyNotFoundException;
import io.battdat.api.UnsupportedFeatureException;
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
import io.battdat.api.spi.DatasetSink;
import io.battdat.api.spi.ReadOptions;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.TableCursor;
import io.battdat.api.spi.TableInfo;
import io.battdat.api.spi.TableSink;
import io.battdat.api.spi.WriteMode;
import io.battdat.api.spi.WriteOptions;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParquetRoundTripTest {
    private static final int ROWS = 10_000;

    @TempDir
    Path dir;

    private final ParquetStreamWriter writer = new ParquetStreamWriter().withRowGroupRows(3_000);
    private final ParquetStreamReader reader = new ParquetStreamReader();

    private Path writeCells(Path out, String... prefixes) {
        try (DatasetSink sink = writer.open(out, WriteOptions.create(TestingTables.metadata()))) {
            for (String prefix : prefixes) {
                TableSink t = sink.createTable(prefix == null ? "raw_data" : prefix + "/raw_data",
                        TestingTables.ALL_TYPES, TestingTables.schema(), ROWS);
                for (int first = 0; first < ROWS; first += 2_500) {
                    t.append(TestingTables.rows(first, 2_500), 0, 2_500);
                }
            }
        }
        return out;
    }

    @Test
    void everyScalarTypeRoundTripsAcrossRowGroups() {
        Path out = writeCells(dir.resolve("cell.parquet"), (String) null);
        try (StoredDataset ds = reader.open(out)) {
            TableInfo t = ds.table("raw_data");
            assertEquals(TestingTables.ALL_TYPES, t.layout());
            assertEquals(ROWS, t.rows());
            assertEquals("/raw_data", t.path());
            assertEquals(3_000, t.chunkRows());
            List<List<Object>> rows = TestingTables.readAll(ds, "raw_data", TestingTables.SMALL_BATCHES);
            assertEquals(ROWS, rows.size());
            ColumnBatch expected = TestingTables.rows(0, ROWS);
            for (int r = 0; r < ROWS; r++) {
                assertEquals(TestingTables.boxed(expected, r), rows.get(r), "row " + r);
            }
            assertEquals(TestingTables.schema().toJson(), t.schemaJson());
        }
        ParquetMetadata footer = ParquetFiles.readFooter(out, "/raw_data", out.resolve("raw_data.parquet"));
        assertEquals(List.of(3_000L, 3_000L, 3_000L, 1_000L),
                footer.getBlocks().stream().map(BlockMetaData::getRowCount).toList());
    }

    @Test
    void keyValueMetadataIsWhatPythonWrites() {
        Path out = writeCells(dir.resolve("cell.parquet"), (String) null);
        Map<String, String> kv = ParquetFiles.readFooter(out, "/raw_data", out.resolve("raw_data.parquet"))
                .getFileMetaData().getKeyValueMetaData();
        assertEquals(TestingTables.metadata().toJsonExcludingNulls(), kv.get("battery_metadata"));
        assertEquals(TestingTables.schema().toJson(), kv.get("table_metadata"));
        assertTrue(kv.get("write_date").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?"),
                kv.get("write_date"));
        // Python's three keys, plus our string widths (other readers ignore unknown keys)
        assertEquals(java.util.Set.of("battery_metadata", "table_metadata", "write_date", "battdat_string_widths"),
                kv.keySet(), kv.keySet().toString());
        assertTrue(kv.get("battdat_string_widths").startsWith("{"), kv.get("battdat_string_widths"));
    }

    @Test
    void rowRangesSkipWholeRowGroupsAndStartInsideOne() {
        Path out = writeCells(dir.resolve("cell.parquet"), (String) null);
        ColumnBatch all = TestingTables.rows(0, ROWS);
        try (StoredDataset ds = reader.open(out)) {
            for (long[] range : new long[][]{{0, 0}, {0, 3_000}, {3_000, 6_000}, {2_999, 3_001}, {4_321, 9_999},
                    {9_000, Long.MAX_VALUE}, {20_000, 30_000}}) {
                List<List<Object>> rows = TestingTables.readAll(ds, "raw_data",
                        TestingTables.SMALL_BATCHES.withRowRange(range[0], range[1]));
                long end = Math.min(range[1], ROWS);
                long start = Math.min(range[0], end);
                assertEquals(end - start, rows.size(), "range " + range[0] + "-" + range[1]);
                for (int i = 0; i < rows.size(); i++) {
                    assertEquals(TestingTables.boxed(all, (int) (start + i)), rows.get(i));
                }
            }
            try (TableCursor c = ds.openTable("raw_data", TestingTables.SMALL_BATCHES.withRowRange(4_321, 5_000))) {
                assertTrue(c.next());
                assertEquals(4_321, c.batch().firstRow());
            }
        }
    }

    @Test
    void severalCellsAreSubDirectoriesNamedLikeHdf5Prefixes() {
        Path out = writeCells(dir.resolve("cells"), null, "cell_a", "cell_b");
        assertTrue(Files.isRegularFile(out.resolve("raw_data.parquet")));
        assertTrue(Files.isRegularFile(out.resolve("cell_a/raw_data.parquet")));
        try (StoredDataset ds = reader.open(out)) {
            assertEquals(List.of("/raw_data", "/cell_a/raw_data", "/cell_b/raw_data"),
                    ds.tables().stream().map(TableInfo::path).toList());
            assertEquals(java.util.Arrays.asList(null, "cell_a", "cell_b"), ds.prefixes());
            assertEquals(ROWS, TestingTables.readAll(ds, "/cell_b/raw_data", TestingTables.SMALL_BATCHES).size());
        }
        try (StoredDataset cell = reader.open(out.resolve("cell_a"))) {
            assertEquals(List.of("raw_data"), cell.tables().stream().map(TableInfo::key).toList());
        }
        try (StoredDataset single = reader.open(out.resolve("cell_a/raw_data.parquet"))) {
            assertEquals("raw_data", single.tables().get(0).key());
        }
    }

    @Test
    void probesClaimDatasetsAndNewDatasetNames() throws Exception {
        Path out = writeCells(dir.resolve("cell.parquet"), (String) null);
        Path file = out.resolve("raw_data.parquet");
        byte[] head = Files.readAllBytes(file);
        assertEquals(io.battdat.api.spi.ProbeResult.SIGNATURE, reader.probe(new io.battdat.api.spi.FileProbe(file,
                false, java.util.Arrays.copyOf(head, 64))));
        assertEquals(io.battdat.api.spi.ProbeResult.EXTENSION, reader.probe(new io.battdat.api.spi.FileProbe(out, true,
                null)));
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertEquals(io.battdat.api.spi.ProbeResult.NO, reader.probe(new io.battdat.api.spi.FileProbe(empty, true,
                null)));
        assertEquals(io.battdat.api.spi.ProbeResult.EXTENSION, writer.probe(new io.battdat.api.spi.FileProbe(
                dir.resolve("new.parquet"), false, null)));
        assertEquals(io.battdat.api.spi.ProbeResult.NO, writer.probe(new io.battdat.api.spi.FileProbe(
                dir.resolve("new.h5"), false, null)));
        assertEquals(io.battdat.api.spi.ProbeResult.EXTENSION, writer.probe(new io.battdat.api.spi.FileProbe(
                empty, true, null)));
    }

    @Test
    void abortLeavesNothingAndOverwriteReplacesOnlyAtClose() throws Exception {
        Path out = dir.resolve("cell.parquet");
        DatasetSink sink = writer.open(out, WriteOptions.create(TestingTables.metadata()));
        sink.createTable("raw_data", TestingTables.ALL_TYPES, TestingTables.schema(), 10)
                .append(TestingTables.rows(0, 10), 0, 10);
        sink.abort();
        assertFalse(Files.exists(out));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.count());
        }

        writeCells(out, (String) null);
        DatasetSink replacing = writer.open(out, WriteOptions.create(TestingTables.metadata())
                .withMode(WriteMode.OVERWRITE));
        replacing.createTable("cycle_stats", TestingTables.ALL_TYPES, TestingTables.schema(), 10)
                .append(TestingTables.rows(0, 10), 0, 10);
        try (StoredDataset before = reader.open(out)) {
            assertEquals(List.of("raw_data"), before.tables().stream().map(TableInfo::key).toList());
        }
        replacing.close();
        try (StoredDataset after = reader.open(out)) {
            assertEquals(List.of("cycle_stats"), after.tables().stream().map(TableInfo::key).toList());
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(out), left.toList());
        }
    }

    @Test
    void refusesToReplaceDirectoriesThatAreNotDatasets() throws Exception {
        Path home = Files.createDirectory(dir.resolve("home"));
        Files.writeString(home.resolve("notes.txt"), "precious");
        FileAccessException e = assertThrows(FileAccessException.class, () -> writer.open(home,
                WriteOptions.create(TestingTables.metadata()).withMode(WriteMode.OVERWRITE)));
        assertTrue(e.getMessage().contains("notes.txt"), e.getMessage());
        assertTrue(Files.exists(home.resolve("notes.txt")));
        assertThrows(FileAccessException.class, () -> writer.open(home,
                WriteOptions.create(TestingTables.metadata())));
    }

    @Test
    void appendAddsRowsAfterTheCopiedRowGroupsAndNewTables() {
        Path out = writeCells(dir.resolve("cell.parquet"), (String) null);
        try (DatasetSink sink = writer.open(out, WriteOptions.create(io.battdat.api.metadata.BatteryMetadata.defaults())
                .withMode(WriteMode.APPEND))) {
            sink.appendTo("raw_data").append(TestingTables.rows(ROWS, 500), 0, 500);
            sink.createTable("cell_b/raw_data", TestingTables.ALL_TYPES, TestingTables.schema(), 1)
                    .append(TestingTables.rows(0, 5), 0, 5);
            assertThrows(KeyNotFoundException.class, () -> sink.appendTo("eis_data"));
        }
        try (StoredDataset ds = reader.open(out)) {
            List<List<Object>> rows = TestingTables.readAll(ds, "raw_data", TestingTables.SMALL_BATCHES);
            ColumnBatch expected = TestingTables.rows(0, ROWS + 500);
            assertEquals(ROWS + 500, rows.size());
            for (int r = 0; r < rows.size(); r += 97) {
                assertEquals(TestingTables.boxed(expected, r), rows.get(r));
            }
            assertEquals(TestingTables.metadata().toJsonExcludingNulls(), ds.metadataJson(), "metadata kept");
            assertEquals(5, ds.table("cell_b/raw_data").rows());
        }
    }

    @Test
    void arrayMembersAndComplexColumnsRoundTripAsLists() {
        TableLayout layout = TableLayout.of(ColumnSpec.of("test_time", StorageType.FLOAT64),
                ColumnSpec.builder("vec", StorageType.FLOAT64).itemSize(8).shape(new int[]{2, 3}).build(),
                ColumnSpec.builder("counts", StorageType.INT16).itemSize(2).shape(new int[]{2}).build(),
                ColumnSpec.builder("flags", StorageType.BOOL).itemSize(1).shape(new int[]{3}).build(),
                ColumnSpec.builder("half", StorageType.FLOAT16).itemSize(2).shape(new int[]{2}).build(),
                ColumnSpec.builder("labels", StorageType.STRING).itemSize(7).shape(new int[]{2}).build(),
                ColumnSpec.of("z", StorageType.COMPLEX128),
                ColumnSpec.builder("zz", StorageType.COMPLEX64).itemSize(8).shape(new int[]{2}).build());
        int rows = 5_000;
        BatchBuffer b = BatchBuffer.allocate(layout, rows);
        for (int r = 0; r < rows; r++) {
            ((DoubleColumn) b.column(0)).buffer()[r] = r;
            for (int e = 0; e < 6; e++) {
                ((DoubleColumn) b.column(1)).buffer()[r * 6 + e] = r * 10 + e + 0.5;
            }
            ((LongColumn) b.column(2)).buffer()[r * 2] = -r % 30_000;
            ((LongColumn) b.column(2)).buffer()[r * 2 + 1] = r % 7;
            for (int e = 0; e < 3; e++) {
                ((BooleanColumn) b.column(3)).buffer()[r * 3 + e] = (r + e) % 2 == 0;
            }
            ((FloatColumn) b.column(4)).buffer()[r * 2] = 0.25f * (r % 16);
            ((FloatColumn) b.column(4)).buffer()[r * 2 + 1] = -1.5f;
            byte[] label = ("r" + (r % 1000)).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            System.arraycopy(label, 0, ((StringColumn) b.column(5)).buffer(), r * 14, label.length);
            System.arraycopy(label, 0, ((StringColumn) b.column(5)).buffer(), r * 14 + 7, Math.min(2, label.length));
            ((DoubleColumn) b.column(6)).buffer()[r * 2] = Math.sin(r);
            ((DoubleColumn) b.column(6)).buffer()[r * 2 + 1] = Math.cos(r);
            for (int e = 0; e < 4; e++) {
                ((DoubleColumn) b.column(7)).buffer()[r * 4 + e] = (float) (r * 0.1 + e);
            }
        }
        b.setRowCount(rows);
        Path out = dir.resolve("arrays.parquet");
        try (DatasetSink sink = new ParquetStreamWriter().withRowGroupRows(1_500)
                .open(out, WriteOptions.create(TestingTables.metadata()))) {
            sink.createTable("raw_data", layout, TestingTables.schema(), rows).append(b, 0, rows);
        }
        try (StoredDataset ds = reader.open(out)) {
            assertEquals(layout, ds.table("raw_data").layout(), "the same members, shapes and dtypes");
            // small batches cross pages and row groups at odd rows
            List<List<Object>> back = TestingTables.readAll(ds, "raw_data",
                    ReadOptions.builder().batchRows(333).threads(1).prefetch(0).build());
            assertEquals(rows, back.size());
            for (int r = 0; r < rows; r++) {
                assertEquals(deep(TestingTables.boxed(b, r)), deep(back.get(r)), "row " + r);
            }
            List<List<Object>> tail = TestingTables.readAll(ds, "raw_data",
                    ReadOptions.builder().rowRange(4_321, 4_325).build());
            assertEquals(deep(TestingTables.boxed(b, 4_321)), deep(tail.get(0)), "a range starting inside a row group");
        }
    }

    /** A row's values with array members spelled out, so rows compare by content. */
    private static String deep(List<Object> row) {
        return java.util.Arrays.deepToString(row.toArray());
    }

    @Test
    void columnsParquetCannotHoldAreRefusedByName() {
        try (DatasetSink sink = writer.open(dir.resolve("x.parquet"), WriteOptions.create(TestingTables.metadata()))) {
            TableLayout huge = TableLayout.of(ColumnSpec.builder("spectrum", StorageType.FLOAT64).itemSize(8)
                    .shape(new int[]{1024, 1024}).build());
            UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
                    () -> sink.createTable("eis_data", huge, TestingTables.schema(), 1));
            assertTrue(e.getMessage().contains("'spectrum'") && e.getMessage().contains("/eis_data"), e.getMessage());
            sink.abort();
        }
        assertFalse(Files.exists(dir.resolve("x.parquet")));
    }

    @Test
    void badFilesGetTypedErrorsNamingTheFile() throws Exception {
        Path notParquet = Files.writeString(dir.resolve("raw_data.parquet"), "PAR1 but not really");
        BadFormatException e = assertThrows(BadFormatException.class, () -> reader.open(notParquet));
        assertTrue(e.getMessage().contains("raw_data.parquet"), e.getMessage());
        Path empty = Files.createDirectory(dir.resolve("none"));
        BadFormatException none = assertThrows(BadFormatException.class, () -> reader.open(empty));
        assertTrue(none.getMessage().contains("No parquet files"), none.getMessage());
        assertThrows(FileAccessException.class, () -> reader.open(dir.resolve("missing")));
    }

    @Test
    void compressionCodecsRoundTrip() {
        for (String lib : List.of("zlib", "zstd", "snappy", "lz4", "none")) {
            Path out = dir.resolve(lib + ".parquet");
            try (DatasetSink sink = writer.open(out, WriteOptions.create(TestingTables.metadata())
                    .withCompression(5, lib))) {
                sink.createTable("raw_data", TestingTables.ALL_TYPES, TestingTables.schema(), 100)
                        .append(TestingTables.rows(0, 4_000), 0, 4_000);
            }
            try (StoredDataset ds = reader.open(out)) {
                List<List<Object>> rows = TestingTables.readAll(ds, "raw_data", TestingTables.SMALL_BATCHES);
                assertEquals(TestingTables.boxed(TestingTables.rows(0, 4_000), 3_999), rows.get(3_999), lib);
            }
        }
    }
}
