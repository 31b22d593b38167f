package io.battdat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Interop with the Python side, where it is installed (CI installs it; elsewhere these tests are skipped with
 * the reason): files PyTables writes with a fresh random seed read with the facts PyTables reads, and the Python
 * toolkit's own example files match their recorded facts.
 */
@Timeout(300)
class PyTablesInteropTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long one Python run (a corpus file written, a file checked) may take. */
    private static final long TIMEOUT_SECONDS = 240;
    private static Path shared;

    @BeforeAll
    static void findShared() {
        shared = Path.of(System.getProperty("battdat.shared", "../../shared"));
    }

    private static void assumePython() {
        Assumptions.assumeTrue(Files.isRegularFile(shared.resolve("tools/pytables-check.py")),
                "../shared/tools/pytables-check.py is not present: skipping the PyTables interop tests");
        Assumptions.assumeTrue(Python.run(TIMEOUT_SECONDS, "-c", "import tables, h5py, pandas").status() == 0,
                "/usr/bin/python3 with python3-tables, python3-h5py and python3-pandas is missing "
                        + "(apt-get install -y python3-tables python3-h5py python3-pandas): skipping");
    }

    private static void sameFactsAsPyTables(Path file) throws IOException {
        Cli py = Python.run(TIMEOUT_SECONDS, shared.resolve("tools/pytables-check.py").toString(), file.toString());
        assertEquals(0, py.status(), py.err());
        Cli ours = Cli.run("facts", file.toString());
        assertEquals(0, ours.status(), ours.err());
        List<String> diff = FactsTest.diff(JSON.readTree(py.out()), JSON.readTree(ours.out()));
        assertTrue(diff.isEmpty(), file + ": " + diff);
    }

    @Test
    void freshPyTablesFilesWithARandomSeed(@TempDir Path dir) throws IOException {
        assumePython();
        long seed = new Random().nextInt(1_000_000);
        String[][] variants = {
                {"--compression", "none", "--rows", "23456", "--cells", "2"},
                {"--compression", "zlib", "--complevel", "5", "--rows", "31001", "--rows-per-cycle", "1234"},
        };
        int i = 0;
        for (String[] v : variants) {
            Path file = dir.resolve("seed-" + seed + "-" + (i++) + ".h5");
            List<String> cmd = new ArrayList<>(List.of(shared.resolve("bench/gen_corpus.py").toString(),
                    "--out", file.toString(), "--seed", Long.toString(seed), "--cycle-stats"));
            cmd.addAll(List.of(v));
            Cli gen = Python.run(TIMEOUT_SECONDS, cmd.toArray(String[]::new));
            assertEquals(0, gen.status(), "gen_corpus.py (seed " + seed + "): " + gen.err());
            sameFactsAsPyTables(file);
        }
    }

    @Test
    void pyTablesReadsOurCopies(@TempDir Path dir) throws IOException {
        assumePython();
        for (String fixture : new String[]{"multi-cell.h5", "with-cycle-stats.h5", "zlib9.h5"}) {
            Path out = dir.resolve("copy-" + fixture);
            Cli copy = Cli.run("copy", Cli.testdata("hdf5", fixture).toString(), out.toString(), "--complevel", "5");
            assertEquals(0, copy.status(), copy.err());
            sameFactsAsPyTables(out);
        }
    }

    @TestFactory
    Stream<DynamicTest> pythonToolkitExampleFiles() throws IOException {
        Path examples = shared.resolve("fixtures/battdat-examples");
        Assumptions.assumeTrue(Files.isRegularFile(examples.resolve("expected.json")),
                "../shared/fixtures/battdat-examples is not present: skipping the Python toolkit's example files");
        JsonNode expected = JSON.readTree(examples.resolve("expected.json").toFile());
        List<DynamicTest> tests = new ArrayList<>();
        for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            tests.add(DynamicTest.dynamicTest(name, () -> {
                Cli r = Cli.run("facts", examples.resolve(name).toString());
                assertEquals(0, r.status(), r.err());
                List<String> diff = FactsTest.diff(expected.get(name), JSON.readTree(r.out()));
                assertTrue(diff.isEmpty(), name + ": " + diff);
            }));
        }
        return tests.stream();
    }

    @Test
    void bloscFilesWeWriteReadInPyTablesAndTakeAppends(@TempDir Path dir) throws IOException {
        assumePython();
        for (String complib : new String[]{"blosc", "blosc:lz4", "blosc:zstd", "blosc:lz4hc", "blosc:zlib",
                "blosc:snappy"}) {
            Path out = dir.resolve(complib.replace(':', '-') + ".h5");
            Cli copy = Cli.run("copy", Cli.testdata("hdf5", "with-cycle-stats.h5").toString(), out.toString(),
                    "--complevel", "5", "--complib", complib);
            assertEquals(0, copy.status(), copy.err());
            sameFactsAsPyTables(out);
            Cli h5py = Python.run(TIMEOUT_SECONDS, shared.resolve("tools/pytables-check.py").toString(),
                    out.toString(), "--h5py", "--append", "1000");
            assertEquals(0, h5py.status(), complib + ": " + h5py.err());
            Cli again = Cli.run("copy", Cli.testdata("hdf5", "with-cycle-stats.h5").toString(), out.toString(),
                    "--append", "--renumber-cycles", "--allow-non-monotonic");
            assertEquals(0, again.status(), again.err());
            sameFactsAsPyTables(out);
        }
        // and we append to PyTables' own blosc file
        Path theirs = dir.resolve("theirs.h5");
        Files.copy(Cli.testdata("hdf5", "blosc.h5"), theirs);
        Cli append = Cli.run("copy", Cli.testdata("hdf5", "blosc.h5").toString(), theirs.toString(), "--append",
                "--renumber-cycles", "--allow-non-monotonic");
        assertEquals(0, append.status(), append.err());
        sameFactsAsPyTables(theirs);
    }

    @Test
    void everyCodecAndLevelPyTablesWritesReadsWithTheSameFacts(@TempDir Path dir) throws IOException {
        assumePython();
        Path script = dir.resolve("make_codec_files.py");
        try (var in = getClass().getResourceAsStream("make_codec_files.py")) {
            Files.copy(in, script);
        }
        long seed = new Random().nextInt(1_000_000);
        Cli made = Python.run(TIMEOUT_SECONDS, script.toString(), Cli.testdata("hdf5", "with-cycle-stats.h5")
                .toString(), dir.toString(), Long.toString(seed));
        assertEquals(0, made.status(), made.err());
        List<String> files = made.out().strip().lines().toList();
        assertTrue(files.size() >= 10, "PyTables wrote too few codec files: " + files);
        for (String f : files) {
            try {
                sameFactsAsPyTables(Path.of(f));
            } catch (AssertionError e) {
                throw new AssertionError("random rows of seed " + seed + ": " + e.getMessage(), e);
            }
        }
    }
}
