package io.battdat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Output meant for people and for programs: --json and --csv, cells by name, reasons, warnings. */
@Timeout(120)
class OutputFormatsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void cyclesOfEveryCellAsTextJsonAndCsv() throws IOException {
        String multi = Cli.testdata("hdf5", "multi-cell.h5").toString();
        Cli text = Cli.run("cycles", multi, "--all-cells");
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().contains("cell_a: ") && text.out().contains("cell_b: 2 cycles"), text.out());
        Cli json = Cli.run("cycles", multi, "--all-cells", "--json");
        assertEquals(0, json.status(), json.err());
        List<String> lines = json.out().strip().lines().toList();
        JsonNode last = JSON.readTree(lines.get(lines.size() - 1));
        assertEquals("cell_b", last.get("cell").asText());
        assertEquals(557, last.path("tables").path("cell_b/raw_data").path("rows").asInt(), last.toString());
        Cli csv = Cli.run("cycles", multi, "--prefix", "cell_b", "--csv");
        assertEquals(0, csv.status(), csv.err());
        assertEquals(List.of("cell,cycle_number,table,rows,first_test_time,last_test_time",
                "cell_b,0,cell_b/raw_data,555,0.0,554.0", "cell_b,1,cell_b/raw_data,557,555.0,1111.0"),
                csv.out().strip().lines().toList());
    }

    @Test
    void inspectAndFormatsAsJson() throws IOException {
        Cli r = Cli.run("inspect", Cli.testdata("hdf5", "blosc.h5").toString(), "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode table = JSON.readTree(r.out()).path("tables").get(0);
        assertEquals("blosc:lz4 level 5, byte shuffle", table.path("compression").asText(), table.toString());
        assertEquals("V", table.path("columns").get(2).path("units").asText(), table.toString());
        assertEquals(8, table.path("schema_columns_present").asInt());
        assertEquals(17, table.path("schema_columns").asInt());
        JsonNode formats = JSON.readTree(Cli.run("formats", "--json").out());
        assertTrue(formats.path("parsers").toString().contains("\"arbin\""), formats.toString());
        assertTrue(formats.path("writers").toString().contains("\"hdf5\""), formats.toString());
    }

    @Test
    void pickledMetadataIsNamedAsSuch() {
        Path pickled = dir.resolve("pickled.h5");
        ErrorLinesTest.withMetadataText(Cli.testdata("hdf5", "plain.h5"), pickled, ErrorLinesTest.PICKLED);
        Cli r = Cli.run("inspect", pickled.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("metadata: unreadable: root attribute 'metadata' is a pickled Python object"),
                r.out());
    }

    @Test
    void unknownFormatListsEveryParsersReason() throws IOException {
        Path csv = Files.writeString(dir.resolve("other.csv"), "Voltage,b\n1,2\n");
        Cli run = Cli.run("convert", csv.toString(), "--out", dir.resolve("o.h5").toString(), "--quiet");
        assertEquals(1, run.status());
        assertTrue(run.err().contains("arbin: missing columns 'Cycle_Index', 'Current'"), run.err());
        assertTrue(run.err().contains("maccor: no 'Date of Test:' line"), run.err());
        assertTrue(run.err().contains("batterydata: name does not end in -raw.csv"), run.err());
    }

    @Test
    void metadataKeysTheModelDoesNotKnowAreWarnedAboutAndKept() throws IOException {
        Path csv = Files.writeString(dir.resolve("a.csv"), "Data_Point,DateTime,Step_Index,Cycle_Index,Current,"
                + "Voltage\r\n1,1499006353,1,1,0.5,3.3\r\n", StandardCharsets.UTF_8);
        Path meta = Files.writeString(dir.resolve("meta.json"), "{\"nmae\": \"cell 7\", \"comments\": \"ok\"}");
        Path out = dir.resolve("a.h5");
        Cli run = Cli.run("convert", csv.toString(), "--out", out.toString(), "--metadata", meta.toString(), "--quiet");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.err().lines().anyMatch(("battdat: warning: " + meta + ": unknown metadata key 'nmae' (did you "
                + "mean 'name'?); kept as an extra field")::equals), run.err());
        // library warnings come through the CLI's SLF4J provider: one line each, in the same form
        assertTrue(run.err().lines().allMatch(l -> l.startsWith("battdat: warning: ")), run.err());
        JsonNode facts = JSON.readTree(Cli.run("facts", out.toString()).out());
        assertEquals("cell 7", facts.path("metadata").path("nmae").asText(), facts.toString());
    }

    @Test
    void exportCreatesItsDirectory() {
        Path target = dir.resolve("new/nested");
        Cli run = Cli.run("export", Cli.testdata("hdf5", "plain.h5").toString(), "--to", "batteryarchive",
                target.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(Files.isRegularFile(target.resolve("cycle-stats.csv")) || Files.isRegularFile(
                target.resolve("cycle-timeseries-0.csv")), target.toString());
    }

    @Test
    void libraryLoggingGoesThroughTheCliProviderAndVerboseShowsMore() throws IOException {
        assertTrue(org.slf4j.LoggerFactory.getILoggerFactory().getClass().getName().startsWith("io.battdat.cli.logging"),
                org.slf4j.LoggerFactory.getILoggerFactory().getClass().getName());
        // with a Test_Time column, so the parser has nothing to warn about
        Path csv = Files.writeString(dir.resolve("v.csv"), "Data_Point,Test_Time,DateTime,Step_Index,Cycle_Index,"
                + "Current,Voltage,Temperature\r\n1,0,1499006353,1,1,0.5,3.3,25\r\n", StandardCharsets.UTF_8);
        Cli quiet = Cli.run("convert", csv.toString(), "--out", dir.resolve("v.h5").toString(), "--quiet");
        assertEquals(0, quiet.status(), quiet.err());
        assertEquals("", quiet.err(), "nothing below a warning without --verbose");
        Cli verbose = Cli.run("convert", csv.toString(), "--out", dir.resolve("v.h5").toString(), "--quiet",
                "--verbose");
        assertEquals(0, verbose.status(), verbose.err());
        assertTrue(verbose.err().lines().anyMatch(l -> l.startsWith("battdat: info (Converter): converting")),
                verbose.err());
    }
}
