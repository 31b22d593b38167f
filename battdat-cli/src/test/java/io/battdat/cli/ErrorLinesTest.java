package io.battdat.cli;

import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.spi.DatasetSink;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.TableCursor;
import io.battdat.api.spi.TableInfo;
import io.battdat.api.spi.TableSink;
import io.battdat.api.spi.WriteOptions;
import io.battdat.streaming.Battdat;
import io.battdat.streaming.BattdatEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every command with wrong argument combinations, missing inputs and outputs that cannot be written: the exit status
 * is 2 for a usage error and 1 for bad input, and stderr is exactly one line that starts with {@code battdat} and
 * holds no Java class names or JSON library internals. The files are made here (a file stands where a directory
 * should be, which even root cannot write through).
 */
@Timeout(180)
class ErrorLinesTest {
    /** What PyTables stores for a dict attribute it pickles (protocol 0): {'name': 'x'}. */
    static final String PICKLED = "(dp0\nVname\np1\nVx\np2\ns.";

    @TempDir
    static Path dir;

    static Path plain;
    static Path multi;
    static Path notHdf5;
    static Path pickled;
    static Path arbin;
    static Path arbin2;
    static Path blocker;
    static Path unwritable;

    @BeforeAll
    static void files() throws IOException {
        plain = Cli.testdata("hdf5", "plain.h5");
        multi = Cli.testdata("hdf5", "multi-cell.h5");
        notHdf5 = Cli.testdata("bad", "not-hdf5.h5");
        pickled = dir.resolve("pickled.h5");
        withMetadataText(plain, pickled, PICKLED);
        String csv = "Data_Point,DateTime,Step_Index,Cycle_Index,Current,Voltage\r\n1,1499006353,1,1,0.5,3.3\r\n"
                + "2,1499006354,1,1,0.4,3.4\r\n";
        arbin = Files.writeString(dir.resolve("a.csv"), csv, StandardCharsets.UTF_8);
        arbin2 = Files.writeString(dir.resolve("b.csv"), csv, StandardCharsets.UTF_8);
        blocker = Files.writeString(dir.resolve("a-file"), "not a directory\n");
        unwritable = blocker.resolve("out.h5");
    }

    /** A copy of {@code in} whose root metadata attribute holds {@code text} verbatim. */
    static void withMetadataText(Path in, Path out, String text) {
        BattdatEngine engine = Battdat.engine();
        try (StoredDataset source = engine.open(in)) {
            DatasetSink sink = engine.registry().writerFor(out).open(out,
                    WriteOptions.create(BatteryMetadata.defaults()).withMetadataJson(text));
            for (TableInfo t : source.tables()) {
                TableSink target = sink.createTable(t.key(), t.layout(), t.schema(), t.rows());
                try (TableCursor cursor = source.openTable(t.key(), engine.options())) {
                    while (cursor.next()) {
                        target.append(cursor.batch(), 0, cursor.batch().rowCount());
                    }
                }
            }
            sink.close();
        }
    }

    private static String s(Path p) {
        return p.toString();
    }

    private record Case(int status, String[] args, String mustSay) {
    }

    private static Case usage(String... args) {
        return new Case(2, args, null);
    }

    private static Case bad(String mustSay, String... args) {
        return new Case(1, args, mustSay);
    }

    private static List<Case> cases() {
        String out = s(dir.resolve("out.h5"));
        String missing = s(dir.resolve("missing.h5"));
        return List.of(
                usage(), usage("nosuch"), usage("--bogus"),
                usage("inspect"), usage("inspect", s(plain), s(plain)), usage("inspect", "--bogus", s(plain)),
                usage("facts"), usage("facts", s(plain), "--csv"),
                usage("cycles"), usage("cycles", s(plain), "--all", "--key", "raw_data"),
                usage("cycles", s(multi), "--prefix", "cell_a", "--key", "raw_data"),
                usage("cycles", s(multi), "--prefix", "cell_a", "--all-cells"),
                usage("cycles", s(plain), "--json", "--csv"),
                usage("cycles", s(plain), "--key", "raw_data", "--key", "raw_data"),
                usage("copy", s(plain)), usage("copy", s(plain), out, "--complevel", "high"),
                usage("follow"), usage("follow", s(plain), "--across-sessions"), usage("follow", s(plain), "--poll", "soon"),
                usage("convert", s(arbin)), usage("convert", "--out", out),
                usage("convert", s(arbin), s(arbin2), "--out", out, "--prefix", "x", "--quiet"),
                usage("convert", s(arbin), "--out", out, "--zone", "Mars/Olympus"),
                usage("convert", s(arbin), "--out", out, "--format", "nosuch"),
                usage("convert", s(arbin), "--out", out, "--complevel"),
                usage("export", s(plain), s(dir.resolve("x"))),
                usage("export", s(plain), "--to", "nosuch", s(dir.resolve("x"))),
                usage("formats", "extra"),
                usage("bench"), usage("bench", "read", s(plain)),
                usage("bench", "read", s(plain), "--mode", "records", "--keys", "a,b"),
                usage("bench", "read", s(plain), "--mode", "sideways"),
                usage("bench", "write", "--rows", "10"), usage("bench", "write", "--rows", "many", "--out", out),
                usage("bench", "follow"),

                bad("missing.h5", "inspect", missing), bad("not-hdf5.h5", "inspect", s(notHdf5)),
                bad("missing.h5", "inspect", missing, "--json"),
                bad("missing.h5", "facts", missing), bad("pickled Python object", "facts", s(pickled)),
                bad("missing.h5", "cycles", missing), bad("--prefix cell_a", "cycles", s(multi), "--all"),
                bad("cell_c", "cycles", s(multi), "--prefix", "cell_c"),
                bad("pickled Python object", "cycles", s(pickled), "--dataset"),
                bad("nosuch", "cycles", s(plain), "--key", "nosuch"),
                bad("missing.h5", "copy", missing, out), bad("pickled Python object", "copy", s(pickled), out),
                bad(".parquet", "copy", s(plain), s(dir.resolve("out.csv"))),
                bad("a-file", "copy", s(plain), s(unwritable)),
                bad("not-hdf5.h5", "follow", s(notHdf5), "--idle-timeout", "1"),
                bad("nosuch", "follow", s(plain), "--key", "nosuch", "--idle-timeout", "1"),
                bad("missing.csv", "convert", s(dir.resolve("missing.csv")), "--out", out, "--quiet"),
                bad("a-file", "convert", s(arbin), "--out", s(unwritable), "--quiet"),
                bad(".h5", "convert", s(arbin), "--out", s(dir.resolve("out.txt")), "--quiet"),
                bad("nometa.json", "convert", s(arbin), "--out", out, "--metadata", s(dir.resolve("nometa.json")),
                        "--quiet"),
                bad("pickled Python object", "convert", s(arbin), "--out", out, "--metadata", s(dir.resolve("meta.pkl")),
                        "--quiet"),
                bad("not JSON", "convert", s(arbin), "--out", out, "--metadata", s(dir.resolve("meta.txt")), "--quiet"),
                bad("missing.h5", "export", missing, "--to", "batteryarchive", s(dir.resolve("x"))),
                bad("a-file", "export", s(plain), "--to", "batteryarchive", s(blocker.resolve("sub"))),
                bad("missing.h5", "bench", "read", missing, "--mode", "batches"),
                bad("a-file", "bench", "write", "--rows", "100", "--out", s(unwritable)),
                bad("a-file", "bench", "follow", "--rows", "100", "--out", s(unwritable)));
    }

    @TestFactory
    Stream<DynamicTest> everyErrorIsOneLineWithItsExitStatus() throws IOException {
        Files.writeString(dir.resolve("meta.pkl"), PICKLED);
        Files.writeString(dir.resolve("meta.txt"), "name: x\n");
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases()) {
            tests.add(DynamicTest.dynamicTest("battdat " + String.join(" ", c.args()), () -> check(c)));
        }
        return tests.stream();
    }

    private static void check(Case c) {
        Cli r = Cli.run(c.args());
        String what = String.join(" ", c.args()) + " -> " + r.err();
        assertEquals(c.status(), r.status(), what);
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), "one line: " + what);
        assertTrue(err.startsWith("battdat"), what);
        for (String internal : List.of("Exception", "REDACTED", "StreamReadFeature", "CycleRequest", "java.",
                "class path")) {
            assertFalse(err.contains(internal), "names " + internal + ": " + what);
        }
        if (c.mustSay() != null) {
            assertTrue(err.contains(c.mustSay()), "should say " + c.mustSay() + ": " + what);
        }
        if (c.status() == 2) {
            assertTrue(err.contains("--help"), "a usage error points to --help: " + what);
        }
    }

    @Test
    void verboseAddsTheStackTrace() {
        Cli r = Cli.run("convert", s(arbin), s(arbin2), "--out", s(dir.resolve("v.h5")), "--prefix", "x", "--quiet",
                "--verbose");
        assertEquals(2, r.status());
        assertTrue(r.err().lines().count() > 3 && r.err().contains("IllegalArgumentException"), r.err());
    }

    @Test
    void noFileIsLeftBehindByAFailedConvert() {
        Path out = dir.resolve("left.h5");
        Cli.run("convert", s(arbin), s(arbin2), "--out", s(out), "--prefix", "x", "--quiet");
        assertFalse(Files.exists(out));
    }
}
