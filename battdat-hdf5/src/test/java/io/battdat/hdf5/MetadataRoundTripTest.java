package io.battdat.hdf5;

import io.battdat.api.BadFormatException;
import io.battdat.api.BattdatException;
import io.battdat.api.json.Json;
import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.spi.StoredDataset;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The root {@code metadata} attribute of every HDF5 fixture, parsed into {@link BatteryMetadata} and written back.
 * A document pydantic wrote ({@code model_dump_json}: compact, every declared field present) comes back byte for
 * byte. A document written otherwise (by hand or by Python's {@code json.dumps}, with spaces or fields left out)
 * cannot keep its spelling, since the model always writes every field; it must then lose and change nothing: the
 * same keys in the same order with the same values, apart from the null fields the model adds.
 */
@Timeout(60)
class MetadataRoundTripTest {
    private final Hdf5StreamReader reader = new Hdf5StreamReader();

    @TestFactory
    Stream<DynamicTest> repositoryFixtures() throws IOException {
        Path testdata = Fixtures.hdf5Dir().getParent();
        List<Path> files;
        try (Stream<Path> s = Files.walk(testdata)) {
            files = s.filter(p -> p.toString().endsWith(".h5")).sorted().toList();
        }
        assertTrue(files.size() >= 9, "fixtures found: " + files);
        return tests(testdata, files, 8);
    }

    @TestFactory
    Stream<DynamicTest> sharedFixtures() throws IOException {
        Path examples = Fixtures.sharedExamples();
        Assumptions.assumeTrue(examples != null, "../shared/fixtures is absent: skipping the shared HDF5 fixtures");
        Path fixtures = examples.getParent();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(fixtures.resolve("hdf5"))) {
            s.filter(p -> p.toString().endsWith(".h5")).sorted().forEach(files::add);
        }
        try (Stream<Path> s = Files.list(examples)) {
            s.filter(p -> p.toString().endsWith(".hdf")).sorted().forEach(files::add);
        }
        return tests(fixtures, files, 10);
    }

    private Stream<DynamicTest> tests(Path root, List<Path> files, int atLeastIdentical) {
        List<DynamicTest> tests = new ArrayList<>();
        int[] identical = {0};
        for (Path file : files) {
            tests.add(DynamicTest.dynamicTest(root.relativize(file).toString(), () -> {
                if (roundTrip(file)) {
                    identical[0]++;
                }
            }));
        }
        // runs after the files' tests: the byte-identity check must not be vacuous
        tests.add(DynamicTest.dynamicTest("at least " + atLeastIdentical + " documents are pydantic's own",
                () -> assertTrue(identical[0] >= atLeastIdentical, identical[0] + " byte-identical documents")));
        return tests.stream();
    }

    /** Checks one file; true when its document came back byte for byte. */
    private boolean roundTrip(Path file) {
        String text;
        try (StoredDataset ds = reader.open(file)) {
            text = ds.metadataJson();
        } catch (BattdatException e) {
            // a deliberately broken file (not HDF5, no metadata): nothing to round-trip
            assertTrue(file.getParent().getFileName().toString().equals("bad"), file + ": " + e.getMessage());
            return false;
        }
        if (!(parse(text) instanceof Map)) {
            assertThrows(BadFormatException.class, () -> BatteryMetadata.fromJson(text), file.toString());
            return false;
        }
        BatteryMetadata metadata = BatteryMetadata.fromJson(text);
        String written = metadata.toJson();
        assertEquals(written, BatteryMetadata.fromJson(written).toJson(), file + ": writing is a fixed point");
        assertEquals(metadata, BatteryMetadata.fromJson(metadata.toJsonExcludingNulls()), file + ": without nulls");
        assertEquals(withoutNulls(parse(text)), withoutNulls(parse(written)), file + ": nothing lost or changed");
        boolean pydantic = Json.write(parse(text)).equals(text) && keys(parse(text)).equals(keys(parse(written)));
        if (pydantic) {
            assertEquals(text, written, file + ": byte for byte");
        }
        return pydantic;
    }

    private static Object parse(String text) {
        try {
            return Json.parse(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value with null map entries removed at every level, as ordered entry lists so key order counts. */
    private static Object withoutNulls(Object v) {
        if (v instanceof Map<?, ?> m) {
            List<Object> entries = new ArrayList<>();
            m.forEach((k, x) -> {
                if (x != null) {
                    entries.add(List.of(k, withoutNulls(x)));
                }
            });
            return entries;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(x == null ? "null" : withoutNulls(x)));
            return out;
        }
        return v;
    }

    /** The keys of every map, in order, by path. */
    private static Map<String, List<String>> keys(Object v) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        collectKeys("", v, out);
        return out;
    }

    private static void collectKeys(String path, Object v, Map<String, List<String>> out) {
        if (v instanceof Map<?, ?> m) {
            List<String> names = new ArrayList<>();
            m.forEach((k, x) -> {
                names.add(String.valueOf(k));
                collectKeys(path + "." + k, x, out);
            });
            out.put(path, names);
        } else if (v instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                collectKeys(path + "[" + i + "]", l.get(i), out);
            }
        }
    }

    @Test
    void theReasonsAFileIsNotByteIdenticalAreTheExpectedOnes() {
        // a document with only some battery fields, and one written by json.dumps with spaces
        String partial = "{\"name\":\"cell-plain\",\"comments\":null,\"version\":\"0.4.2\",\"is_measurement\":true,"
                + "\"test_protocol\":null,\"battery\":{\"manufacturer\":\"Acme\",\"nominal_capacity\":2.0},"
                + "\"modeling\":null,\"source\":null,\"dataset_name\":null,\"authors\":null,\"associated_ids\":null}";
        assertTrue(BatteryMetadata.fromJson(partial).toJson().contains("\"battery\":{\"manufacturer\":\"Acme\","
                + "\"design\":null,"));
        String spaced = "{\"name\": \"h5py-cell\", \"version\": \"0.4.6\", \"is_measurement\": true, \"lab\": \"X\"}";
        assertEquals("{\"name\":\"h5py-cell\",\"version\":\"0.4.6\",\"is_measurement\":true,\"lab\":\"X\"}",
                BatteryMetadata.fromJson(spaced).toJsonExcludingNulls());
    }
}
