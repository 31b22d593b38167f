package io.battdat.spark;

import io.battdat.api.SchemaViolationException;
import io.battdat.api.data.BatchBuffer;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.DoubleColumn;
import io.battdat.api.data.LongColumn;
import io.battdat.api.data.StorageType;
import io.battdat.api.data.TableLayout;
import io.battdat.streaming.HDF5Writer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.datasources.v2.BatchScanExec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.jdk.javaapi.CollectionConverters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongUnaryOperator;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Filters on {@code cycle_number} (declared monotonic by the RawData schema our writer stores) skip the files and
 * chunks outside their range, and return exactly the rows a full scan returns.
 */
class MonotonicPruningTest {
    /** cycle_number, test_time, voltage, current: 32 bytes a row, so 2,048-row chunks (PyTables' 64 KiB). */
    private static final TableLayout LAYOUT = TableLayout.of(ColumnSpec.of("cycle_number", StorageType.INT64),
            ColumnSpec.of("test_time", StorageType.FLOAT64), ColumnSpec.of("voltage", StorageType.FLOAT64),
            ColumnSpec.of("current", StorageType.FLOAT64));

    @TempDir
    static Path tmp;
    static Path lake;
    static List<Path> files = new ArrayList<>();

    @BeforeAll
    static void writeLake() throws IOException {
        lake = tmp.resolve("lake");
        Files.createDirectories(lake);
        // one file of 196 chunks (cycles 0..399), two small ones with cycles far above it
        files.add(write(lake.resolve("big.h5"), 400_000, r -> r / 1000));
        files.add(write(lake.resolve("a.h5"), 5_000, r -> 1000 + r / 500));
        files.add(write(lake.resolve("b.h5"), 5_000, r -> 2000 + r / 500));
    }

    /** A RawData table whose cycle_number at row r is {@code cycle.applyAsLong(r)}. */
    private static Path write(Path file, int rows, LongUnaryOperator cycle) {
        BatchBuffer batch = BatchBuffer.allocate(LAYOUT, rows);
        long[] cycles = ((LongColumn) batch.column(0)).buffer();
        double[] time = ((DoubleColumn) batch.column(1)).buffer();
        double[] voltage = ((DoubleColumn) batch.column(2)).buffer();
        double[] current = ((DoubleColumn) batch.column(3)).buffer();
        for (int r = 0; r < rows; r++) {
            cycles[r] = cycle.applyAsLong(r);
            time[r] = r;
            voltage[r] = 3.0 + (r % 1000) * 1e-3;
            current[r] = (r % 1000) < 500 ? 1.0 : -1.0;
        }
        batch.setRowCount(rows);
        try (HDF5Writer w = HDF5Writer.builder(file).layout(LAYOUT).expectedRows(rows).open()) {
            w.writeBatch(batch);
        }
        return file.toAbsolutePath().normalize();
    }

    private static Dataset<Row> read(Path path, boolean pruning) {
        return TestingSpark.spark().read().format("battdat").option("monotonicPruning", String.valueOf(pruning))
                .option("maxPartitionBytes", String.valueOf(1 << 20)).load(path.toString());
    }

    /** The scan of a DataFrame's plan. */
    private static BattdatScan scan(Dataset<Row> df) {
        SparkPlan plan = df.queryExecution().sparkPlan();
        for (SparkPlan leaf : CollectionConverters.asJava(plan.collectLeaves())) {
            if (leaf instanceof BatchScanExec b && b.scan() instanceof BattdatScan s) {
                return s;
            }
        }
        throw new AssertionError("no battdat scan in " + plan);
    }

    /** (file, test_time) of the rows, sorted: test_time is unique within a file. */
    private static List<String> keys(Dataset<Row> df) {
        return df.select("file", "test_time").collectAsList().stream()
                .map(r -> r.getString(0) + "@" + r.getDouble(1)).sorted().toList();
    }

    /** The same keys, computed by the engine file by file. */
    private static List<String> engineKeys(List<Path> paths, RowTest matches) {
        List<String> out = new ArrayList<>();
        for (Path f : paths) {
            TestingSpark.forEachEngineBatch(f, b -> {
                long[] cycles = b.longs("cycle_number").buffer();
                double[] time = b.doubles("test_time").buffer();
                for (int r = 0; r < b.rowCount(); r++) {
                    if (matches.test(cycles[r], time[r])) {
                        out.add(f + "@" + time[r]);
                    }
                }
            });
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    /** A filter as the engine side applies it. */
    @FunctionalInterface
    private interface RowTest {
        boolean test(long cycle, double testTime);
    }

    private record Case(Column filter, RowTest matches, long maxRowsRead) {
    }

    @Test
    void cycleFiltersReturnTheRowsOfAFullScanAndReadFewerRows() {
        long all = 410_000;
        List<Case> cases = List.of(
                new Case(col("cycle_number").geq(395), (c, t) -> c >= 395, 5_000 + 3 * 2048 + 10_000),
                new Case(col("cycle_number").equalTo(7), (c, t) -> c == 7, 2 * 2048),
                new Case(col("cycle_number").isin(3, 900, 1005), (c, t) -> c == 3 || c == 900 || c == 1005,
                        2 * 2048 + 5_000),
                new Case(col("cycle_number").gt(1004).and(col("cycle_number").lt(2003)),
                        (c, t) -> c > 1004 && c < 2003, 10_000),
                new Case(col("cycle_number").equalTo(1).or(col("cycle_number").equalTo(2005)),
                        (c, t) -> c == 1 || c == 2005, 2 * 2048 + 5_000),
                new Case(col("cycle_number").lt(0), (c, t) -> c < 0, 0),
                new Case(col("cycle_number").geq(100).and(col("test_time").lt(150_000.5)),
                        (c, t) -> c >= 100 && t < 150_000.5, 53_248 + 10_000));
        for (Case k : cases) {
            Dataset<Row> pruned = read(lake, true).filter(k.filter());
            Dataset<Row> full = read(lake, false).filter(k.filter());
            List<String> expected = engineKeys(files, k.matches());
            assertEquals(expected, keys(full), "full scan of " + k.filter());
            assertEquals(expected, keys(pruned), "pruned scan of " + k.filter());
            BattdatScan scan = scan(pruned);
            assertTrue(scan.readRows() <= k.maxRowsRead(), k.filter() + " reads " + scan.readRows() + " rows");
            assertEquals(all, scan(full).readRows(), "monotonicPruning=false reads everything");
            assertTrue(scan.description().contains(scan.prunedRows() + " pruned"), scan.description());
            assertEquals(scan.readRows(), scan.estimateStatistics().numRows().getAsLong());
        }
    }

    @Test
    void aFilterOutsideAFilesRangeDropsItsPartitions() {
        Dataset<Row> cycleSeven = read(lake, true).filter(col("cycle_number").equalTo(7));
        int partitions = cycleSeven.javaRDD().getNumPartitions();
        int unpruned = read(lake, false).filter(col("cycle_number").equalTo(7)).javaRDD().getNumPartitions();
        assertEquals(1, partitions, "one chunk-aligned partition of big.h5; a.h5 and b.h5 are not read");
        assertTrue(unpruned >= 13, "big.h5 alone is 13 partitions of 1 MiB: " + unpruned);
        BattdatScan scan = scan(cycleSeven);
        assertEquals(1, scan.plannedTables().size());
        assertEquals(List.of("cycle_number"), scan.plannedTables().get(0).narrowedBy());
        RowRanges.Range range = scan.plannedTables().get(0).ranges().ranges().get(0);
        assertEquals(0, range.first() % 2048, "chunk aligned: " + range);
        assertTrue(range.first() <= 7000 && range.end() >= 8000, range.toString());
    }

    @Test
    void aDecreasingColumnSeenByTheProbesIsNotPruned() {
        // cycles 0..99, then 0..49 again: the probe of the last row (cycle 49) comes after cycle 75
        Path file = write(tmp.resolve("restart-half.h5"), 150_000, r -> r < 100_000 ? r / 1000 : (r - 100_000) / 1000);
        Dataset<Row> pruned = read(file, true).filter(col("cycle_number").leq(10));
        assertEquals(150_000, scan(pruned).readRows(), "the decrease was seen: nothing pruned");
        assertEquals(engineKeys(List.of(file), (c, t) -> c <= 10), keys(pruned));
    }

    @Test
    void aDecreaseInsideTheRowsReadFailsTheTaskWithATypedError() {
        // cycles 0..99 twice: every probe of cycle_number <= 10 looks sorted, the rows read hold the restart
        Path file = write(tmp.resolve("restart.h5"), 200_000, r -> (r % 100_000) / 1000);
        Dataset<Row> pruned = read(file, true).filter(col("cycle_number").leq(10));
        assertTrue(scan(pruned).readRows() < 200_000, "pruned: " + scan(pruned).description());
        Exception e = assertThrows(Exception.class, pruned::collectAsList);
        String chain = causes(e);
        assertTrue(chain.contains(SchemaViolationException.class.getName()), chain);
        assertTrue(chain.contains("restart.h5: /raw_data: row 100000") && chain.contains("cycle_number")
                && chain.contains("monotonicPruning=false"), chain);

        assertEquals(engineKeys(List.of(file), (c, t) -> c <= 10),
                keys(read(file, false).filter(col("cycle_number").leq(10))), "monotonicPruning=false reads it");
    }

    private static String causes(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            out.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
        }
        return out.toString();
    }
}
