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
        Path good = dir.resolve("good.parquet");
        try (DatasetSink sink = new ParquetStreamWriter().withRowGroupRows(2_000).open(good,
                WriteOptions.create(TestingTables.metadata()))) {
            TableSink t = sink.createTable("raw_data", TestingTables.ALL_TYPES, TestingTables.schema(), 6_000);
            t.append(TestingTables.rows(0, 6_000), 0, 6_000);
        }
        byte[] original = Files.readAllBytes(good.resolve("raw_data.parquet"));
        long seed = new Random().nextLong();
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
            Path damaged = dir.resolve("damaged-" + trial + ".parquet");
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
