package io.battdat.hdf5.codecs;

import io.battdat.api.WriteException;
import io.battdat.api.data.BatchBuffer;
import io.battdat.api.data.BooleanColumn;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.DoubleColumn;
import io.battdat.api.data.FloatColumn;
import io.battdat.api.data.LongColumn;
import io.battdat.api.data.StorageType;
import io.battdat.api.data.StringColumn;
import io.battdat.api.data.TableLayout;
import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.schema.RawData;
import io.battdat.api.spi.ReadOptions;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.TableCursor;
import io.battdat.api.spi.TableSink;
import io.battdat.api.spi.WriteMode;
import io.battdat.api.spi.WriteOptions;
import io.battdat.hdf5.Hdf5StreamReader;
import io.battdat.hdf5.write.Hdf5FileWriter;
import io.jhdf.HdfFile;
import io.jhdf.api.dataset.ChunkedDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The writer keeps blosc chunks as columns and builds their shuffled blocks from them; those chunks must be byte for
 * byte the chunks the row path (rows packed, then jHDF's blosc filter) stores. A table reopened for appending holds
 * its partly filled last chunk as rows, so a file written in sessions that each end inside a new chunk has every
 * chunk made by the row path; it is compared with the same rows written in one session, by columns.
 */
class ColumnBlocksWriteTest {
    private static final TableLayout WIDE = TableLayout.of(ColumnSpec.of("test_time", StorageType.FLOAT64),
            ColumnSpec.of("current", StorageType.FLOAT64), ColumnSpec.of("cycle_number", StorageType.INT64),
            ColumnSpec.of("temperature", StorageType.FLOAT32), ColumnSpec.of("flag", StorageType.BOOL),
            ColumnSpec.string("state", 11), ColumnSpec.builder("xyz", StorageType.FLOAT64).shape(3).build(),
            ColumnSpec.string("tag", 3));
    /** 16-byte rows: blosc splits each block into its byte streams. */
    private static final TableLayout NARROW = TableLayout.of(ColumnSpec.of("test_time", StorageType.FLOAT64),
            ColumnSpec.of("step", StorageType.UINT64));

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"wide, blosc:lz4, 5", "wide, blosc, 9", "wide, blosc:zstd, 3", "wide, blosc:lz4hc, 1",
            "narrow, blosc:lz4, 5", "narrow, blosc:snappy, 7"})
    void columnChunksEqualRowChunks(String which, String complib, int level) throws Exception {
        TableLayout layout = which.equals("wide") ? WIDE : NARROW;
        int chunkRows = 65536 / (which.equals("wide") ? 67 : 16); // PyTables' chunk for a small table
        long rows = 3L * chunkRows + chunkRows / 3;
        Path byColumns = dir.resolve("columns.h5");
        Path byRows = dir.resolve("rows.h5");
        write(byColumns, layout, complib, level, new long[]{rows});
        long[] sessionEnds = new long[4];
        for (int k = 0; k < 3; k++) {
            sessionEnds[k] = (long) k * chunkRows + 1 + k; // every session ends just inside a new chunk
        }
        sessionEnds[3] = rows;
        write(byRows, layout, complib, level, sessionEnds);

        try (HdfFile a = new HdfFile(byColumns); HdfFile b = new HdfFile(byRows)) {
            ChunkedDataset da = (ChunkedDataset) a.getDatasetByPath("/raw_data");
            ChunkedDataset db = (ChunkedDataset) b.getDatasetByPath("/raw_data");
            assertArrayEquals(new int[]{chunkRows}, da.getChunkDimensions());
            for (long first = 0; first < rows; first += chunkRows) {
                int[] at = {(int) first};
                ByteBuffer ca = da.getRawChunkBuffer(at);
                ByteBuffer cb = db.getRawChunkBuffer(at);
                assertEquals(cb, ca, "the chunk at row " + first + " (" + complib + ", level " + level + ")");
            }
        }
        assertRowsRead(byColumns, layout, rows);
    }

    @Test
    void nonAsciiStringsFailWithTheirRowAsOnTheRowPath() throws Exception {
        TableLayout narrow = TableLayout.of(ColumnSpec.of("test_time", StorageType.FLOAT64),
                ColumnSpec.string("state", 9));
        WriteOptions options = WriteOptions.builder(BatteryMetadata.defaults()).compression(5, "blosc:lz4").build();
        try (Hdf5FileWriter sink = Hdf5FileWriter.create(dir.resolve("bad.h5"), options)) {
            TableSink table = sink.createTable("raw_data", narrow, new RawData(), 1);
            BatchBuffer b = batch(narrow, 0, 100);
            // state values are ASCII; row 37's is not
            ((StringColumn) b.column(1)).buffer()[37 * 9 + 2] = (byte) 0xE9;
            table.append(b, 0, 30);
            WriteException e = assertThrows(WriteException.class, () -> table.append(b, 30, 100));
            assertTrue(e.getMessage().contains("not ASCII") && e.getMessage().contains("37"), e.getMessage());
        }
    }

    private static void write(Path file, TableLayout layout, String complib, int level, long[] sessionEnds) throws Exception {
        long written = 0;
        for (int session = 0; session < sessionEnds.length; session++) {
            WriteOptions options = WriteOptions.builder(BatteryMetadata.defaults())
                    .mode(session == 0 ? WriteMode.OVERWRITE : WriteMode.APPEND).compression(level, complib).build();
            try (Hdf5FileWriter sink = session == 0 ? Hdf5FileWriter.create(file, options)
                    : Hdf5FileWriter.append(file, options)) {
                TableSink table = session == 0 ? sink.createTable("raw_data", layout, new RawData(), 1)
                        : sink.appendTo("raw_data");
                while (written < sessionEnds[session]) {
                    int n = (int) Math.min(613, sessionEnds[session] - written); // batches across chunk ends
                    BatchBuffer batch = batch(layout, written, n);
                    table.append(batch, 0, n);
                    written += n;
                }
            }
        }
    }

    /** Rows whose values depend on the row only, compressible but not trivially so, with runs of equal values. */
    private static BatchBuffer batch(TableLayout layout, long first, int n) {
        BatchBuffer b = BatchBuffer.allocate(layout, n);
        for (int c = 0; c < layout.size(); c++) {
            ColumnSpec spec = layout.column(c);
            int w = spec.elementsPerRow();
            for (int i = 0; i < n * w; i++) {
                long row = first + i / w;
                Random r = new Random(row * 31 + c * 7 + i % w);
                switch (spec.type()) {
                    case FLOAT64 -> ((DoubleColumn) b.column(c)).buffer()[i] = row * 0.5 + r.nextInt(100) / 64.0;
                    case FLOAT32 -> ((FloatColumn) b.column(c)).buffer()[i] = 25f + r.nextInt(8) / 4f;
                    case INT64, UINT64 -> ((LongColumn) b.column(c)).buffer()[i] = row / 100;
                    case BOOL -> ((BooleanColumn) b.column(c)).buffer()[i] = r.nextBoolean();
                    case STRING -> {
                        StringColumn s = (StringColumn) b.column(c);
                        String[] states = {"charge", "discharge", "rest", ""};
                        // runs of one state in every other thousand rows (whole tiles of one value take the writer's
                        // shortcut), random states between them
                        int pick = (row / 1000) % 2 == 0 ? (int) (row / 37 % 4) : r.nextInt(4);
                        byte[] v = states[pick].getBytes(StandardCharsets.US_ASCII);
                        System.arraycopy(v, 0, s.buffer(), i * s.width(), Math.min(v.length, s.width()));
                    }
                    default -> throw new IllegalStateException(spec.toString());
                }
            }
        }
        b.setRowCount(n);
        return b;
    }

    private static void assertRowsRead(Path file, TableLayout layout, long rows) throws Exception {
        long seen = 0;
        try (StoredDataset ds = new Hdf5StreamReader().open(file);
             TableCursor c = ds.openTable("raw_data", ReadOptions.DEFAULT)) {
            while (c.next()) {
                BatchBuffer expected = batch(layout, seen, c.batch().rowCount());
                for (int col = 0; col < layout.size(); col++) {
                    Object want = values(expected.column(col));
                    Object got = values(c.batch().column(col));
                    assertTrue(java.util.Objects.deepEquals(want, got),
                            "column " + layout.column(col).name() + " from row " + seen);
                }
                seen += c.batch().rowCount();
            }
        }
        assertEquals(rows, seen);
    }

    private static Object values(io.battdat.api.data.Column column) {
        if (column instanceof DoubleColumn d) {
            return d.values();
        } else if (column instanceof FloatColumn f) {
            return f.values();
        } else if (column instanceof LongColumn l) {
            return l.values();
        } else if (column instanceof BooleanColumn b) {
            return b.values();
        }
        return ((StringColumn) column).values();
    }
}
