package io.battdat.spark;

import io.battdat.api.SchemaViolationException;
import io.battdat.api.data.BatchBuffer;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.DoubleColumn;
import io.battdat.api.data.LongColumn;
import io.battdat.api.data.StorageType;
import io.battdat.api.data.TableLayout;
import io.battdat.api.spi.MonotonicPolicy;
import io.battdat.api.spi.WriteMode;
import io.battdat.streaming.Battdat;
import io.battdat.streaming.HDF5Writer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After an append with {@link MonotonicPolicy#CLEAR_DECLARATION} (the CLI's {@code --allow-non-monotonic}) makes
 * {@code cycle_number} restart, the stored schema no longer declares it monotonic, so monotonic pruning no longer
 * trusts it and a filter on it returns the rows of both runs.
 */
class ClearedDeclarationTest {
    private static final TableLayout LAYOUT = TableLayout.of(ColumnSpec.of("cycle_number", StorageType.INT64),
            ColumnSpec.of("test_time", StorageType.FLOAT64), ColumnSpec.of("voltage", StorageType.FLOAT64),
            ColumnSpec.of("current", StorageType.FLOAT64));
    private static final int ROWS = 100_000;

    @TempDir
    Path dir;

    /** Cycles 0..99, 1,000 rows each, test_time continuing from {@code firstTime}. */
    private static BatchBuffer run(double firstTime) {
        BatchBuffer b = BatchBuffer.allocate(LAYOUT, ROWS);
        for (int r = 0; r < ROWS; r++) {
            ((LongColumn) b.column(0)).buffer()[r] = r / 1000;
            ((DoubleColumn) b.column(1)).buffer()[r] = firstTime + r;
            ((DoubleColumn) b.column(2)).buffer()[r] = 3.0;
            ((DoubleColumn) b.column(3)).buffer()[r] = 1.0;
        }
        b.setRowCount(ROWS);
        return b;
    }

    @Test
    void aFilterOnACycleNumberWhoseDeclarationWasClearedReturnsTheRowsOfBothRuns() {
        Path file = dir.resolve("appended.h5").toAbsolutePath();
        try (HDF5Writer w = HDF5Writer.builder(file).layout(LAYOUT).expectedRows(2L * ROWS).open()) {
            w.writeBatch(run(0));
        }
        try (HDF5Writer w = HDF5Writer.builder(file).mode(WriteMode.APPEND).open()) {
            assertThrows(SchemaViolationException.class, () -> w.writeBatch(run(ROWS)), "refused by default");
        }
        try (HDF5Writer w = HDF5Writer.builder(file).mode(WriteMode.APPEND)
                .monotonicPolicy(MonotonicPolicy.CLEAR_DECLARATION).open()) {
            w.writeBatch(run(ROWS));
        }
        try (var ds = Battdat.engine().open(file)) {
            assertFalse(ds.table("raw_data").schema().get("cycle_number").monotonic());
            assertEquals(2L * ROWS, ds.table("raw_data").rows());
        }
        Dataset<Row> df = TestingSpark.spark().read().format("battdat").load(file.toString())
                .filter("cycle_number = 42");
        List<Row> rows = df.select("test_time").collectAsList();
        assertEquals(2000, rows.size(), "1,000 rows of cycle 42 from each run");
        assertTrue(rows.stream().anyMatch(r -> r.getDouble(0) == 42_000.0));
        assertTrue(rows.stream().anyMatch(r -> r.getDouble(0) == ROWS + 42_000.0));
    }
}
