package io.battdat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(120)
class CommandTest {

    @Test
    void exitStatusesAndOneLineErrors() {
        assertEquals(2, Cli.run().status(), "no command is a usage error");
        assertEquals(2, Cli.run("facts").status(), "missing FILE is a usage error");
        assertEquals(2, Cli.run("bench", "read", "x.h5", "--mode", "sideways").status());
        Cli missing = Cli.run("inspect", "no/such/file.h5");
        assertEquals(1, missing.status());
        assertEquals("battdat: no/such/file.h5: no such file", missing.err().strip());
        Cli verbose = Cli.run("inspect", "no/such/file.h5", "--verbose");
        assertTrue(verbose.err().contains("FileAccessException"), "stack trace with --verbose");
    }

    @Test
    void eachRunBuildsOnlyItsCommandYetHelpListsThemAll() {
        for (String name : BattdatCommand.commandNames()) {
            picocli.CommandLine only = new picocli.CommandLine(new BattdatCommand());
            BattdatCommand.addSubcommands(only, new String[]{"--verbose", name, "x"});
            assertEquals(java.util.Set.of(name), only.getSubcommands().keySet());
            // the name the table gives is the command's own
            assertEquals(name, only.getSubcommands().get(name).getCommandName());
            assertEquals(name, only.getSubcommands().get(name).getCommandSpec().userObject().getClass()
                    .getAnnotation(picocli.CommandLine.Command.class).name());
        }
        Cli help = Cli.run("--help");
        assertEquals(0, help.status(), help.err());
        for (String name : BattdatCommand.commandNames()) {
            assertTrue(help.out().contains("  " + name + " "), name + " missing from --help: " + help.out());
        }
        assertEquals(0, Cli.run("help", "inspect").status());
        Cli typo = Cli.run("inspekt", "x.h5");
        assertEquals(2, typo.status());
        assertTrue(typo.err().contains("did you mean inspect?"), typo.err());
    }

    @Test
    void badFilesAreRefusedWithTheirName() {
        for (String bad : new String[]{"not-hdf5.h5", "metadata-not-object.h5", "table-metadata-not-json.h5",
                "no-metadata.h5"}) {
            Cli r = Cli.run("facts", Cli.testdata("bad", bad).toString());
            assertEquals(1, r.status(), bad);
            assertTrue(r.err().startsWith("battdat: ") && r.err().contains(bad), r.err());
        }
        Cli r = Cli.run("cycles", Cli.testdata("bad", "not-compound.h5").toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("not a compound dataset"), r.err());
    }

    @Test
    void inspectDescribesTablesAndCells() {
        Cli r = Cli.run("inspect", Cli.testdata("hdf5", "multi-cell.h5").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("cells: [cell_a, cell_b]") && r.out().contains("table /cell_b/raw_data: 1112 rows"),
                r.out());
        Cli zlib = Cli.run("inspect", Cli.testdata("hdf5", "zlib9.h5").toString());
        assertTrue(zlib.out().contains("filters: zlib level 9, shuffle"), zlib.out());
        assertTrue(zlib.out().contains("schema: 8 of 17 schema columns present"), zlib.out());
        Cli blosc = Cli.run("inspect", Cli.testdata("hdf5", "blosc.h5").toString());
        assertTrue(blosc.out().contains("filters: blosc:lz4 level 5, byte shuffle"), blosc.out());
        assertTrue(blosc.out().lines().anyMatch(l -> l.matches("\\s+voltage\\s+<f8\\s+\\[V]\\s+\\S.*")), blosc.out());
    }

    @Test
    void cyclesPrintsALinePerCycle() {
        Cli r = Cli.run("cycles", Cli.testdata("hdf5", "with-cycle-stats.h5").toString(), "--all", "--dataset");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("cycle 0  cycle_stats: 1 rows"), r.out());
        assertTrue(r.out().strip().endsWith("6 cycles"), r.out());
        Cli bad = Cli.run("cycles", Cli.testdata("hdf5", "mismatched-cycles.h5").toString(), "--all");
        assertEquals(1, bad.status());
        assertTrue(bad.err().contains("cycle_stats=1 raw_data=0"), bad.err());
    }

    @Test
    void benchReadModesAgreeOnTheChecksum() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode reference = null;
        for (String mode : new String[]{"records", "batches", "cycles"}) {
            Cli r = Cli.run("bench", "read", Cli.testdata("hdf5", "plain.h5").toString(), "--mode", mode, "--json");
            assertEquals(0, r.status(), r.err());
            JsonNode result = json.readTree(r.out());
            JsonNode checksum = result.get("checksum");
            assertEquals(5776, checksum.get("rows").asLong());
            assertEquals(5, checksum.get("cycles").asLong());
            if (reference == null) {
                reference = checksum;
            } else {
                assertEquals(reference, checksum, mode);
            }
        }
        // the sequential sums, recomputed here from the facts' first principles: current sums to ~0 in plain.h5
        assertEquals(PythonFloats.hex(reference.get("sum_current").asDouble()), reference.get("sum_current_hex").asText());
    }

    @Test
    void versionListsTheBackends() {
        Cli r = Cli.run("--version");
        assertEquals(0, r.status());
        assertTrue(r.out().contains("reader hdf5"), r.out());
    }
}
