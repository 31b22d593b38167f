package io.battdat.hdf5;

import com.fasterxml.jackson.databind.JsonNode;
import io.battdat.api.UnsupportedFilterException;
import io.battdat.api.data.BatchBuffer;
import io.battdat.api.data.BooleanColumn;
import io.battdat.api.data.Column;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.StringColumn;
import io.battdat.api.spi.ReadOptions;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.TableCursor;
import io.battdat.api.spi.TableInfo;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every PyTables-written fixture reads with the facts recorded in expected.json. */
@Timeout(60)
class FixtureReadTest {
    private final Hdf5StreamReader reader = new Hdf5StreamReader();

    @TestFactory
    Stream<DynamicTest> everyFixtureMatchesExpectedFacts() {
        JsonNode expected = Fixtures.expected();
        List<DynamicTest> tests = new ArrayList<>();
        for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (name.equals("blosc.h5")) {
                continue; // unsupported filter: own test
            }
            for (int threads : new int[]{1, 3}) {
                tests.add(DynamicTest.dynamicTest(name + " threads=" + threads,
                        () -> checkFile(Fixtures.hdf5(name), expected.get(name), threads)));
            }
        }
        return tests.stream();
    }

    private void checkFile(Path file, JsonNode expected, int threads) {
        try (StoredDataset ds = reader.open(file)) {
            JsonNode tables = expected.get("tables");
            List<String> paths = new ArrayList<>();
            ds.tables().forEach(t -> paths.add(t.path()));
            List<String> expectedPaths = new ArrayList<>();
            tables.fieldNames().forEachRemaining(expectedPaths::add);
            assertEquals(new TreeSet<>(expectedPaths), new TreeSet<>(paths), "tables of " + file);
            for (TableInfo t : ds.tables()) {
                checkTable(ds, t, tables.get(t.path()), threads);
            }
            if (expected.has("ignored")) {
                for (JsonNode ignored : expected.get("ignored")) {
                    assertTrue(ds.ignoredTables().stream().anyMatch(s -> s.startsWith(ignored.asText())),
                            ignored + " listed as ignored in " + ds.ignoredTables());
                }
            }
        }
    }

    private void checkTable(StoredDataset ds, TableInfo t, JsonNode expected, int threads) {
        assertEquals(expected.get("rows").asLong(), t.rows(), t.path() + " rows");
        int columns = t.layout().size();
        double[] sums = new double[columns];
        Object[] first = new Object[columns];
        Object[] last = new Object[columns];
        long[] trueCounts = new long[columns];
        List<TreeSet<String>> distinct = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            distinct.add(new TreeSet<>());
        }
        long rows = 0;
        // a small batch size so tables span many batches and chunks straddle nothing
        try (TableCursor cursor = ds.openTable(t.key(), ReadOptions.builder().batchRows(1000).threads(threads).prefetch(2).build())) {
            while (cursor.next()) {
                ColumnBatch b = cursor.batch();
                assertTrue(b.rowCount() > 0 && b.rowCount() <= Math.max(1000, t.chunkRows()), "batch size");
                assertEquals(rows, b.firstRow(), "batches in order");
                for (int c = 0; c < columns; c++) {
                    Column col = b.column(c);
                    ColumnSpec spec = col.spec();
                    for (int r = 0; r < b.rowCount(); r++) {
                        if (col instanceof StringColumn s) {
                            distinct.get(c).add(s.get(r));
                        } else if (col instanceof BooleanColumn bc) {
                            trueCounts[c] += bc.get(r) ? 1 : 0;
                        } else if (spec.isArray()) {
                            for (int k = 0; k < col.width(); k++) {
                                sums[c] += ((io.battdat.api.data.DoubleColumn) col).buffer()[r * col.width() + k];
                            }
                        } else {
                            sums[c] += col.getDouble(r);
                        }
                        if (rows + r == 0) {
                            first[c] = col.getObject(r);
                        }
                        last[c] = col.getObject(r);
                    }
                }
                rows += b.rowCount();
            }
        }
        assertEquals(t.rows(), rows, t.path() + " rows streamed");
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < columns; c++) {
            index.put(t.layout().column(c).name(), c);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.get("columns").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Integer c = index.get(e.getKey());
            String where = t.path() + ":" + e.getKey();
            assertTrue(c != null, where + " present");
            JsonNode x = e.getValue();
            assertEquals(x.get("dtype").asText(), t.layout().column(c).numpyDtype(), where + " dtype");
            if (x.has("sum")) {
                double want = x.get("sum").asDouble();
                assertEquals(want, sums[c], Math.max(1e-9, Math.abs(want) * 1e-9), where + " sum");
            }
            if (x.has("true_count")) {
                assertEquals(x.get("true_count").asLong(), trueCounts[c], where + " true_count");
            }
            if (x.has("distinct")) {
                List<String> want = new ArrayList<>();
                x.get("distinct").forEach(n -> want.add(n.asText()));
                assertEquals(want, new ArrayList<>(distinct.get(c)), where + " distinct");
            }
            if (x.has("first")) {
                assertEquals(x.get("first").asText(), String.valueOf(asJsonText(first[c])), where + " first");
                assertEquals(x.get("last").asText(), String.valueOf(asJsonText(last[c])), where + " last");
            }
        }
    }

    private static Object asJsonText(Object v) {
        if (v instanceof Float f) {
            return Double.toString(f.doubleValue());
        }
        return v;
    }

    @Test
    void bloscIsRefusedByFilterIdBeforeAnyRow() {
        try (StoredDataset ds = reader.open(Fixtures.hdf5("blosc.h5"))) {
            assertEquals(1625, ds.table("raw_data").rows());
            UnsupportedFilterException e = assertThrows(UnsupportedFilterException.class,
                    () -> ds.openTable("raw_data", ReadOptions.DEFAULT));
            assertEquals(32001, e.filterId());
            assertTrue(e.getMessage().contains("32001") && e.getMessage().contains("/raw_data")
                    && e.getMessage().contains("blosc.h5"), e.getMessage());
        }
    }

    @Test
    void emptyTableStreamsNoBatch() {
        try (StoredDataset ds = reader.open(Fixtures.hdf5("empty.h5"));
             TableCursor c = ds.openTable("raw_data", ReadOptions.DEFAULT)) {
            assertEquals(0, c.table().rows());
            assertFalse(c.next());
        }
    }

    @Test
    void prefixesAndKeys() {
        try (StoredDataset ds = reader.open(Fixtures.hdf5("multi-cell.h5"))) {
            assertEquals(List.of("cell_a", "cell_b"), ds.prefixes());
            assertEquals("/cell_b/raw_data", ds.table("cell_b/raw_data").path());
            assertEquals("/cell_b/raw_data", ds.table("/cell_b/raw_data").path());
        }
    }

    @Test
    void rowRangesReadExactlyTheirSlice() {
        for (String name : List.of("plain.h5", "zlib9.h5")) {
            try (StoredDataset ds = reader.open(Fixtures.hdf5(name))) {
                long n = ds.table("raw_data").rows();
                BatchBuffer all = BatchBuffer.allocate(ds.table("raw_data").layout(), (int) n);
                try (TableCursor c = ds.openTable("raw_data", ReadOptions.DEFAULT)) {
                    while (c.next()) {
                        all.appendRows(c.batch(), 0, c.batch().rowCount());
                    }
                }
                long[][] ranges = {{0, 873}, {873, 1746}, {1000, 3500}, {n - 776, 99_999}, {n, n}, {n + 7, n + 8}};
                for (long[] range : ranges) {
                    long row = range[0];
                    try (TableCursor c = ds.openTable("raw_data", ReadOptions.builder().batchRows(1000).threads(2).prefetch(2).build()
                            .withRowRange(range[0], range[1]))) {
                        while (c.next()) {
                            ColumnBatch b = c.batch();
                            assertEquals(row, b.firstRow(), name + " range " + range[0] + "-" + range[1]);
                            for (int i = 0; i < b.rowCount(); i++) {
                                for (int col = 0; col < b.layout().size(); col++) {
                                    assertEquals(all.column(col).getObject((int) row + i), b.column(col).getObject(i));
                                }
                            }
                            row += b.rowCount();
                        }
                    }
                    long expected = Math.max(0, Math.min(n, range[1]) - Math.min(n, range[0]));
                    assertEquals(expected, row - range[0], name + " rows of range " + range[0] + "-" + range[1]);
                }
            }
        }
    }
}
