package io.battdat.parquet;

import io.battdat.api.BattdatException;
import io.battdat.api.spi.DatasetSink;
import io.battdat.api.spi.ReadOptions;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.TableCursor;
import io.battdat.api.spi.TableSink;
import io.battdat.api.spi.WriteOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Damaged Parquet files (bytes overwritten in the footer, page headers or pages, or the file cut short): opening and
 * reading either works or fails with a BattdatException naming the dataset; nothing else escapes, nothing hangs.
 */
@Timeout(120)
class DamagedParquetTest {
    @TempDir
    Path dir;

    @Test
    void damageIsATypedErrorNeverACrash() throws Exception {
        fuzz(TestingTables.ALL_TYPES, TestingTables.rows(0, 6_000), "scalars");
    }

    @Test
    void damagedListColumnsAreTypedErrorsToo() throws Exception {
        io.battdat.api.data.TableLayout layout = io.battdat.api.data.TableLayout.of(
                io.battdat.api.data.ColumnSpec.of("test_time", io.battdat.api.data.StorageType.FLOAT64),
                io.battdat.api.data.ColumnSpec.builder("vec", io.battdat.api.data.StorageType.FLOAT64).shape(3).build(),
                io.battdat.api.data.ColumnSpec.builder("counts", io.battdat.api.data.StorageType.INT32).shape(2).build());
        io.battdat.api.data.BatchBuffer b = io.battdat.api.data.BatchBuffer.allocate(layout, 6_000);
        for (int r = 0; r < 6_000; r++) {
            ((io.battdat.api.data.DoubleColumn) b.column(0)).buffer()[r] = r;
            for (int e = 0; e < 3; e++) {
                ((io.battdat.api.data.DoubleColumn) b.column(1)).buffer()[r * 3 + e] = Math.sin(r + e);
            }
            ((io.battdat.api.data.LongColumn) b.column(2)).buffer()[r * 2] = r % 17;
            ((io.battdat.api.data.LongColumn) b.column(2)).buffer()[r * 2 + 1] = r;
        }
        b.setRowCount(6_000);
        fuzz(layout, b, "lists");
    }

    private void fuzz(io.battdat.api.data.TableLayout layout, io.battdat.api.data.ColumnBatch rows, String name)
            throws Exception {
        Path good = dir.resolve(name + ".parquet");
        try (DatasetSink sink = new ParquetStreamWriter().withRowGroupRows(2_000).open(good,
                WriteOptions.create(TestingTables.metadata()))) {
            TableSink t = sink.createTable("raw_data", layout, TestingTables.schema(), rows.rowCount());
            t.append(rows, 0, rows.rowCount());
        }
        byte[] original = Files.readAllBytes(good.resolve("raw_data.parquet"));
        long seed = Long.getLong("battdat.fuzz.seed", new Random().nextLong());
        Random random = new Random(seed);
        int trials = Integer.getInteger("battdat.fuzz.trials", 300);
        for (int trial = 0; trial < trials; trial++) {
            byte[] bytes;
            String what;
            if (random.nextInt(5) == 0) {
                int keep = random.nextInt(original.length);
                bytes = java.util.Arrays.copyOf(original, keep);
                what = "cut at " + keep;
            } else {
                bytes = original.clone();
                // the footer (last few KiB) more often than the pages
                int at = random.nextBoolean() ? original.length - 1 - random.nextInt(Math.min(4096, original.length))
                        : random.nextInt(original.length);
                int n = 1 + random.nextInt(8);
                for (int i = 0; i < n && at + i < bytes.length; i++) {
                    bytes[at + i] = (byte) random.nextInt(256);
                }
                what = n + " bytes at " + at;
            }
            Path damaged = dir.resolve("damaged-" + name + "-" + trial + ".parquet");
            Files.createDirectories(damaged);
            Files.write(damaged.resolve("raw_data.parquet"), bytes);
            try (StoredDataset ds = new ParquetStreamReader().open(damaged)) {
                for (var info : ds.tables()) {
                    try (TableCursor c = ds.openTable(info.key(), ReadOptions.DEFAULT.withBatchRows(1_000))) {
                        while (c.next()) {
                            c.batch();
                        }
                    }
                }
            } catch (BattdatException expected) {
                // refused with a typed error naming the file: fine
            } catch (RuntimeException | Error e) {
                fail("seed " + seed + ", trial " + trial + ", " + what + ": " + e, e);
            }
        }
    }
}
