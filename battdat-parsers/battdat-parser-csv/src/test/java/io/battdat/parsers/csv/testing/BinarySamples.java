package io.battdat.parsers.csv.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * For the binary parsers' tests (published as this module's test jar): the samples of ../shared/fixtures/vendor-binary,
 * one folder per vendor, and the reference facts its {@code expected.json} records for each. A test using an absent
 * sample is skipped, with the reason.
 */
public final class BinarySamples {
    private BinarySamples() {
    }

    /** The folder of one vendor's samples ({@code neware}, {@code biologic}, {@code arbin-res}). */
    public static Path folder(String vendor) {
        Path p = root().resolve(vendor);
        assumeTrue(Files.isDirectory(p), "shared fixtures absent: " + p);
        return p;
    }

    /** One sample of a vendor's folder. */
    public static Path sample(String vendor, String name) {
        Path p = folder(vendor).resolve(name);
        assumeTrue(Files.isRegularFile(p), "shared fixture absent: " + p);
        return p;
    }

    /** The reference facts of {@code vendor/name}. */
    public static JsonNode facts(String vendor, String name) {
        String file = vendor + "/" + name;
        return facts(entry -> entry.get("file").asText().equals(file), file);
    }

    /**
     * The facts of the first entry of {@code expected.json} that {@code entry} accepts, for samples recorded under
     * another entry's name (a text export cross-checked against its binary file).
     *
     * @param what names the sample in the failure when no entry is accepted
     * @return the accepted entry's {@code facts}
     */
    public static JsonNode facts(Predicate<JsonNode> entry, String what) {
        try {
            JsonNode expected = new ObjectMapper().readTree(root().resolve("expected.json").toFile());
            for (JsonNode f : expected.get("files")) {
                if (entry.test(f)) {
                    return f.get("facts");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no facts for " + what + " in expected.json");
    }

    private static Path root() {
        String root = System.getProperty("battdat.shared");
        assumeTrue(root != null, "battdat.shared is not set: run through Maven to use the ../shared fixtures");
        Path p = Path.of(root, "fixtures", "vendor-binary");
        assumeTrue(Files.isDirectory(p), "shared fixtures absent: " + p);
        return p;
    }
}
