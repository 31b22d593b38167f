package io.battdat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.battdat.api.data.BatchBuffer;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.WriteMode;
import io.battdat.streaming.Battdat;
import io.battdat.streaming.HDF5Writer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A child JVM runs {@code battdat copy} and is killed with SIGKILL at 8 points spread over the run: every kill after
 * the first commit leaves a file that our reader and PyTables open, holding a prefix of the source (more rows the
 * later the kill); {@code --resume} completes each to a file whose facts equal the source's; a follower started
 * before the copy yields the checksum of what was committed. Rows: 1,000,000 by default, {@code -Dbattdat.killtest.rows=20000000}
 * for the size
 * (with {@code -Dbattdat.killtest.complevel=0} to keep it short).
 */
@Timeout(900)
class KilledCopyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long ROWS = Long.getLong("battdat.killtest.rows", 1_000_000);
    private static final int KILLS = 8;
    /** Compressed copies are slower, so the kills spread over more commits; 0 keeps a 20M-row run short. */
    private static final String COMPLEVEL = System.getProperty("battdat.killtest.complevel", "1");

    @TempDir
    Path dir;

    @Test
    void hdf5CopiesKilledAnywhereLeaveAPrefixThatResumes() throws Exception {
        Path source = dir.resolve("source.h5");
        writeSource(source, ROWS);
        String sourceFacts = Cli.run("facts", source.toString()).out();
        String sourceChecksum = checksumOf(Cli.run("bench", "read", source.toString(), "--mode", "batches", "--json").out());
        boolean python = pythonTables();

        // An uninterrupted run, followed from before it starts; its output's size spreads the kills.
        Path whole = dir.resolve("whole.h5");
        Follower follower = Follower.start(whole, 120);
        long t0 = System.nanoTime();
        Process p = copy(source, whole);
        assertTrue(p.waitFor(600, TimeUnit.SECONDS));
        long runNanos = System.nanoTime() - t0;
        assertEquals(0, p.exitValue());
        Cli followed = follower.join();
        assertEquals(0, followed.status(), followed.err());
        assertEquals(sourceChecksum, checksumOf(followed.out()), "a follower started before the copy");
        assertEquals(sourceFacts, Cli.run("facts", whole.toString()).out());

        // Before the first commit nothing carries the name, and a follower waiting for it says so.
        Path early = dir.resolve("early.h5");
        Follower none = Follower.start(early, 1);
        copy(source, early).destroyForcibly();
        Cli nothing = none.join();
        assertEquals(1, nothing.status(), nothing.out());
        assertTrue(nothing.err().contains("no such file"), nothing.err());
        assertTrue(!Files.exists(early));

        long previous = -1;
        long previousThreshold = 0;
        List<Long> prefixes = new ArrayList<>();
        for (int k = 0; k < KILLS; k++) {
            Path out = dir.resolve("killed-" + k + ".h5");
            // the last two are followed from before the copy starts (each follower then waits out its idle time)
            Follower f = k >= KILLS - 2 ? Follower.start(out, 12) : null;
            double fraction = 0.05 + 0.9 * k / (KILLS - 1.0);
            Process child = copy(source, out);
            long threshold = (long) (fraction * ROWS);
            while (child.isAlive() && committedRows(out) < threshold) {
                Thread.sleep(5);
            }
            child.destroyForcibly(); // SIGKILL
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
            long rows;
            try (StoredDataset d = Battdat.engine().open(out)) {
                rows = d.table("raw_data").rows();
            }
            assertTrue(rows <= ROWS);
            // each kill comes once the copy has committed its share of the rows: a later kill leaves at least that
            // many, and at least what the earlier kill's share was
            assertTrue(rows >= threshold && threshold >= previousThreshold, "kill " + k + " after " + threshold
                    + " committed rows left " + rows + " (the earlier kill: " + previous + ")");
            previousThreshold = threshold;
            previous = rows;
            prefixes.add(rows);
            if (python) {
                assertEquals(String.valueOf(rows), pytablesRows(out), "PyTables' row count of kill " + k);
            }
            if (f != null) {
                Cli seen = f.join();
                String prefixChecksum = checksumOf(Cli.run("bench", "read", out.toString(), "--mode", "batches",
                        "--json").out());
                assertEquals(0, seen.status(), seen.err());
                assertEquals(prefixChecksum, checksumOf(seen.out()), "the follower of kill " + k);
            }
            Cli resumed = Cli.run("copy", source.toString(), out.toString(), "--resume");
            assertEquals(0, resumed.status(), resumed.err());
            assertTrue(resumed.out().contains("resumed after " + rows + " rows"), resumed.out());
            assertEquals(sourceFacts, Cli.run("facts", out.toString()).out(), "facts after resuming kill " + k);
        }
        long partial = prefixes.stream().filter(r -> r > 0 && r < ROWS).distinct().count();
        System.out.println("KilledCopyTest: " + ROWS + " rows copied in " + runNanos / 1e6 + " ms; rows left by the "
                + "kills: " + prefixes + (python ? "" : " (PyTables check skipped: /usr/bin/python3 with tables absent)"));
        assertTrue(partial >= 2, "kills should land between commits: " + prefixes);
        Assumptions.assumeTrue(python, "/usr/bin/python3 with python3-tables is absent: PyTables check skipped");
    }

    @Test
    void parquetCopiesKilledAnywhereLeaveAPrefixThatResumes() throws Exception {
        long rows = Math.min(ROWS, 300_000);
        Path source = dir.resolve("source.h5");
        writeSource(source, rows);
        String sourceFacts = Cli.run("facts", source.toString()).out();
        Path whole = dir.resolve("whole.parquet");
        long t0 = System.nanoTime();
        Process p = copy(source, whole);
        assertTrue(p.waitFor(600, TimeUnit.SECONDS));
        long runNanos = System.nanoTime() - t0;
        assertEquals(sourceFacts, Cli.run("facts", whole.toString()).out());
        for (int k = 0; k < 4; k++) {
            Path out = dir.resolve("killed-" + k + ".parquet");
            Process child = copy(source, out);
            TimeUnit.NANOSECONDS.sleep((long) (runNanos * (0.4 + 0.55 * k / 3.0)));
            child.destroyForcibly();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
            if (Files.exists(out)) {
                long n;
                try (StoredDataset d = Battdat.engine().open(out)) {
                    n = d.table("raw_data").rows();
                }
                // time-based kills of separate runs: the order of their row counts is left to the HDF5 test
                assertTrue(n <= rows, "kill " + k + ": " + n + " rows");
            }
            Cli resumed = Cli.run("copy", source.toString(), out.toString(), "--resume");
            assertEquals(0, resumed.status(), resumed.err());
            assertEquals(sourceFacts, Cli.run("facts", out.toString()).out(), "facts after resuming kill " + k);
        }
    }

    @Test
    void resumingOntoAnotherFileNamesTheFirstDifferenceAndChangesNothing() throws IOException {
        Path a = dir.resolve("a.h5");
        writeSource(a, 50_000);
        Path b = dir.resolve("b.h5");
        try (HDF5Writer w = HDF5Writer.builder(b).mode(WriteMode.OVERWRITE).metadata(BatteryMetadata.defaults()).open()) {
            CellSimulator sim = new CellSimulator(1, 2000); // another seed: other values
            BatchBuffer cycle = BatchBuffer.allocate(CellSimulator.LAYOUT, 2200);
            sim.nextCycle(cycle, 1000);
            w.writeBatch(cycle);
        }
        byte[] before = Files.readAllBytes(b);
        Cli resumed = Cli.run("copy", a.toString(), b.toString(), "--resume");
        assertEquals(1, resumed.status(), resumed.out());
        assertTrue(resumed.err().matches("(?s).*row \\d+ of /raw_data differs in column \\w+: the file has .*, the "
                + "input has .*"), resumed.err());
        byte[] after = Files.readAllBytes(b);
        // only the superblock's "open for writing" flags may have been touched (and are cleared again)
        assertEquals(before.length, after.length);
        assertTrue(java.util.Arrays.equals(before, after), "the file was changed");
    }

    /** The rows a file being written has committed so far (0 before it exists). */
    private static long committedRows(Path file) {
        if (!Files.exists(file)) {
            return 0;
        }
        try (StoredDataset d = Battdat.engine().open(file)) {
            return d.tables().isEmpty() ? 0 : d.table("raw_data").rows();
        } catch (io.battdat.api.BattdatException e) {
            return 0; // renamed while opening: look again
        }
    }

    /** The source, written with the writer API: simulated cycles of about 2,000 rows. */
    static void writeSource(Path file, long rows) {
        CellSimulator sim = new CellSimulator(0, 2000);
        BatchBuffer cycle = BatchBuffer.allocate(CellSimulator.LAYOUT, 2200);
        try (HDF5Writer w = HDF5Writer.builder(file).mode(WriteMode.OVERWRITE).expectedRows(rows)
                .metadata(BatteryMetadata.defaults().withName("kill-test")).open()) {
            for (long left = rows; left > 0; left -= cycle.rowCount()) {
                sim.nextCycle(cycle, (int) Math.min(left, Integer.MAX_VALUE));
                w.writeBatch(cycle);
            }
        }
    }

    /** {@code battdat copy} in a child JVM, compressed (slower, so the kills spread over many commits). */
    private static Process copy(Path in, Path out) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                BattdatCommand.class.getName(), "copy", in.toString(), out.toString(), "--complevel", COMPLEVEL,
                "--commit-every", String.valueOf(Math.max(50_000, ROWS / 20))).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static String checksumOf(String json) throws IOException {
        String last = json.strip().lines().reduce((x, y) -> y).orElse("");
        JsonNode c = JSON.readTree(last).get("checksum");
        assertTrue(c != null, "no checksum in " + json);
        return c.toString();
    }

    private static boolean pythonTables() {
        try {
            Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import tables").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String pytablesRows(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import sys, tables\n"
                + "with tables.open_file(sys.argv[1]) as f: print(f.root.raw_data.nrows)", file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return out.lines().reduce((x, y) -> y).orElse(out);
    }

    /** {@code battdat follow FILE --checksum} in a thread of this JVM, started before the file exists. */
    private static final class Follower {
        private final Thread thread;
        private final AtomicReference<Cli> result = new AtomicReference<>();

        private Follower(Path file, int idleSeconds) {
            thread = new Thread(() -> result.set(Cli.run("follow", file.toString(), "--checksum", "--quiet",
                    "--idle-timeout", String.valueOf(idleSeconds), "--poll", "50")), "follower of " + file.getFileName());
        }

        /** Follows with this idle timeout, which also bounds the wait for the file to appear. */
        static Follower start(Path file, int idleSeconds) {
            Follower f = new Follower(file, idleSeconds);
            f.thread.start();
            return f;
        }

        Cli join() throws InterruptedException {
            thread.join(120_000);
            assertTrue(result.get() != null, "the follower did not end");
            return result.get();
        }
    }
}
