package io.battdat.parsers.biologic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The shared BioLogic samples and their reference facts; tests skip with the reason when they are absent. */
final class Samples {
    static final String GCPL = "jdb11-1_c3_gcpl_5cycles_2V-3p8V_C-24_data_C09.mpr";
    static final String CV = "cv.mpr";
    static final String CV_MPT = "cv.mpt";
    static final String PEIS = "PEIS-0.mpr";

    private Samples() {
    }

    static Path folder() {
        String root = System.getProperty("battdat.shared");
        assumeTrue(root != null, "battdat.shared is not set: run through Maven to use ../shared fixtures");
        Path p = Path.of(root, "fixtures", "vendor-binary");
        assumeTrue(Files.isDirectory(p.resolve("biologic")), "shared fixtures absent: " + p.resolve("biologic"));
        return p;
    }

    static Path sample(String name) {
        Path p = folder().resolve("biologic").resolve(name);
        assumeTrue(Files.isRegularFile(p), "shared fixture absent: " + p);
        return p;
    }

    /** The reference facts of a sample ({@code cv.mpt}: those of its {@code .mpr}'s export cross-check). */
    static JsonNode facts(String name) {
        try {
            JsonNode root = new ObjectMapper().readTree(folder().resolve("expected.json").toFile());
            for (JsonNode f : root.get("files")) {
                if (f.get("file").asText().equals("biologic/" + name)) {
                    return f.get("facts");
                }
                if (name.endsWith(".mpt") && ("biologic/" + name).equals(f.path("mpt_file").asText())) {
                    return f.get("facts").get("mpt_cross_check");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no facts for " + name + " in expected.json");
    }
}
