package io.battdat.hdf5.write;

import io.battdat.api.BattdatException;
import io.battdat.api.spi.DatasetSink;
import io.battdat.api.spi.ReadOptions;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.TableCursor;
import io.battdat.api.spi.TableSink;
import io.battdat.hdf5.Hdf5StreamReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Appending to damaged files: bytes overwritten at random places in the structures an appender reads (superblock,
 * headers, symbol tables, B-trees). Every attempt either works or fails with a BattdatException; none hangs, runs
 * out of memory or throws anything else, and a file the append reported good reads back.
 */
@Timeout(120)
class DamagedAppendTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"plain.h5", "zlib9.h5", "multi-cell.h5"})
    void damagedStructuresAreTypedErrorsNeverCrashes(String fixture) throws Exception {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        byte[] original = Files.readAllBytes(AppendTest.testdata(fixture));
        String key = fixture.equals("multi-cell.h5") ? "cell_a/raw_data" : "raw_data";
        // PyTables puts most metadata in the first 8 KiB (hdf5-on-disk.md 1); a quarter of the damage goes anywhere
        int trials = Integer.getInteger("battdat.fuzz.trials", 300);
        for (int trial = 0; trial < trials; trial++) {
            byte[] bytes = original.clone();
            int at = random.nextInt(4) == 0 ? random.nextInt(bytes.length) : random.nextInt(8192);
            int n = 1 + random.nextInt(8);
            for (int i = 0; i < n && at + i < bytes.length; i++) {
                bytes[at + i] = (byte) random.nextInt(256);
            }
            Path file = dir.resolve("damaged-" + trial + ".h5");
            Files.write(file, bytes);
            String where = fixture + ", seed " + seed + ", trial " + trial + ", " + n + " bytes at " + at;
            boolean appended = false;
            try (DatasetSink sink = new Hdf5StreamWriter().open(file, AppendTest.appendOptions(0))) {
                TableSink t = sink.appendTo(key);
                try (StoredDataset ds = new Hdf5StreamReader().open(file);
                     TableCursor c = ds.openTable(key, ReadOptions.DEFAULT)) {
                    if (c.next()) {
                        t.append(c.batch().copy(), 0, Math.min(10, c.batch().rowCount()));
                    }
                }
                appended = true;
            } catch (BattdatException expected) {
                // refused with a typed error: fine
            } catch (RuntimeException | Error e) {
                fail(where + ": " + e, e);
            }
            if (appended) {
                try (StoredDataset ds = new Hdf5StreamReader().open(file);
                     TableCursor c = ds.openTable(key, ReadOptions.DEFAULT)) {
                    while (c.next()) {
                        c.batch();
                    }
                } catch (BattdatException ok) {
                    // the damage may lie in data the append did not need
                } catch (RuntimeException | Error e) {
                    fail(where + ", reading after the append: " + e, e);
                }
            }
            Files.delete(file);
        }
    }
}
