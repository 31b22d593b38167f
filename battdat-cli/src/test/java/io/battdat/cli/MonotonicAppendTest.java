package io.battdat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.battdat.api.SchemaViolationException;
import io.battdat.api.data.BatchBuffer;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.DoubleColumn;
import io.battdat.api.data.LongColumn;
import io.battdat.api.data.StorageType;
import io.battdat.api.data.TableLayout;
import io.battdat.api.schema.ColumnSchema;
import io.battdat.api.spi.MonotonicPolicy;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.WriteMode;
import io.battdat.streaming.Battdat;
import io.battdat.streaming.BattdatEngine;
import io.battdat.streaming.HDF5Writer;
import io.battdat.streaming.RecordStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 21, "appends keep what the schema promises": {@code copy --append} refuses rows that make a column declared
 * monotonic decrease, unless {@code --renumber-cycles} continues the cycle numbering or {@code --allow-non-monotonic}
 * clears the declaration in the stored schema first; the same protection holds for {@link HDF5Writer} appends.
 */
@Timeout(120)
class MonotonicAppendTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BattdatEngine ENGINE = Battdat.engine();
    private static final TableLayout LAYOUT = TableLayout.of(ColumnSpec.of("cycle_number", StorageType.INT64),
            ColumnSpec.of("test_time", StorageType.FLOAT64), ColumnSpec.of("voltage", StorageType.FLOAT64),
            ColumnSpec.of("current", StorageType.FLOAT64));

    @TempDir
    Path dir;

    /** A RawData file with these cycle numbers, test_time starting at {@code firstTime}, one second a row. */
    private static Path write(Path file, double firstTime, long... cycles) {
        try (HDF5Writer w = HDF5Writer.builder(file).layout(LAYOUT).open()) {
            w.writeBatch(batch(firstTime, cycles));
        }
        return file;
    }

    private static BatchBuffer batch(double firstTime, long... cycles) {
        BatchBuffer b = BatchBuffer.allocate(LAYOUT, cycles.length);
        for (int r = 0; r < cycles.length; r++) {
            ((LongColumn) b.column(0)).buffer()[r] = cycles[r];
            ((DoubleColumn) b.column(1)).buffer()[r] = firstTime + r;
            ((DoubleColumn) b.column(2)).buffer()[r] = 3.5;
            ((DoubleColumn) b.column(3)).buffer()[r] = 1.0;
        }
        b.setRowCount(cycles.length);
        return b;
    }

    private static long[] cycles(Path file) {
        List<Long> out = new ArrayList<>();
        try (RecordStream r = ENGINE.records(file, "raw_data")) {
            while (r.hasNext()) {
                out.add(r.next().getLong("cycle_number"));
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    private static ColumnSchema schema(Path file) {
        try (StoredDataset ds = ENGINE.open(file)) {
            return ds.table("raw_data").schema();
        }
    }

    @Test
    void anOverlappingAppendIsRefusedWithNothingCommitted() throws IOException {
        Path in = Cli.testdata("hdf5", "plain.h5");
        Path out = dir.resolve("out.h5");
        assertEquals(0, Cli.run("copy", in.toString(), out.toString()).status());
        byte[] before = Files.readAllBytes(out);
        Cli again = Cli.run("copy", in.toString(), out.toString(), "--append");
        assertEquals(1, again.status());
        String err = again.err();
        assertTrue(err.contains(out.toString()) && err.contains("/raw_data") && err.contains("column cycle_number")
                && err.contains("row 5776 holds 0") && err.contains("last committed row 5775 holds 4")
                && err.contains("--renumber-cycles") && err.contains("--allow-non-monotonic"), err);
        assertArrayEquals(before, Files.readAllBytes(out), "a refused append leaves OUT byte for byte as it was");
        assertTrue(schema(out).get("cycle_number").monotonic());
    }

    @Test
    void renumberCyclesContinuesTheNumberingAfterTheTablesLastCycle() {
        Path out = write(dir.resolve("out.h5"), 0, 0, 0, 1, 1, 2);
        // a later session of the same cell whose cycler restarted its count; gaps are kept by the shift
        Path in = write(dir.resolve("in.h5"), 100, 0, 0, 1, 3, 3);
        Cli refused = Cli.run("copy", in.toString(), out.toString(), "--append");
        assertEquals(1, refused.status(), refused.out());
        Cli r = Cli.run("copy", in.toString(), out.toString(), "--append", "--renumber-cycles");
        assertEquals(0, r.status(), r.err());
        assertArrayEquals(new long[]{0, 0, 1, 1, 2, 3, 3, 4, 6, 6}, cycles(out));
        assertTrue(schema(out).get("cycle_number").monotonic(), "the promise still holds");

        // a source whose own cycles restart: the shift grows at each restart
        Path restarting = write(dir.resolve("restarting.h5"), 200, 5, 6, 0, 1);
        assertEquals(0, Cli.run("copy", restarting.toString(), out.toString(), "--append", "--renumber-cycles")
                .status());
        assertArrayEquals(new long[]{0, 0, 1, 1, 2, 3, 3, 4, 6, 6, 7, 8, 9, 10}, cycles(out));
    }

    @Test
    void renumberCyclesStillRefusesAnotherMonotonicColumnThatDecreases() {
        Path out = write(dir.resolve("out.h5"), 100, 0, 1);
        Path in = write(dir.resolve("in.h5"), 0, 0, 1);
        Cli r = Cli.run("copy", in.toString(), out.toString(), "--append", "--renumber-cycles");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("column test_time") && r.err().contains("holds 101.0"), r.err());
        assertArrayEquals(new long[]{0, 1}, cycles(out));
    }

    @Test
    void allowNonMonotonicClearsTheDeclarationInTheStoredSchemaAndPyTablesStillReadsIt() throws IOException {
        Path in = Cli.testdata("hdf5", "plain.h5");
        Path out = dir.resolve("out.h5");
        assertEquals(0, Cli.run("copy", in.toString(), out.toString()).status());
        Cli r = Cli.run("copy", in.toString(), out.toString(), "--append", "--allow-non-monotonic");
        assertEquals(0, r.status(), r.err());
        ColumnSchema schema = schema(out);
        assertFalse(schema.get("cycle_number").monotonic());
        assertFalse(schema.get("test_time").monotonic());
        assertTrue(schema.get("time").monotonic(), "columns that did not decrease keep their declaration");
        ColumnSchema source = schema(in);
        assertEquals(source.columnNames(), schema.columnNames(), "only the declarations change");
        for (String column : source.columnNames()) {
            assertEquals(source.get(column).description(), schema.get(column).description());
            assertEquals(source.get(column).units(), schema.get(column).units());
        }
        JsonNode facts = JSON.readTree(Cli.run("facts", out.toString()).out());
        assertEquals(2 * 5776, facts.path("tables").path("/raw_data").path("rows").asLong(), facts.toString());

        Cli py = Python.run(60, Python.pyTablesCheck().toString(), out.toString());
        assertEquals(0, py.status(), py.err());
        assertEquals(2 * 5776, JSON.readTree(py.out()).path("tables").path("/raw_data").path("rows").asLong());
        String script = "import tables, json, sys\n"
                + "with tables.open_file(sys.argv[1]) as f:\n"
                + "    a = f.root.raw_data.attrs\n"
                + "    m = a.metadata\n"
                + "    m = m.decode() if isinstance(m, bytes) else m\n"
                + "    s = a.json_schema\n"
                + "    print(json.dumps([json.loads(m)['cycle_number'], json.loads(s)['cycle_number']]))\n";
        Cli attrs = Python.run(60, "-c", script, out.toString());
        assertEquals(0, attrs.status(), attrs.err());
        JsonNode both = JSON.readTree(attrs.out());
        assertFalse(both.path(0).path("monotonic").asBoolean(true), attrs.out());
        assertFalse(both.path(1).path("monotonic").asBoolean(true), "the pickled copy says the same: " + attrs.out());
    }

    @Test
    void withinBatchDecreasesAreCaughtOnAppendThroughTheApiToo() {
        Path out = write(dir.resolve("out.h5"), 0, 0);
        // the decrease is inside the appended rows (2 -> 1), not against the table's last row
        try (HDF5Writer w = HDF5Writer.builder(out).mode(WriteMode.APPEND).open()) {
            SchemaViolationException e = assertThrows(SchemaViolationException.class,
                    () -> w.writeBatch(batch(10, 1, 2, 1)));
            assertTrue(e.getMessage().contains("/raw_data") && e.getMessage().contains("row 3")
                    && e.getMessage().contains("appended row 2 holds 2"), e.getMessage());
        }
        assertArrayEquals(new long[]{0}, cycles(out), "nothing of the refused batch was committed");

        try (HDF5Writer w = HDF5Writer.builder(out).mode(WriteMode.APPEND)
                .monotonicPolicy(MonotonicPolicy.RENUMBER_CYCLES).open()) {
            w.writeBatch(batch(10, 1, 2, 1));
            w.writeBatch(batch(13, 0));
        }
        assertArrayEquals(new long[]{0, 1, 2, 3, 4}, cycles(out));

        try (HDF5Writer w = HDF5Writer.builder(out).mode(WriteMode.APPEND)
                .monotonicPolicy(MonotonicPolicy.CLEAR_DECLARATION).open()) {
            w.writeBatch(batch(20, 7, 5));
        }
        assertArrayEquals(new long[]{0, 1, 2, 3, 4, 7, 5}, cycles(out));
        assertFalse(schema(out).get("cycle_number").monotonic());
        assertTrue(schema(out).get("test_time").monotonic());
    }

    @Test
    void aCopyToANewFileWithAllowNonMonotonicWritesTheSchemaFreshWithoutTheFalsePromise() {
        // a file whose rows already break the declaration (written before this check existed, or by other tools)
        Path bad = write(dir.resolve("bad.h5"), 0, 0, 1, 2, 0, 1);
        assertTrue(schema(bad).get("cycle_number").monotonic());
        Path fixed = dir.resolve("fixed.h5");
        Cli r = Cli.run("copy", bad.toString(), fixed.toString(), "--allow-non-monotonic");
        assertEquals(0, r.status(), r.err());
        assertFalse(schema(fixed).get("cycle_number").monotonic());
        assertArrayEquals(cycles(bad), cycles(fixed));
    }

    @Test
    void parquetAppendsAreCheckedAndWriteTheClearedSchemaFresh() {
        Path in = Cli.testdata("hdf5", "plain.h5");
        Path out = dir.resolve("out.parquet");
        assertEquals(0, Cli.run("copy", in.toString(), out.toString()).status());
        Cli refused = Cli.run("copy", in.toString(), out.toString(), "--append");
        assertEquals(1, refused.status());
        assertTrue(refused.err().contains("column cycle_number"), refused.err());
        assertEquals(5776, cycles(out).length, "nothing committed");
        Cli r = Cli.run("copy", in.toString(), out.toString(), "--append", "--allow-non-monotonic");
        assertEquals(0, r.status(), r.err());
        assertEquals(2 * 5776, cycles(out).length);
        assertFalse(schema(out).get("cycle_number").monotonic());
        assertTrue(schema(out).get("time").monotonic());
    }

    @Test
    void helpDocumentsTheOptions() {
        String help = Cli.run("copy", "--help").out();
        assertTrue(help.contains("--renumber-cycles") && help.contains("--allow-non-monotonic"), help);
    }
}
