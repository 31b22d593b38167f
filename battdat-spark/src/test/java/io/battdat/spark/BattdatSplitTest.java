package io.battdat.spark;

import io.battdat.api.data.BatchBuffer;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.DoubleColumn;
import io.battdat.api.data.LongColumn;
import io.battdat.api.data.StorageType;
import io.battdat.api.data.TableLayout;
import io.battdat.streaming.HDF5Writer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One 10M-row file is read by several tasks, split at chunk boundaries, without losing or repeating a row. */
class BattdatSplitTest {
    static final int ROWS = 10_000_000;
    static final long MOD = 100_003;

    @TempDir
    Path tmp;

    @Test
    void tenMillionRowFileSplitsIntoFourOrMorePartitionsWithTheSameChecksum() {
        Path file = tmp.resolve("big.h5");
        write(file);

        Dataset<Row> df = TestingSpark.spark().read().format("battdat").load(file.toString());
        int partitions = df.javaRDD().getNumPartitions();
        assertTrue(partitions >= 4, "partitions: " + partitions);

        Row spark = df.agg(count(lit(1)), sum(col("index")), sum(pmod(col("index"), lit(MOD)).multiply(pmod(col("index"), lit(MOD)))),
                sum(col("cycle_number"))).first();
        long[] engine = engineChecksum(file);
        assertEquals(engine[0], spark.getLong(0), "rows");
        assertEquals(engine[1], spark.getLong(1), "sum of index");
        assertEquals(engine[2], spark.getLong(2), "sum of (index mod p)^2");
        assertEquals(engine[3], spark.getLong(3), "sum of cycle_number");
        assertEquals(ROWS, engine[0]);
    }

    /** index (int64), test_time, current, voltage (float64), cycle_number (int64): 40 bytes a row. */
    private static void write(Path file) {
        TableLayout layout = TableLayout.of(ColumnSpec.of("index", StorageType.INT64),
                ColumnSpec.of("test_time", StorageType.FLOAT64), ColumnSpec.of("current", StorageType.FLOAT64),
                ColumnSpec.of("voltage", StorageType.FLOAT64), ColumnSpec.of("cycle_number", StorageType.INT64));
        int batchRows = 1 << 18;
        BatchBuffer batch = BatchBuffer.allocate(layout, batchRows);
        long[] index = ((LongColumn) batch.column(0)).buffer();
        double[] time = ((DoubleColumn) batch.column(1)).buffer();
        double[] current = ((DoubleColumn) batch.column(2)).buffer();
        double[] voltage = ((DoubleColumn) batch.column(3)).buffer();
        long[] cycle = ((LongColumn) batch.column(4)).buffer();
        try (HDF5Writer w = HDF5Writer.builder(file).layout(layout).expectedRows(ROWS).open()) {
            for (int first = 0; first < ROWS; first += batchRows) {
                int n = Math.min(batchRows, ROWS - first);
                for (int r = 0; r < n; r++) {
                    long i = first + r;
                    index[r] = i;
                    time[r] = i;
                    current[r] = (i % 2000) < 1000 ? 1.0 : -1.0;
                    voltage[r] = 3.0 + (i % 1000) * 1e-3;
                    cycle[r] = i / 2000;
                }
                batch.setRowCount(n);
                w.writeBatch(batch);
            }
        }
    }

    private static long[] engineChecksum(Path file) {
        long[] sums = new long[4]; // rows, sum of index, sum of (index mod MOD) squared, sum of cycle_number
        TestingSpark.forEachEngineBatch(file, b -> {
            long[] index = b.longs("index").buffer();
            long[] cycle = b.longs("cycle_number").buffer();
            for (int r = 0; r < b.rowCount(); r++) {
                long m = Math.floorMod(index[r], MOD);
                sums[1] += index[r];
                sums[2] += m * m;
                sums[3] += cycle[r];
            }
            sums[0] += b.rowCount();
        });
        return sums;
    }
}
