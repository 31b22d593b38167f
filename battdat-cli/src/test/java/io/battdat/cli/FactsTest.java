package io.battdat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code battdat facts} equals what PyTables reads: expected.json for the PyTables fixtures, and
 * pytables-check.py's output (stored beside each file) for the h5py-written variants. Compared as
 * ../shared/tools/compare-facts.py does.
 */
@Timeout(120)
class FactsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> pytablesFixtures() throws IOException {
        JsonNode expected = JSON.readTree(Cli.testdata("hdf5", "expected.json").toFile());
        List<DynamicTest> tests = new ArrayList<>();
        for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            tests.add(DynamicTest.dynamicTest(name, () -> check(Cli.testdata("hdf5", name), expected.get(name))));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> h5pyVariantsWithNewerLayouts() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(Cli.testdata("variants"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".h5")).sorted().toList()) {
                JsonNode expected = JSON.readTree(Path.of(f + ".facts.json").toFile());
                tests.add(DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f, expected)));
            }
        }
        assertTrue(tests.size() >= 5);
        return tests.stream();
    }

    @Test
    void aCorruptBloscChunkIsBadInputNamingTheFileAndTable(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        for (byte fill : new byte[]{0, (byte) 0xff}) {
            Path file = dir.resolve("blosc-" + fill + ".h5");
            byte[] bytes = Files.readAllBytes(Cli.testdata("hdf5", "blosc.h5"));
            java.util.Arrays.fill(bytes, bytes.length / 2, bytes.length / 2 + 4096, fill);
            Files.write(file, bytes);
            Cli r = Cli.run("facts", file.toString());
            assertEquals(1, r.status(), r.out());
            assertTrue(r.err().contains(file.getFileName().toString()) && r.err().contains("/raw_data")
                    && r.err().contains("blosc"), r.err());
        }
    }

    @Test
    void bloscReadsWithTheCodecsModuleOnTheClassPath() {
        // battdat-hdf5's and battdat-streaming's tests, without the module, check the "unsupported filter 32001" error
        Cli r = Cli.run("facts", Cli.testdata("hdf5", "blosc.h5").toString());
        assertEquals(0, r.status(), r.err());
    }

    private static void check(Path file, JsonNode expected) throws IOException {
        Cli r = Cli.run("facts", file.toString());
        assertEquals(0, r.status(), r.err());
        List<String> diff = diff(expected, JSON.readTree(r.out()));
        if (!diff.isEmpty()) {
            fail(file + ": " + diff);
        }
    }

    /** compare-facts.py's rules. */
    static List<String> diff(JsonNode exp, JsonNode act) {
        List<String> out = new ArrayList<>();
        if (!exp.get("metadata").equals(act.get("metadata"))) {
            out.add("metadata differs: " + act.get("metadata"));
        }
        JsonNode et = exp.get("tables");
        JsonNode at = act.get("tables");
        TreeSet<String> en = new TreeSet<>();
        et.fieldNames().forEachRemaining(en::add);
        TreeSet<String> an = new TreeSet<>();
        at.fieldNames().forEachRemaining(an::add);
        if (!en.equals(an)) {
            out.add("tables " + en + " vs " + an);
            return out;
        }
        for (String name : en) {
            JsonNode e = et.get(name);
            JsonNode a = at.get(name);
            for (String k : List.of("rows", "cycle_runs")) {
                if (!String.valueOf(e.get(k)).equals(String.valueOf(a.get(k)))) {
                    out.add(name + ": " + k + " " + e.get(k) + " vs " + a.get(k));
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = e.get("columns").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> c = it.next();
                JsonNode ac = a.get("columns").get(c.getKey());
                if (ac == null) {
                    out.add(name + ": column " + c.getKey() + " missing");
                    continue;
                }
                for (Iterator<Map.Entry<String, JsonNode>> f = c.getValue().fields(); f.hasNext(); ) {
                    Map.Entry<String, JsonNode> v = f.next();
                    if (!close(v.getValue(), ac.get(v.getKey()))) {
                        out.add(name + ":" + c.getKey() + ": " + v.getKey() + " " + v.getValue() + " vs "
                                + ac.get(v.getKey()));
                    }
                }
            }
        }
        return out;
    }

    private static boolean close(JsonNode e, JsonNode a) {
        if (a == null) {
            return false;
        }
        if (e.isFloatingPointNumber() || a.isFloatingPointNumber()) {
            if (!e.isNumber() || !a.isNumber()) {
                return false;
            }
            double x = e.asDouble();
            double y = a.asDouble();
            if (Double.isNaN(x) && Double.isNaN(y)) {
                return true;
            }
            return Math.abs(x - y) <= Math.max(1e-12 * Math.max(Math.abs(x), Math.abs(y)), 1e-9);
        }
        if (e.isNumber() && a.isNumber()) {
            return e.bigIntegerValue().equals(a.bigIntegerValue());
        }
        return e.equals(a);
    }
}
