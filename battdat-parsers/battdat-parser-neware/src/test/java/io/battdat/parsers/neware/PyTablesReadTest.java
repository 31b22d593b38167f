package io.battdat.parsers.neware;

import com.fasterxml.jackson.databind.JsonNode;
import io.battdat.api.parse.ParseOptions;
import io.battdat.parsers.csv.testing.Conversions;
import io.battdat.parsers.csv.testing.PyTablesCheck;
import io.battdat.streaming.convert.ConvertReport;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void pytablesReadsTheConvertedSample(String name) throws IOException, InterruptedException {
        Path out = dir.resolve("x.h5");
        // detected from the content, as `battdat convert` without --format does
        ConvertReport report = Conversions.convert("auto", out, ParseOptions.defaults(), Samples.get(name));
        assertEquals("neware", report.format());
        JsonNode raw = PyTablesCheck.facts(out, "--h5py").get("tables").get("/raw_data");
        assertEquals(report.rowsWritten(), raw.get("rows").asLong(), name);
        JsonNode columns = raw.get("columns");
        for (String c : new String[]{"test_time", "current", "voltage", "cycle_number", "state", "method"}) {
            assertTrue(columns.has(c), name + ": no " + c + " in " + columns);
        }
        if (!name.equals(Samples.V29)) {
            assertTrue(columns.has("temperature"), name + ": no temperature in " + columns);
        }
    }
}
