package io.battdat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The CLI on the Parquet backend: {@code copy} converts HDF5 to Parquet and back with the facts kept, {@code facts}
 * and {@code bench read} accept Parquet datasets. The backend is chosen from the path ({@code OUT.parquet}).
 */
@Timeout(120)
class ParquetCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static JsonNode facts(Path p) throws IOException {
        Cli facts = Cli.run("facts", p.toString());
        assertEquals(0, facts.status(), facts.err());
        return JSON.readTree(facts.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain.h5", "zlib9.h5", "multi-cell.h5", "with-cycle-stats.h5", "empty.h5"})
    void copyToParquetAndBackKeepsTheFacts(String fixture) throws IOException {
        Path in = Cli.testdata("hdf5", fixture);
        Path parquet = dir.resolve(fixture.replace(".h5", ".parquet"));
        Path back = dir.resolve("back-" + fixture);
        Cli there = Cli.run("copy", in.toString(), parquet.toString());
        assertEquals(0, there.status(), there.err());
        assertTrue(Files.isDirectory(parquet), "a Parquet dataset is a directory");
        Cli again = Cli.run("copy", parquet.toString(), back.toString(), "--complevel", "5");
        assertEquals(0, again.status(), again.err());
        JsonNode want = facts(in);
        List<String> diff = FactsTest.diff(want, facts(parquet));
        assertTrue(diff.isEmpty(), fixture + " to Parquet: " + diff);
        diff = FactsTest.diff(want, facts(back));
        assertTrue(diff.isEmpty(), fixture + " back to HDF5: " + diff);
        Cli inspect = Cli.run("inspect", parquet.toString());
        assertTrue(inspect.out().contains("(parquet)"), inspect.out());
    }

    @Test
    void severalCellsKeepTheirHdf5TableNames() throws IOException {
        Path parquet = dir.resolve("cells.parquet");
        assertEquals(0, Cli.run("copy", Cli.testdata("hdf5", "multi-cell.h5").toString(), parquet.toString()).status());
        JsonNode tables = facts(parquet).get("tables");
        List<String> names = JSON.convertValue(tables, java.util.Map.class).keySet().stream().map(Object::toString)
                .toList();
        assertTrue(names.size() > 1 && names.stream().allMatch(n -> n.matches("/[^/]+/[^/]+")), names.toString());
        assertEquals(facts(Cli.testdata("hdf5", "multi-cell.h5")).get("tables").fieldNames().next(), names.get(0));
    }

    @Test
    void thePyarrowTwinHasTheFactsOfItsHdf5File() throws IOException {
        String shared = System.getProperty("battdat.shared");
        assumeTrue(shared != null, "battdat.shared is not set (run through Maven)");
        Path examples = Path.of(shared, "fixtures", "battdat-examples");
        Path hdf = examples.resolve("single-resistor-complex-charge_from-discharged.hdf");
        Path parquet = examples.resolve("single-resistor-complex-charge_from-discharged.raw_data.parquet");
        assumeTrue(Files.isRegularFile(hdf) && Files.isRegularFile(parquet), "fixtures absent under " + examples);
        JsonNode want = facts(hdf);
        JsonNode got = facts(parquet);
        assertEquals(want.get("tables"), got.get("tables"));
        // pyarrow's file stores the metadata with nulls omitted (spec 1.12), the HDF5 file with nulls: same document
        assertEquals(withoutNulls(want.get("metadata")), withoutNulls(got.get("metadata")));
    }

    private static JsonNode withoutNulls(JsonNode node) {
        ObjectNode copy = node.deepCopy();
        copy.properties().removeIf(e -> e.getValue().isNull());
        return copy;
    }

    @Test
    void benchReadStreamsAParquetDatasetWithTheSameChecksum() throws IOException {
        Path in = Cli.testdata("hdf5", "with-cycle-stats.h5");
        Path parquet = dir.resolve("bench.parquet");
        assertEquals(0, Cli.run("copy", in.toString(), parquet.toString()).status());
        for (String mode : List.of("batches", "records", "cycles")) {
            Cli h5 = Cli.run("bench", "read", in.toString(), "--mode", mode, "--json");
            Cli pq = Cli.run("bench", "read", parquet.toString(), "--mode", mode, "--json");
            assertEquals(0, pq.status(), pq.err());
            assertEquals(JSON.readTree(h5.out()).get("checksum"), JSON.readTree(pq.out()).get("checksum"), mode);
        }
    }
}
