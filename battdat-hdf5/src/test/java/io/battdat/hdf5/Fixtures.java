package io.battdat.hdf5;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.battdat.api.spi.ReadOptions;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.TableCursor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the test files are: the project's testdata/ (always there) and ../shared (optional); reading them whole. */
final class Fixtures {
    private Fixtures() {
    }

    /** Reads every row of a table, batch by batch, as a consumer of the stream would; the number of rows read. */
    static long readTable(StoredDataset ds, String key, ReadOptions options) {
        long rows = 0;
        try (TableCursor c = ds.openTable(key, options)) {
            while (c.next()) {
                rows += c.batch().rowCount();
            }
        }
        return rows;
    }

    static Path hdf5Dir() {
        String dir = System.getProperty("battdat.testdata");
        Path p = dir != null ? Path.of(dir, "hdf5") : Path.of("../testdata/hdf5");
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("test data folder missing: " + p.toAbsolutePath());
        }
        return p;
    }

    static Path hdf5(String name) {
        return hdf5Dir().resolve(name);
    }

    static JsonNode expected() {
        try {
            return new ObjectMapper().readTree(hdf5Dir().resolve("expected.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ../shared/fixtures/battdat-examples, or null when the shared folder is absent. */
    static Path sharedExamples() {
        String shared = System.getProperty("battdat.shared");
        if (shared == null) {
            return null;
        }
        Path p = Path.of(shared, "fixtures", "battdat-examples");
        return Files.isDirectory(p) ? p : null;
    }
}
