package io.battdat.hdf5.write;

import io.battdat.api.data.ColumnBatch;
import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.schema.RawData;
import io.battdat.api.spi.DatasetSink;
import io.battdat.api.spi.ReadOptions;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.TableCursor;
import io.battdat.api.spi.TableSink;
import io.battdat.api.spi.WriteOptions;
import io.battdat.hdf5.Hdf5StreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Crash consistency of appends (hdf5-on-disk.md 8): a commit interrupted after each of its writes, a full disk,
 * and a child JVM killed with SIGKILL at random instants, each leaving a file that our reader and PyTables open
 * with every row of the last completed flush, and that takes appends again.
 */
@Timeout(600)
class CrashTest {
    /** Thrown instead of a write: the process "dies" there. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash", null, false, false);
        }
    }

    @TempDir
    Path dir;

    /** Rows of raw_data, checked against the generator; returns how many. */
    static long checkedRows(Path file) {
        return AppendTest.checkedRows(file, "raw_data");
    }

    private Path base(int level, int rows, int chunkRows) {
        Path file = dir.resolve("base-" + level + ".h5");
        WriteOptions o = WriteOptions.create(BatteryMetadata.defaults().withName("crash")).withCompression(level, "zlib");
        try (Hdf5FileWriter w = Hdf5FileWriter.create(file, o)) {
            TableSink t = w.createTableWithChunkRows("raw_data", FileWriterTest.LAYOUT, new RawData(), chunkRows);
            t.append(FileWriterTest.rows(0, rows), 0, rows);
        }
        return file;
    }

    /** Runs one append of {@code added} rows (plus a new group and table), failing after {@code k} writes. */
    private static boolean appendCrashingAfter(Path file, long k, long n0, int added) {
        Hdf5FileWriter w = Hdf5FileWriter.append(file, AppendTest.appendOptions(0));
        w.channel().failAfter(k, SimulatedCrash::new);
        try {
            TableSink t = w.appendTo("raw_data");
            t.append(FileWriterTest.rows(n0, added), 0, added);
            w.createTable("cell_new/raw_data", FileWriterTest.LAYOUT, new RawData(), 10)
                    .append(FileWriterTest.rows(0, 10), 0, 10);
            w.flush();
            w.close();
            return true;
        } catch (SimulatedCrash e) {
            w.vanish();
            return false;
        }
    }

    @ParameterizedTest(name = "level {0}: {1} rows in chunks of {3}, + {2}")
    @CsvSource({"0, 1000, 7, 50", "0, 1003, 3000, 50", "5, 1003, 3000, 50", "0, 3195, 1, 50", "0, 10, 200, 3"})
    void everyPrefixOfACommitLeavesAReadableFile(int level, int rows, int added, int chunkRows) throws Exception {
        Path base = base(level, rows, chunkRows);
        long writes;
        Path probe = dir.resolve("probe.h5");
        Files.copy(base, probe, StandardCopyOption.REPLACE_EXISTING);
        Hdf5FileWriter counting = Hdf5FileWriter.append(probe, AppendTest.appendOptions(0));
        long before = counting.channel().writes();
        counting.appendTo("raw_data").append(FileWriterTest.rows(rows, added), 0, added);
        counting.createTable("cell_new/raw_data", FileWriterTest.LAYOUT, new RawData(), 10)
                .append(FileWriterTest.rows(0, 10), 0, 10);
        counting.flush();
        writes = counting.channel().writes() - before;
        counting.close();
        assertEquals(rows + added, checkedRows(probe));
        boolean python = AppendTest.PythonCheck.available();
        Random random = new Random(rows * 31L + added);
        for (long k = 0; k <= writes; k++) {
            Path f = dir.resolve("crash-" + k + ".h5");
            Files.copy(base, f, StandardCopyOption.REPLACE_EXISTING);
            boolean completed = appendCrashingAfter(f, k, rows, added);
            long seen = checkedRows(f);
            assertTrue(seen == rows || seen == rows + added, "after " + k + " writes: " + seen + " rows");
            if (completed) {
                assertEquals(rows + added, seen);
            }
            if (python && (k == writes || random.nextInt(4) == 0)) {
                AppendTest.PythonCheck.assertFacts(f, "/raw_data", seen);
            }
            // appending resumes
            try (DatasetSink s = new Hdf5StreamWriter().open(f, AppendTest.appendOptions(0))) {
                s.appendTo("raw_data").append(FileWriterTest.rows(seen, 5), 0, 5);
            }
            assertEquals(seen + 5, checkedRows(f));
            Files.delete(f);
        }
    }

    @Test
    void aFullDiskFailsTheFlushAndKeepsTheLastOne() {
        Path file = base(5, 2000, 100);
        Hdf5FileWriter w = Hdf5FileWriter.append(file, AppendTest.appendOptions(0));
        TableSink t = w.appendTo("raw_data");
        t.append(FileWriterTest.rows(2000, 500), 0, 500);
        assertEquals(500, t.flush());
        w.channel().failAfter(3, () -> new IOException("No space left on device"));
        io.battdat.api.WriteException e = assertThrows(io.battdat.api.WriteException.class, () -> {
            t.append(FileWriterTest.rows(2500, 5000), 0, 5000);
            t.flush();
        });
        assertTrue(e.getMessage().contains("No space left on device") && e.getMessage().contains("base-5.h5"),
                e.getMessage());
        assertThrows(io.battdat.api.WriteException.class, () -> t.append(FileWriterTest.rows(0, 1), 0, 1));
        assertThrows(io.battdat.api.WriteException.class, w::close);
        assertEquals(2500, checkedRows(file));
    }

    @Test
    void sigkillAtRandomInstantsKeepsEveryFlushedRow() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Random random = new Random();
        long seed = random.nextLong();
        random.setSeed(seed);
        for (int level : new int[]{0, 3}) {
            Path file = dir.resolve("killed-" + level + ".h5");
            long lastCommitted = 0;
            for (int kill = 0; kill < 6; kill++) {
                Process p = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                        CrashChild.class.getName(), file.toString(), String.valueOf(37 + random.nextInt(400)),
                        String.valueOf(level)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                String first = out.readLine();
                assertTrue(first != null && first.startsWith("start "), "child did not start: " + first);
                assertTrue(Long.parseLong(first.substring(6)) >= lastCommitted, "seed " + seed);
                AtomicLong committedRows = new AtomicLong(-1);
                AtomicLong flushes = new AtomicLong();
                Thread reader = new Thread(() -> {
                    try {
                        for (String line; (line = out.readLine()) != null; ) {
                            committedRows.set(Long.parseLong(line.substring("committed ".length())));
                            flushes.incrementAndGet();
                        }
                    } catch (IOException ignored) {
                        // the stream closes when the child is killed
                    }
                });
                reader.start();
                int waitFor = 1 + random.nextInt(60);
                while (flushes.get() < waitFor && p.isAlive()) {
                    Thread.sleep(1);
                }
                Thread.sleep(random.nextInt(15));
                long committed = committedRows.get(); // printed after its flush returned: a lower bound
                p.destroyForcibly(); // SIGKILL
                assertTrue(p.waitFor(30, TimeUnit.SECONDS));
                reader.join(10_000);
                long seen = checkedRows(file);
                assertTrue(seen >= committed, "killed after " + committed + " committed rows, file has " + seen
                        + " (seed " + seed + ")");
                lastCommitted = seen;
                if (AppendTest.PythonCheck.available()) {
                    AppendTest.PythonCheck.assertFacts(file, "/raw_data", seen);
                }
            }
        }
    }
}
