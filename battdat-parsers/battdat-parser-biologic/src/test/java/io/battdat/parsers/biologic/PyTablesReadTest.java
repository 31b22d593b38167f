package io.battdat.parsers.biologic;

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
    @ValueSource(strings = {Samples.GCPL, Samples.CV, Samples.CV_MPT, Samples.PEIS})
    void pytablesReadsTheConvertedSample(String name) throws IOException, InterruptedException {
        Path out = dir.resolve("x.h5");
        ConvertReport report = Conversions.convert("auto", out, ParseOptions.defaults(), Samples.sample(name));
        assertEquals("biologic", report.format());
        long rows = report.cells().get("").get("raw_data");
        JsonNode tables = PyTablesCheck.facts(out, "--h5py").get("tables");
        JsonNode raw = tables.get("/raw_data");
        assertEquals(rows, raw.get("rows").asLong(), name);
        for (String c : new String[]{"test_time", "current", "voltage", "cycle_number"}) {
            assertTrue(raw.get("columns").has(c), name + ": no " + c + " in " + raw.get("columns"));
        }
        JsonNode eis = tables.get("/eis_data");
        if (name.equals(Samples.PEIS)) {
            assertEquals(60L, eis.get("rows").asLong());
        } else {
            assertEquals(null, eis, name + " has no impedance rows");
        }
    }
}
