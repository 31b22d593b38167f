package io.battdat.parquet;

import io.battdat.api.data.ColumnBatch;
import io.battdat.api.spi.DatasetSink;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.TableSink;
import io.battdat.api.spi.WriteMode;
import io.battdat.api.spi.WriteOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Commits: each makes the rows so far readable under the table's name, as a complete Parquet file. */
class ParquetCommitTest {
    @TempDir
    Path dir;

    private final ParquetStreamWriter writer = new ParquetStreamWriter().withRowGroupRows(3_000);
    private final ParquetStreamReader reader = new ParquetStreamReader();

    @Test
    void eachCommitPublishesAPrefixAndAbortKeepsTheLastCommit() throws Exception {
        Path out = dir.resolve("cell.parquet");
        DatasetSink sink = writer.open(out, WriteOptions.create(TestingTables.metadata()).withMode(WriteMode.OVERWRITE));
        TableSink t = sink.createTable("raw_data", TestingTables.ALL_TYPES, TestingTables.schema(), 10_000);
        ColumnBatch rows = TestingTables.rows(0, 10_000);
        t.append(rows, 0, 4_000);
        assertFalse(Files.exists(out), "nothing under the name before the first commit");
        sink.flush();
        assertEquals(4_000, rowsOf(out));
        t.append(rows, 4_000, 7_000);
        assertEquals(4_000, rowsOf(out), "rows after the commit are not visible yet");
        assertEquals(3_000, t.flush());
        assertEquals(7_000, rowsOf(out));
        t.append(rows, 7_000, 10_000);
        sink.abort();
        assertEquals(7_000, rowsOf(out), "abort keeps the last commit");
        try (StoredDataset ds = reader.open(out)) {
            List<List<Object>> read = TestingTables.readAll(ds, "raw_data", io.battdat.api.spi.ReadOptions.DEFAULT);
            for (int r = 0; r < read.size(); r += 101) {
                assertEquals(TestingTables.boxed(rows, r), read.get(r));
            }
        }
        try (Stream<Path> left = Files.list(dir); Stream<Path> inside = Files.list(out)) {
            assertEquals(List.of(out), left.toList(), "no staging directory left");
            assertEquals(List.of(out.resolve("raw_data.parquet")), inside.toList(), "no temporary file left");
        }
    }

    @Test
    void aResumedTableGrowsByCommits() {
        Path out = dir.resolve("cell.parquet");
        ColumnBatch rows = TestingTables.rows(0, 6_000);
        try (DatasetSink sink = writer.open(out, WriteOptions.create(TestingTables.metadata()))) {
            sink.createTable("raw_data", TestingTables.ALL_TYPES, TestingTables.schema(), 6_000).append(rows, 0, 2_000);
        }
        DatasetSink sink = writer.open(out, WriteOptions.create(TestingTables.metadata()).withMode(WriteMode.APPEND));
        TableSink t = sink.appendTo("raw_data");
        t.append(rows, 2_000, 4_000);
        sink.flush();
        assertEquals(4_000, rowsOf(out));
        t.append(rows, 4_000, 6_000);
        sink.close();
        assertEquals(6_000, rowsOf(out));
        assertTrue(Files.isRegularFile(out.resolve("raw_data.parquet")));
    }

    private long rowsOf(Path out) {
        try (StoredDataset ds = reader.open(out)) {
            return ds.table("raw_data").rows();
        }
    }
}
