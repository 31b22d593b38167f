package io.battdat.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HDF5 to Parquet to HDF5 with {@code battdat copy} loses nothing: the facts of the result equal the source's for
 * the repository's h5py variants (float16, complex, array members, big-endian, uint64) and for the shared PyTables
 * fixtures (skipped with the reason when absent).
 */
@Timeout(600)
class ParquetRoundTripFactsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void variantsKeepTheirFactsThroughParquet() throws IOException {
        assertEquals(List.of(), roundTrips(Cli.testdata("variants")));
    }

    @Test
    void sharedFixturesKeepTheirFactsThroughParquet() throws IOException {
        Path shared = Path.of(System.getProperty("battdat.shared", "../../shared"), "fixtures", "hdf5");
        Assumptions.assumeTrue(Files.isDirectory(shared), "shared fixtures absent: " + shared);
        assertEquals(List.of(), roundTrips(shared));
    }

    private List<String> roundTrips(Path fixtures) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(fixtures)) {
            files = listing.filter(p -> p.toString().endsWith(".h5")).sorted().toList();
        }
        assertTrue(!files.isEmpty(), "no .h5 files in " + fixtures);
        List<String> problems = new ArrayList<>();
        for (Path in : files) {
            String name = in.getFileName().toString();
            Path parquet = dir.resolve(name.replace(".h5", ".parquet"));
            Path back = dir.resolve("back-" + name);
            Cli there = Cli.run("copy", in.toString(), parquet.toString());
            assertEquals(0, there.status(), in + " to Parquet: " + there.err());
            Cli again = Cli.run("copy", parquet.toString(), back.toString());
            assertEquals(0, again.status(), in + " back from Parquet: " + again.err());
            List<String> diff = FactsTest.diff(JSON.readTree(Cli.run("facts", in.toString()).out()),
                    JSON.readTree(Cli.run("facts", back.toString()).out()));
            if (!diff.isEmpty()) {
                problems.add(name + ": " + diff);
            }
        }
        return problems;
    }
}
