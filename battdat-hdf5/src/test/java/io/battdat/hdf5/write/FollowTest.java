package io.battdat.hdf5.write;

import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.DoubleColumn;
import io.battdat.api.data.LongColumn;
import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.schema.RawData;
import io.battdat.api.spi.FollowOptions;
import io.battdat.api.spi.ReadOptions;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.TableCursor;
import io.battdat.api.spi.TableSink;
import io.battdat.api.spi.WriteOptions;
import io.battdat.hdf5.Hdf5StreamReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Live follow: a child JVM appends with frequent flushes while followers read the file; every row is yielded
 * once, in order, equal to the final file's, and the follow ends when the writer closes the file, or by the idle
 * timeout after the writer was killed.
 */
@Timeout(300)
class FollowTest {
    @TempDir
    Path dir;

    /** A writer in another JVM: CrashChild appends in flushes of {@code perFlush} rows until it is killed. */
    private Process writer(Path file, int perFlush, int level, long total) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                CrashChild.class.getName(), file.toString(), String.valueOf(perFlush), String.valueOf(level),
                String.valueOf(total))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertTrue(out.readLine().startsWith("start"));
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // keep the pipe from filling
                }
            } catch (java.io.IOException ignored) {
                // killed
            }
        });
        drain.setDaemon(true);
        drain.start();
        return p;
    }

    /** Follows raw_data; checks every row against the generator; returns the rows yielded. */
    private static long follow(Path file, FollowOptions options) {
        try (StoredDataset ds = new Hdf5StreamReader().open(file);
             TableCursor c = ds.followTable("raw_data", ReadOptions.DEFAULT, options)) {
            long expected = options.firstRow();
            while (c.next()) {
                ColumnBatch b = c.batch();
                assertEquals(expected, b.firstRow(), "batches in order, none repeated or skipped");
                double[] time = ((DoubleColumn) b.column("test_time")).buffer();
                long[] cycle = ((LongColumn) b.column("cycle_number")).buffer();
                for (int i = 0; i < b.rowCount(); i++) {
                    long r = expected + i;
                    if (time[i] != r * 0.5 || cycle[i] != r / 2000) {
                        assertEquals(r * 0.5, time[i], "test_time of row " + r);
                        assertEquals(r / 2000, cycle[i], "cycle_number of row " + r);
                    }
                }
                expected += b.rowCount();
            }
            return expected - options.firstRow();
        }
    }

    private Path started(String name) {
        Path file = dir.resolve(name);
        try (Hdf5FileWriter w = Hdf5FileWriter.create(file, WriteOptions.create(BatteryMetadata.defaults()))) {
            w.createTableWithChunkRows("raw_data", FileWriterTest.LAYOUT, new RawData(), 1000);
        }
        return file;
    }

    private static long rows(Path file) {
        try (StoredDataset ds = new Hdf5StreamReader().open(file)) {
            return ds.table("raw_data").rows();
        }
    }

    @Test
    void twoFollowersSeeEveryRowOfAWriterThatIsKilled() throws Exception {
        Path file = started("killed.h5");
        Process p = writer(file, 20_000, 0, Long.MAX_VALUE);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            FollowOptions options = FollowOptions.DEFAULT.withPollInterval(Duration.ofMillis(10))
                    .withIdleTimeout(Duration.ofSeconds(3));
            Future<Long> a = pool.submit(() -> follow(file, options));
            Future<Long> b = pool.submit(() -> follow(file, options));
            while (rows(file) < 1_000_000) {
                Thread.sleep(20);
            }
            p.destroyForcibly(); // SIGKILL mid-stream: the flags stay set, the followers end by the idle timeout
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            long finalRows = rows(file);
            assertEquals(finalRows, a.get(60, TimeUnit.SECONDS), "rows of the last completed flush");
            assertEquals(finalRows, b.get(60, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
            p.destroyForcibly();
        }
    }

    @Test
    void aChildJvmStreamsFiveMillionRowsAndTheFollowEndsWithItsClose() throws Exception {
        Path file = started("closed.h5");
        int total = 5_000_000;
        Process p = writer(file, 25_000, 1, total);
        try {
            long seen = follow(file, FollowOptions.DEFAULT.withPollInterval(Duration.ofMillis(10)));
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue());
            assertEquals(total, seen, "every row, once, and the follow ended with the writer's close");
            assertEquals(total, rows(file));
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void aFollowerCanBeClosedFromAnotherThreadAndStartsWhereAsked() throws Exception {
        Path file = started("idle.h5");
        try (Hdf5FileWriter w = Hdf5FileWriter.append(file, AppendTest.appendOptions(0))) {
            TableSink t = w.appendTo("raw_data");
            t.append(FileWriterTest.rows(0, 100), 0, 100);
            t.flush();
            // the writer keeps the file open: a follower waits; closing it from another thread ends next()
            try (StoredDataset ds = new Hdf5StreamReader().open(file)) {
                TableCursor c = ds.followTable("raw_data", ReadOptions.DEFAULT,
                        FollowOptions.DEFAULT.withFirstRow(40));
                assertTrue(c.next());
                assertEquals(40, c.batch().firstRow());
                assertEquals(60, c.batch().rowCount());
                Thread closer = new Thread(() -> {
                    sleep(300);
                    c.close();
                });
                closer.start();
                long t0 = System.nanoTime();
                assertFalse(c.next());
                assertTrue(System.nanoTime() - t0 < 10_000_000_000L);
                closer.join();
            }
        }
        // closed by its writer: a follower yields what is there and ends at once
        assertEquals(100, follow(file, FollowOptions.DEFAULT));
    }

    @Test
    void filesOtherProgramsHaveOpenAreReadOnlyWhenTheyClose() throws Exception {
        Path file = started("foreign.h5");
        try (Hdf5FileWriter w = Hdf5FileWriter.append(file, AppendTest.appendOptions(0))) {
            w.appendTo("raw_data").append(FileWriterTest.rows(0, 500), 0, 500);
        }
        // mark the file as HDF5 marks it while another program has it open for writing (flag 1, no SWMR bit)
        try (var ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[]{1, 0, 0, 0}), 20);
        }
        List<Long> got = new ArrayList<>();
        Thread follower = new Thread(() -> got.add(follow(file, FollowOptions.DEFAULT.withPollInterval(
                Duration.ofMillis(10)).withIdleTimeout(Duration.ofSeconds(20)))));
        follower.start();
        sleep(500);
        assertTrue(follower.isAlive(), "waits while another writer has the file open");
        try (var ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[]{0, 0, 0, 0}), 20);
        }
        follower.join(20_000);
        assertEquals(List.of(500L), got);
    }

    @Test
    void aFileThatPyTablesAppendsToIsNeverReadHalfWritten() throws Exception {
        Assumptions.assumeTrue(AppendTest.PythonCheck.available(), "PyTables missing: skipping the follow of a "
                + "file PyTables writes");
        Path file = dir.resolve("pytables.h5");
        Files.copy(AppendTest.testdata("plain.h5"), file);
        String script = String.join("\n",
                "import sys, time, tables, numpy as np",
                "print('ready', flush=True)",
                "time.sleep(0.5)",
                "for i in range(60):",
                "    with tables.open_file(sys.argv[1], 'a') as f:",
                "        t = f.root.raw_data",
                "        rows = np.repeat(t[-1:], 997)",
                "        rows['test_time'] = rows['test_time'][0] + np.arange(1, 998)",
                "        t.append(rows); t.flush()",
                "    time.sleep(0.01)");
        Process python = new ProcessBuilder("/usr/bin/python3", "-c", script, file.toString())
                .redirectErrorStream(true).start();
        // The idle timeout must not run out while Python imports numpy and PyTables on a loaded machine.
        java.io.BufferedReader pythonOut = new java.io.BufferedReader(
                new java.io.InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8));
        String first = pythonOut.readLine();
        assertEquals("ready", first, "Python failed to start: " + first);
        List<Double> seen = new ArrayList<>();
        try (StoredDataset ds = new Hdf5StreamReader().open(file);
             TableCursor c = ds.followTable("raw_data", ReadOptions.DEFAULT, FollowOptions.DEFAULT
                     .withPollInterval(Duration.ofMillis(5)).withIdleTimeout(Duration.ofSeconds(5))
                     .withAcrossSessions(true))) {
            while (c.next()) {
                double[] t = ((DoubleColumn) c.batch().column("test_time")).buffer();
                for (int i = 0; i < c.batch().rowCount(); i++) {
                    seen.add(t[i]);
                }
            }
        }
        String out = pythonOut.lines().collect(java.util.stream.Collectors.joining("\n"));
        assertTrue(python.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, python.exitValue(), out);
        List<Double> all = new ArrayList<>();
        try (StoredDataset ds = new Hdf5StreamReader().open(file);
             TableCursor c = ds.openTable("raw_data", ReadOptions.DEFAULT)) {
            while (c.next()) {
                double[] t = ((DoubleColumn) c.batch().column("test_time")).buffer();
                for (int i = 0; i < c.batch().rowCount(); i++) {
                    all.add(t[i]);
                }
            }
        }
        assertEquals(5776 + 60 * 997, all.size());
        assertEquals(all.subList(0, seen.size()), seen, "every row yielded equals the final file's");
        assertEquals(all.size(), seen.size(), "and the follower caught up once PyTables was done");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
