package io.battdat.hdf5.codecs;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reads files PyTables writes at test time with every compressor it offers, and compares every value with what
 * Python wrote (exact bit patterns).
 */
class PyTablesInteropTest {

    private static final int ROWS = 4321;
    private static final int VALUES = 100_003;

    @TempDir
    static Path dir;
    private static List<String[]> manifest;
    private static ByteBuffer table;
    private static ByteBuffer values;

    @BeforeAll
    static void writeFiles() throws IOException {
        String python = PythonSupport.pythonWith("tables", "numpy");
        Path script = PythonSupport.script("make_pytables_files.py", dir);
        long seed = new Random().nextLong() & Long.MAX_VALUE;
        PythonSupport.Result result = PythonSupport.run(List.of(python, script.toString(), dir.toString(),
                Long.toString(seed), Integer.toString(ROWS), Integer.toString(VALUES)), 600);
        assertEquals(0, result.exitCode(), "PyTables file generation (seed " + seed + ") failed: " + result.output());
        manifest = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("manifest.tsv"))) {
            if (!line.isBlank()) {
                manifest.add(line.split("\t"));
            }
        }
        table = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("table.bin"))).order(ByteOrder.LITTLE_ENDIAN);
        values = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("values.bin"))).order(ByteOrder.LITTLE_ENDIAN);
    }

    @TestFactory
    Stream<DynamicTest> readsEveryPyTablesFile() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] entry : manifest) {
            if (entry[0].equals("SKIP")) {
                tests.add(DynamicTest.dynamicTest(entry[1] + " (unavailable)",
                        () -> Assumptions.abort(entry[1] + " skipped: " + entry[2])));
            } else {
                tests.add(DynamicTest.dynamicTest(entry[0], () -> check(dir.resolve(entry[0]))));
            }
        }
        for (String complib : List.of("blosc:blosclz", "blosc:lz4", "blosc:lz4hc", "blosc:snappy", "blosc:zlib",
                "blosc:zstd", "bzip2", "lzo")) {
            boolean covered = manifest.stream().anyMatch(e -> e[1].equals(complib));
            tests.add(DynamicTest.dynamicTest(complib + " covered", () -> assertTrue(covered,
                    complib + " is neither written nor reported as skipped")));
        }
        return tests.stream();
    }

    private static void check(Path file) throws IOException {
        try (HdfFile hdf = new HdfFile(file)) {
            Dataset dataset = hdf.getDatasetByPath("/table");
            @SuppressWarnings("unchecked")
            Map<String, Object> columns = (Map<String, Object>) dataset.getData();
            double[] testTime = (double[]) columns.get("test_time");
            double[] voltage = (double[]) columns.get("voltage");
            double[] current = (double[]) columns.get("current");
            long[] cycle = (long[]) columns.get("cycle_number");
            float[] temperature = (float[]) columns.get("temperature");
            int[] state = (int[]) columns.get("state_code");
            assertEquals(ROWS, testTime.length);
            int rowSize = 8 * 4 + 4 + 4;
            for (int i = 0; i < ROWS; i++) {
                int base = i * rowSize;
                assertEquals(table.getLong(base), Double.doubleToRawLongBits(testTime[i]), "test_time row " + i);
                assertEquals(table.getLong(base + 8), Double.doubleToRawLongBits(voltage[i]), "voltage row " + i);
                assertEquals(table.getLong(base + 16), Double.doubleToRawLongBits(current[i]), "current row " + i);
                assertEquals(table.getLong(base + 24), cycle[i], "cycle_number row " + i);
                assertEquals(table.getInt(base + 32), Float.floatToRawIntBits(temperature[i]), "temperature row " + i);
                assertEquals(table.getInt(base + 36), state[i], "state_code row " + i);
            }
            double[] array = (double[]) hdf.getDatasetByPath("/values").getData();
            assertEquals(VALUES, array.length);
            for (int i = 0; i < VALUES; i++) {
                assertEquals(values.getLong(8 * i), Double.doubleToRawLongBits(array[i]), "values[" + i + "]");
            }
        }
    }
}
