package io.battdat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code battdat copy}: the copy's facts equal the source's, uncompressed and compressed. */
@Timeout(120)
class CopyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"plain.h5, 0", "plain.h5, 9", "zlib9.h5, 0", "multi-cell.h5, 4", "with-cycle-stats.h5, 1",
            "mismatched-cycles.h5, 0", "empty.h5, 0", "foreign-table.h5, 6", "mixed-types.h5, 0", "mixed-types.h5, 3"})
    void copiesKeepTheFacts(String fixture, int level) throws IOException {
        Path in = Cli.testdata("hdf5", fixture);
        Path out = dir.resolve("copy-" + level + "-" + fixture);
        Cli copy = Cli.run("copy", in.toString(), out.toString(), "--complevel", Integer.toString(level));
        assertEquals(0, copy.status(), copy.err());
        JsonNode want = JSON.readTree(Cli.run("facts", in.toString()).out());
        JsonNode got = JSON.readTree(Cli.run("facts", out.toString()).out());
        List<String> diff = FactsTest.diff(want, got);
        assertTrue(diff.isEmpty(), fixture + " level " + level + ": " + diff);
        Cli inspect = Cli.run("inspect", out.toString());
        assertTrue(level == 0 ? inspect.out().contains("filters: none") : inspect.out().contains("zlib level " + level),
                inspect.out());
    }

    @Test
    void h5pyLayoutsWithFloat16ComplexArraysAndBigEndianCopyWithTheirFacts() throws IOException {
        try (var files = Files.list(Cli.testdata("variants"))) {
            for (Path in : files.filter(p -> p.toString().endsWith(".h5")).sorted().toList()) {
                Path out = dir.resolve("copy-" + in.getFileName());
                Cli copy = Cli.run("copy", in.toString(), out.toString(), "--complevel", "3");
                assertEquals(0, copy.status(), in + ": " + copy.err());
                List<String> diff = FactsTest.diff(JSON.readTree(Cli.run("facts", in.toString()).out()),
                        JSON.readTree(Cli.run("facts", out.toString()).out()));
                assertTrue(diff.isEmpty(), in + ": " + diff);
            }
        }
    }

    /** PyTables writes groups of any size; so must a copy (it refused more than 256 objects in one group). */
    @Test
    void copiesAPyTablesFileWithThreeHundredCells() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("/usr/bin/python3", "-c", "import tables")
                .start().waitFor() == 0, "/usr/bin/python3 with PyTables missing: skipping");
        Path script = dir.resolve("cells.py");
        Files.writeString(script, """
                import json, sys
                import numpy as np
                import tables
                dtype = np.dtype([("test_time", "<f8"), ("voltage", "<f8"), ("cycle_number", "<i8")])
                schema = json.dumps({c: {"required": False, "type": "float", "description": c, "units": None,
                                         "monotonic": False} for c in dtype.names})
                with tables.open_file(sys.argv[1], "w") as f:
                    f.root._v_attrs.metadata = json.dumps({"name": "300 cells"})
                    for i in range(300):
                        rows = np.zeros(1 + i % 4, dtype=dtype)
                        rows["test_time"] = np.arange(len(rows))
                        rows["voltage"] = 3 + i / 1000
                        rows["cycle_number"] = i
                        t = f.create_table(f.create_group("/", "cell_%03d" % i), "raw_data", rows, chunkshape=(4,))
                        t.attrs.metadata = schema
                """);
        Path in = dir.resolve("cells.h5");
        Process make = new ProcessBuilder("/usr/bin/python3", script.toString(), in.toString()).inheritIO().start();
        assertTrue(make.waitFor(110, java.util.concurrent.TimeUnit.SECONDS) && make.exitValue() == 0);
        Path out = dir.resolve("copy.h5");
        Cli copy = Cli.run("copy", in.toString(), out.toString());
        assertEquals(0, copy.status(), copy.err());
        assertTrue(copy.out().contains("in 300 tables"), copy.out());
        JsonNode got = JSON.readTree(Cli.run("facts", out.toString()).out());
        List<String> diff = FactsTest.diff(JSON.readTree(Cli.run("facts", in.toString()).out()), got);
        assertTrue(diff.isEmpty(), diff.toString());
        Process read = new ProcessBuilder("/usr/bin/python3", "-c", "import sys, tables; "
                + "f = tables.open_file(sys.argv[1]); print(sum(t.nrows for t in f.walk_nodes('/', 'Table')))",
                out.toString()).redirectErrorStream(true).start();
        String rows = new String(read.getInputStream().readAllBytes()).trim();
        assertTrue(read.waitFor(110, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals("750", rows.lines().findFirst().orElse(""), "rows PyTables reads in the copy");
    }

    @Test
    void aFailedCopyLeavesNoFile() throws IOException {
        Path in = dir.resolve("damaged.h5");
        byte[] bytes = Files.readAllBytes(Cli.testdata("hdf5", "blosc.h5"));
        java.util.Arrays.fill(bytes, bytes.length / 2, bytes.length / 2 + 4096, (byte) 0);
        Files.write(in, bytes);
        Path out = dir.resolve("out.h5");
        Cli r = Cli.run("copy", in.toString(), out.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("damaged.h5"), r.err());
        assertFalse(Files.exists(out));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void appendAddsInsRowsToOutAndKeyGathersCells() throws IOException {
        Path in = Cli.testdata("hdf5", "plain.h5");
        Path out = dir.resolve("gathered.h5");
        assertEquals(0, Cli.run("copy", in.toString(), out.toString()).status());
        // the same rows again: cycle_number and test_time restart, so the declarations are handled explicitly
        Cli again = Cli.run("copy", in.toString(), out.toString(), "--append", "--renumber-cycles",
                "--allow-non-monotonic");
        assertEquals(0, again.status(), again.err());
        assertTrue(again.out().startsWith("appended 5776 rows"), again.out());
        Cli cell = Cli.run("copy", in.toString(), out.toString(), "--append", "--key", "cell_b");
        assertEquals(0, cell.status(), cell.err());
        JsonNode facts = JSON.readTree(Cli.run("facts", out.toString()).out());
        assertEquals(2 * 5776, facts.path("tables").path("/raw_data").path("rows").asLong(), facts.toString());
        assertEquals(5776, facts.path("tables").path("/cell_b/raw_data").path("rows").asLong(), facts.toString());

        Cli mismatch = Cli.run("copy", Cli.testdata("hdf5", "mixed-types.h5").toString(), out.toString(), "--append");
        assertEquals(1, mismatch.status());
        assertTrue(mismatch.err().contains("columns"), mismatch.err());
        JsonNode after = JSON.readTree(Cli.run("facts", out.toString()).out());
        assertEquals(facts.path("tables"), after.path("tables"), "a failed append leaves OUT as it was");
    }
}
