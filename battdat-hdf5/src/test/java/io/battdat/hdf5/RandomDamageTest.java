package io.battdat.hdf5;

import io.battdat.api.BattdatException;
import io.battdat.api.spi.ReadOptions;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.TableInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Reading files with bytes overwritten at random (mostly in the metadata PyTables puts in the first 8 KiB): every
 * file either reads or fails with a BattdatException; no other exception escapes, nothing hangs or runs out of memory.
 */
@Timeout(180)
class RandomDamageTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"plain.h5", "zlib9.h5", "multi-cell.h5", "with-cycle-stats.h5", "mixed-types.h5"})
    void damageIsATypedErrorNeverACrash(String fixture) throws Exception {
        byte[] original = Files.readAllBytes(Fixtures.hdf5(fixture));
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        int trials = Integer.getInteger("battdat.fuzz.trials", 200);
        for (int trial = 0; trial < trials; trial++) {
            byte[] bytes = original.clone();
            int at = random.nextInt(4) == 0 ? random.nextInt(bytes.length) : random.nextInt(Math.min(8192, bytes.length));
            int n = 1 + random.nextInt(8);
            for (int i = 0; i < n && at + i < bytes.length; i++) {
                bytes[at + i] = (byte) random.nextInt(256);
            }
            Path file = dir.resolve("d" + trial + ".h5");
            Files.write(file, bytes);
            try (StoredDataset ds = new Hdf5StreamReader().open(file)) {
                for (TableInfo t : ds.tables()) {
                    Fixtures.readTable(ds, t.key(), ReadOptions.DEFAULT.withBatchRows(1000));
                }
            } catch (BattdatException expected) {
                // a typed error naming the file
            } catch (RuntimeException | Error e) {
                fail(fixture + ", seed " + seed + ", trial " + trial + ", " + n + " bytes at " + at + ": " + e, e);
            }
            Files.delete(file);
        }
    }
}
