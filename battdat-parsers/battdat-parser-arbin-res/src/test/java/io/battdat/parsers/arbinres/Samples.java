package io.battdat.parsers.arbinres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The shared Arbin .res samples and their reference facts; tests skip with the reason when they are absent. */
final class Samples {
    static final String PLAIN = "arbin_example.res";
    static final String AUX = "aux_one_x_dx.res";
    static final List<String> ALL = List.of(PLAIN, AUX);

    private Samples() {
    }

    static Path folder() {
        String root = System.getProperty("battdat.shared");
        assumeTrue(root != null, "battdat.shared is not set: run through Maven to use ../shared fixtures");
        Path p = Path.of(root, "fixtures", "vendor-binary");
        assumeTrue(Files.isDirectory(p.resolve("arbin-res")), "shared fixtures absent: " + p.resolve("arbin-res"));
        return p;
    }

    static Path sample(String name) {
        Path p = folder().resolve("arbin-res").resolve(name);
        assumeTrue(Files.isRegularFile(p), "shared fixture absent: " + p);
        return p;
    }

    static JsonNode facts(String name) {
        try {
            JsonNode root = new ObjectMapper().readTree(folder().resolve("expected.json").toFile());
            for (JsonNode f : root.get("files")) {
                if (f.get("file").asText().equals("arbin-res/" + name)) {
                    return f.get("facts");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no facts for " + name + " in expected.json");
    }
}
