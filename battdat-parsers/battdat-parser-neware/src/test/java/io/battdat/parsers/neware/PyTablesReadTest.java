package io.battdat.parsers.neware;

import io.battdat.api.json.Json;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * PyTables, the Python toolkit's HDF5 library, reads every converted sample as a battdat file (the shared
 * {@code pytables-check.py}, which reads the tables the way the toolkit does), with every row and the columns.
 * The format is detected (no --format). Skipped, with the reason, where Python or PyTables is missing.
 */
class PyTablesReadTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {Samples.V29, Samples.V130, Samples.NDAX})
    @SuppressWarnings("unchecked")
    void pytablesReadsTheConvertedSample(String name) throws IOException, InterruptedException {
        Path python = Path.of("/usr/bin/python3");
        Path tool = Samples.dir().getParent().getParent().getParent().resolve("tools/pytables-check.py");
        assumeTrue(Files.isExecutable(python), "no /usr/bin/python3");
        assumeTrue(Files.isRegularFile(tool), "no " + tool);
        Path out = dir.resolve("x.h5");
        // detected from the content, as `battdat convert` without --format does
        io.battdat.streaming.convert.ConvertReport report = io.battdat.parsers.csv.testing.Conversions.convert("auto",
                out, io.battdat.api.parse.ParseOptions.defaults(), Samples.get(name));
        assertEquals("neware", report.format());
        long rows = report.rowsWritten();
        Process p = new ProcessBuilder(python.toString(), tool.toString(), out.toString(), "--h5py")
                .redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assumeTrue(!(p.exitValue() != 0 && text.contains("No module named")), "PyTables is not installed: " + text);
        assertEquals(0, p.exitValue(), text);
        Map<String, Object> raw = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) Json.parse(text))
                .get("tables")).get("/raw_data");
        assertEquals(rows, ((Number) raw.get("rows")).longValue(), name);
        Map<String, Object> columns = (Map<String, Object>) raw.get("columns");
        for (String c : new String[]{"test_time", "current", "voltage", "cycle_number", "state", "method"}) {
            assertTrue(columns.containsKey(c), name + ": no " + c + " in " + columns.keySet());
        }
        if (!name.equals(Samples.V29)) {
            assertTrue(columns.containsKey("temperature"), name + ": no temperature in " + columns.keySet());
        }
    }
}
