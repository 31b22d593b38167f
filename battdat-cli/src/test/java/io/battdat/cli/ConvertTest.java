package io.battdat.cli;

import io.battdat.streaming.Battdat;
import io.battdat.streaming.BatchStream;
import org.junit.jupiter.api.Assumptions;
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
 * {@code battdat convert}, {@code export} and {@code formats} through the command line: every vendor file of
 * ../shared/fixtures/vendor converts, validates against its battdat schemas and reads in PyTables (where Python is
 * installed; otherwise that part is skipped with the reason).
 */
@Timeout(300)
class ConvertTest {
    @TempDir
    Path dir;

    private static Path vendor() {
        Path v = Path.of(System.getProperty("battdat.shared", "../../shared"), "fixtures", "vendor");
        Assumptions.assumeTrue(Files.isDirectory(v), "../shared/fixtures/vendor is absent: skipping");
        return v;
    }

    @TestFactory
    Stream<DynamicTest> everyVendorFixtureConverts() throws IOException {
        Path vendor = vendor();
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(vendor)) {
            for (Path d : dirs.sorted().toList()) {
                tests.add(DynamicTest.dynamicTest(d.getFileName().toString(), () -> convertAndCheck(d)));
            }
        }
        return tests.stream();
    }

    private void convertAndCheck(Path input) {
        Path out = dir.resolve(input.getFileName() + ".h5");
        Cli run = Cli.run("convert", input.toString(), "--out", out.toString(), "--quiet", "--zone", "UTC");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().startsWith("converted "), run.out());
        ConvertedFiles.assertValid(out, true);
    }

    @Test
    void severalCellsGoIntoPrefixes() {
        Path vendor = vendor();
        Path out = dir.resolve("two.h5");
        Path arbin = vendor.resolve("arbin/arbin_example.csv");
        Path copy = dir.resolve("second.csv");
        Cli run = Cli.run("convert", arbin.toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, run.status(), run.err());
        try {
            Files.copy(arbin, copy);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        run = Cli.run("convert", arbin.toString(), copy.toString(), "--out", out.toString(), "--prefix", "a",
                "--prefix", "b", "--quiet");
        assertEquals(0, run.status(), run.err());
        assertEquals(List.of("a", "b"), Battdat.engine().inspect(out).prefixes());
    }

    static final String ARBIN_HEADER = "Data_Point,Test_Time(s),DateTime,Step_Index,Cycle_Index,Current(A),"
            + "Voltage(V)\r\n";

    @Test
    void cellNamesTheOneCellOfASplitExport() throws IOException {
        Path part1 = Files.writeString(dir.resolve("T1_CH2_Wb_1.CSV"), ARBIN_HEADER
                + "1,0.0,1499006353,1,1,0.5,3.3\r\n2,0.1,1499006353,1,1,0.5,3.31\r\n", StandardCharsets.UTF_8);
        Path part2 = Files.writeString(dir.resolve("T1_CH2_Wb_2.CSV"), ARBIN_HEADER
                + "3,0.2,1499006353,1,1,0.5,3.32\r\n4,0.3,1499006353,2,2,-0.5,3.3\r\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("named.h5");
        Cli run = Cli.run("convert", part1.toString(), part2.toString(), "--out", out.toString(), "--quiet",
                "--cell", "cell-A");
        assertEquals(0, run.status(), run.err());
        var summary = Battdat.engine().inspect(out);
        assertEquals(1, summary.prefixes().size(), "one cell, at the root: " + summary.prefixes());
        assertEquals("cell-A", summary.metadata().name());
        assertTrue(run.out().contains("4"), run.out());
        // without --cell, the split export's stem names it
        Path unnamed = dir.resolve("unnamed.h5");
        assertEquals(0, Cli.run("convert", dir.toString(), "--out", unnamed.toString(), "--quiet").status());
        assertEquals("T1_CH2", Battdat.engine().inspect(unnamed).metadata().name());
    }

    @Test
    void cellWithSeveralCellsIsAnError() throws IOException {
        Path a = Files.writeString(dir.resolve("a.csv"), ARBIN_HEADER + "1,0.0,1499006353,1,1,0.5,3.3\r\n",
                StandardCharsets.UTF_8);
        Path b = Files.writeString(dir.resolve("b.csv"), ARBIN_HEADER + "1,0.0,1499006353,1,1,0.5,3.3\r\n",
                StandardCharsets.UTF_8);
        Path out = dir.resolve("two.h5");
        Cli run = Cli.run("convert", a.toString(), b.toString(), "--out", out.toString(), "--quiet", "--cell", "x");
        assertTrue(run.status() != 0, run.out());
        assertTrue(run.err().contains("--cell names one cell") && run.err().contains("2 cells"), run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void timeSourceDatetimeReproducesPythonsArbinRows() {
        Path arbin = vendor().resolve("arbin/arbin_example.csv");
        Assumptions.assumeTrue(Files.isRegularFile(arbin), "arbin_example.csv is absent: skipping");
        Path out = dir.resolve("python.h5");
        Cli run = Cli.run("convert", arbin.toString(), "--out", out.toString(), "--quiet", "--time-source", "datetime");
        assertEquals(0, run.status(), run.err());
        assertEquals(1626L, Battdat.engine().inspect(out).schemas().containsKey("raw_data") ? rows(out) : -1);
        Path fine = dir.resolve("fine.h5");
        assertEquals(0, Cli.run("convert", arbin.toString(), "--out", fine.toString(), "--quiet").status());
        assertTrue(rows(fine) > 1626, "the default keeps every distinct record: " + rows(fine));
    }

    private static long rows(Path file) {
        long n = 0;
        try (BatchStream b = Battdat.engine().batches(file, "raw_data")) {
            while (b.hasNext()) {
                n += b.next().rowCount();
            }
        }
        return n;
    }

    @Test
    void exportWritesTheBatteryArchiveLayout() throws IOException {
        Path vendor = vendor();
        Path h5 = dir.resolve("ba.h5");
        assertEquals(0, Cli.run("convert", vendor.resolve("batteryarchive").toString(), "--out", h5.toString(),
                "--quiet").status());
        Path outDir = Files.createDirectory(dir.resolve("export"));
        Cli run = Cli.run("export", h5.toString(), "--to", "batteryarchive", outDir.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(Files.readString(outDir.resolve("cycle-timeseries-0.csv")).startsWith("i,v,env_temperature,"
                + "date_time,cycle_index,test_time,cell_id"));
        assertTrue(Files.readString(outDir.resolve("cycle-stats.csv")).contains("cycle_index"));
    }

    @Test
    void formatsListsEveryParser() {
        Cli run = Cli.run("formats");
        assertEquals(0, run.status(), run.err());
        for (String f : List.of("arbin", "maccor", "batterydata", "batteryarchive")) {
            assertTrue(run.out().contains("  " + f + " "), run.out());
        }
    }

    @Test
    void badInputFailsWithOneLineAndNoOutputFile() throws IOException {
        Path csv = Files.writeString(dir.resolve("bad.csv"), "Data_Point,DateTime,Step_Index,Cycle_Index,Current,"
                + "Voltage\r\n1,1499006353,1,1,0.5,3.3\r\n2,1499006354,1,1,zzz,3.3\r\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("bad.h5");
        Cli run = Cli.run("convert", csv.toString(), "--out", out.toString(), "--quiet");
        assertEquals(1, run.status());
        assertTrue(run.err().contains("bad.csv: raw_data: line 3, column 'Current': not a number: 'zzz'"), run.err());
        assertFalse(Files.exists(out));
        run = Cli.run("convert", csv.toString(), "--out", out.toString(), "--quiet", "--skip-bad-lines");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("skipped 1 bad line(s)") && run.out().contains("line 3"), run.out());
    }

    @Test
    void badInputAfterCommitsLeavesNoOutputFile() throws IOException {
        StringBuilder text = new StringBuilder("Data_Point,DateTime,Step_Index,Cycle_Index,Current,Voltage\r\n");
        for (int i = 1; i <= 50_000; i++) {
            text.append(i).append(',').append(1499006353L + i).append(",1,1,0.5,3.3\r\n");
        }
        text.append("50001,1499056354,1,1,zzz,3.3\r\n");
        Path csv = Files.writeString(dir.resolve("late-bad.csv"), text, StandardCharsets.UTF_8);
        Path out = dir.resolve("late-bad.h5");
        Cli run = Cli.run("convert", csv.toString(), "--out", out.toString(), "--quiet", "--commit-every", "1000");
        assertEquals(1, run.status(), run.err());
        assertTrue(run.err().contains("line 50002"), run.err());
        assertFalse(Files.exists(out), "the committed prefix of a failed conversion is removed");
    }

    @Test
    void unclaimedFileListsTheKnownFormats() throws IOException {
        assertNoParserNamesFormat("notes.txt", "hello\n", "arbin");
    }

    @Test
    void csvOfNoKnownKindListsTheFormats() throws IOException {
        assertNoParserNamesFormat("other.csv", "a,b\n1,2\n", "batterydata");
    }

    /** Converting a file of this name and text fails, saying no parser recognises it and naming {@code format}. */
    private void assertNoParserNamesFormat(String name, String text, String format) throws IOException {
        Path input = Files.writeString(dir.resolve(name), text);
        Cli run = Cli.run("convert", input.toString(), "--out", dir.resolve(name + ".h5").toString(), "--quiet");
        assertEquals(1, run.status());
        assertTrue(run.err().contains("no parser recognises this file") && run.err().contains(format), run.err());
    }

    @Test
    void ambiguousFileAsksForAFormat() throws IOException {
        // an Arbin header in a file named like BatteryArchive's: both parsers recognise it
        Path csv = Files.writeString(dir.resolve("cell_timeseries.csv"), "Data_Point,DateTime,Step_Index,Cycle_Index,"
                + "Current,Voltage\r\n1,1499006353,1,1,0.5,3.3\r\n", StandardCharsets.UTF_8);
        Cli run = Cli.run("convert", csv.toString(), "--out", dir.resolve("a.h5").toString(), "--quiet");
        assertEquals(1, run.status());
        assertTrue(run.err().contains("ambiguous input format") && run.err().contains("--format"), run.err());
        run = Cli.run("convert", csv.toString(), "--out", dir.resolve("a.h5").toString(), "--quiet", "--format", "arbin");
        assertEquals(0, run.status(), run.err());
    }

    @Test
    void maccorDirectoryIgnoresOtherFiles() throws IOException {
        Path vendor = vendor();
        Path d = Files.createDirectory(dir.resolve("maccor"));
        Files.copy(vendor.resolve("maccor/maccor_example.001"), d.resolve("t.001"));
        Files.copy(vendor.resolve("maccor/maccor_example.002"), d.resolve("t.002"));
        Files.writeString(d.resolve("README"), "notes\n");
        Cli run = Cli.run("convert", d.toString(), "--out", dir.resolve("m.h5").toString(), "--quiet");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("raw_data=16") && run.out().contains("README"), run.out());
    }
}
