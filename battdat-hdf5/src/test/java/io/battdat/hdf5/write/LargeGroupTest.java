package io.battdat.hdf5.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.schema.RawData;
import io.battdat.api.spi.DatasetSink;
import io.battdat.api.spi.ReadOptions;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.TableCursor;
import io.battdat.api.spi.TableInfo;
import io.battdat.api.spi.TableSink;
import io.battdat.api.spi.WriteOptions;
import io.battdat.hdf5.Hdf5StreamReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Groups of any size (thousands of cells): symbol table nodes and group B-tree nodes split, the tree grows new roots
 * and the name heap grows, as HDF5 does it, in commits that survive a crash after any of their writes, and whose cost
 * does not grow with the group.
 */
@Timeout(900)
class LargeGroupTest {
    private static final int CELLS = 2000;

    /** Writes CELLS prefix groups with one small battdat-like table each, the way PyTables lays them out. */
    private static final String MAKE_CELLS = """
            import json, sys
            import numpy as np
            import tables
            path, cells = sys.argv[1], int(sys.argv[2])
            dtype = np.dtype([("test_time", "<f8"), ("current", "<f8"), ("voltage", "<f8"), ("cycle_number", "<i8")])
            schema = json.dumps({c: {"required": False, "type": "integer" if c == "cycle_number" else "float",
                                     "description": c + " column", "units": None, "monotonic": False}
                                 for c in dtype.names})
            with tables.open_file(path, "w") as f:
                f.root._v_attrs.metadata = json.dumps({"name": "many-cells"})
                for i in range(cells):
                    g = f.create_group("/", "cell_%04d" % i)
                    rows = np.zeros(1 + i % 3, dtype=dtype)
                    rows["test_time"] = np.arange(len(rows)) + i
                    rows["current"] = i * 0.5
                    rows["voltage"] = 3.0 + i / 10000
                    rows["cycle_number"] = i
                    t = f.create_table(g, "raw_data", rows, chunkshape=(4,))
                    t.attrs.metadata = schema
            """;

    /** Prints every group and dataset path h5py's visititems finds, as JSON. */
    private static final String VISIT = """
            import h5py, json, sys
            groups, datasets = [], []
            with h5py.File(sys.argv[1], "r") as f:
                f.visititems(lambda n, o: (groups if isinstance(o, h5py.Group) else datasets).append(n))
            print(json.dumps({"groups": sorted(groups), "datasets": sorted(datasets)}))
            """;

    @TempDir
    Path dir;

    private static boolean python() {
        return AppendTest.PythonCheck.available();
    }

    private Path script(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "timed out: " + command);
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), command + ": " + text);
        return text;
    }

    private JsonNode visit(Path file) throws IOException, InterruptedException {
        String out = run(List.of("/usr/bin/python3", script("visit.py", VISIT).toString(), file.toString()));
        return new ObjectMapper().readTree(out.substring(out.indexOf('{')));
    }

    private static boolean hasTool(String tool) {
        try {
            return new ProcessBuilder(tool, "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void copiesAPyTablesFileWithTwoThousandCells() throws Exception {
        Assumptions.assumeTrue(python(), "/usr/bin/python3 with tables and h5py missing: skipping");
        Path source = dir.resolve("many.h5");
        run(List.of("/usr/bin/python3", script("make.py", MAKE_CELLS).toString(), source.toString(),
                String.valueOf(CELLS)));
        Path copy = dir.resolve("copy.h5");
        Map<String, Long> rows = new HashMap<>();
        // what `battdat copy` does: every table, batch by batch, into a new file with the same metadata
        try (StoredDataset in = new Hdf5StreamReader().open(source)) {
            WriteOptions o = WriteOptions.create(BatteryMetadata.fromJson(in.metadataJson()))
                    .withMetadataJson(in.metadataJson());
            try (DatasetSink out = new Hdf5StreamWriter().open(copy, o)) {
                for (TableInfo t : in.tables()) {
                    TableSink sink = out.createTable(t.key(), t.layout(), t.schema(), t.rows());
                    try (TableCursor c = in.openTable(t.key(), ReadOptions.DEFAULT)) {
                        while (c.next()) {
                            sink.append(c.batch(), 0, c.batch().rowCount());
                        }
                    }
                    rows.put(t.path(), t.rows());
                }
            }
        }
        assertEquals(CELLS, rows.size());
        try (StoredDataset ds = new Hdf5StreamReader().open(copy)) {
            assertEquals(CELLS, ds.tables().size());
            for (TableInfo t : ds.tables()) {
                assertEquals(rows.get(t.path()), t.rows(), t.path());
            }
        }
        JsonNode want = AppendTest.PythonCheck.facts(source).path("tables");
        JsonNode got = AppendTest.PythonCheck.facts(copy).path("tables");
        assertEquals(CELLS, got.size());
        assertEquals(want, got, "PyTables' facts of every cell");
        JsonNode visited = visit(copy);
        assertEquals(CELLS, visited.path("groups").size());
        assertEquals(CELLS, visited.path("datasets").size());
        if (hasTool("h5dump")) {
            String header = run(List.of("h5dump", "-H", copy.toString()));
            assertEquals(CELLS, header.split("GROUP \"cell_", -1).length - 1, "groups h5dump lists");
        }

        // and appending to PyTables' own tree of 2,000 groups (two levels, its split ratios and free lists)
        int more = 300;
        try (DatasetSink out = new Hdf5StreamWriter().open(source, AppendTest.appendOptions(0))) {
            for (int i = CELLS; i < CELLS + more; i++) {
                out.createTable(cell(i), FileWriterTest.LAYOUT, new RawData(), 3).append(FileWriterTest.rows(0, 3), 0, 3);
            }
        }
        for (int i = CELLS + more; i < CELLS + more + 5; i++) {
            try (DatasetSink out = new Hdf5StreamWriter().open(source, AppendTest.appendOptions(0))) {
                out.createTable(cell(i), FileWriterTest.LAYOUT, new RawData(), 3).append(FileWriterTest.rows(0, 3), 0, 3);
            }
        }
        int total = CELLS + more + 5;
        assertEquals(total, names(source).size());
        assertEquals(3, AppendTest.checkedRows(source, cell(total - 1)));
        JsonNode tables = AppendTest.PythonCheck.facts(source).path("tables");
        assertEquals(total, tables.size());
        assertEquals(3, tables.path("/" + cell(CELLS + 7)).path("rows").asInt());
        assertEquals(total, visit(source).path("groups").size());
        if (hasTool("h5stat")) {
            run(List.of("h5stat", "-g", source.toString()));
        }
    }

    @Test
    void appendsTwoThousandCellsOneByOneAtAFlatCost() throws Exception {
        Path file = dir.resolve("grown.h5");
        Hdf5FileWriter.create(file, WriteOptions.create(BatteryMetadata.defaults().withName("grown"))).close();
        long[] nanos = new long[CELLS];
        long[] writes = new long[CELLS];
        long[] bytes = new long[CELLS];
        for (int i = 0; i < CELLS; i++) {
            long before = Files.size(file);
            long t0 = System.nanoTime();
            Hdf5FileWriter w = Hdf5FileWriter.append(file, AppendTest.appendOptions(0));
            w.createTable(cell(i), FileWriterTest.LAYOUT, new RawData(), 3).append(FileWriterTest.rows(0, 3), 0, 3);
            w.close();
            nanos[i] = System.nanoTime() - t0;
            writes[i] = w.channel().writes();
            bytes[i] = Files.size(file) - before;
            if (i == 0 || i == 499 || i == 999 || i == CELLS - 1) {
                System.out.printf("append %d: %d us, %d writes, %d bytes%n", i + 1, nanos[i] / 1000, writes[i], bytes[i]);
            }
        }
        // the cost of one more cell does not grow with the group: same writes and bytes, give or take a level
        long[] firstWrites = Arrays.copyOfRange(writes, 0, 100);
        long[] lastWrites = Arrays.copyOfRange(writes, CELLS - 100, CELLS);
        assertTrue(max(lastWrites) <= max(firstWrites) + 4, "writes per append: first 100 at most "
                + max(firstWrites) + ", last 100 up to " + max(lastWrites));
        long firstBytes = median(Arrays.copyOfRange(bytes, 0, 100));
        long lastBytes = median(Arrays.copyOfRange(bytes, CELLS - 100, CELLS));
        assertTrue(lastBytes <= firstBytes + 2L * BTreeV1GroupNode.size(16) + GroupSymbolTableNode.size(4),
                "bytes per append (median): first 100 " + firstBytes + ", last 100 " + lastBytes);
        long firstTime = median(Arrays.copyOfRange(nanos, 0, 100));
        long lastTime = median(Arrays.copyOfRange(nanos, CELLS - 100, CELLS));
        assertTrue(lastTime <= 5 * firstTime, "time per append (median): first 100 " + firstTime / 1000
                + " us, last 100 " + lastTime / 1000 + " us");

        try (StoredDataset ds = new Hdf5StreamReader().open(file)) {
            assertEquals(CELLS, ds.tables().size());
            for (TableInfo t : ds.tables()) {
                assertEquals(3, t.rows(), t.path());
            }
        }
        for (int i = 0; i < CELLS; i += 199) {
            assertEquals(3, AppendTest.checkedRows(file, cell(i)));
        }
        if (python()) {
            JsonNode tables = AppendTest.PythonCheck.facts(file).path("tables");
            assertEquals(CELLS, tables.size());
            for (int i = 0; i < CELLS; i++) {
                assertEquals(3, tables.path("/" + cell(i)).path("rows").asInt(), cell(i));
            }
            assertEquals(CELLS, visit(file).path("groups").size());
            AppendTest.PythonCheck.assertAppendable(withRawData(file));
        }
    }

    /** A copy with a /raw_data table, which PyTables' append check writes to. */
    private Path withRawData(Path file) {
        Path copy = dir.resolve("with-raw-" + file.getFileName());
        try {
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try (Hdf5FileWriter w = Hdf5FileWriter.append(copy, AppendTest.appendOptions(0))) {
            w.createTable("raw_data", FileWriterTest.LAYOUT, new RawData(), 10).append(FileWriterTest.rows(0, 10), 0, 10);
        }
        return copy;
    }

    private static String cell(int i) {
        return String.format("cell_%04d/raw_data", i);
    }

    private static String table(int i) {
        return String.format("t_%04d", i);
    }

    private static long max(long[] v) {
        return Arrays.stream(v).max().orElse(0);
    }

    private static long median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    /** What the next insert into a root holding {@code n} tables t_0000... does, found on the in-memory tree. */
    private record NextInsert(boolean newRoot, boolean heapGrows) {
    }

    private static NextInsert nextInsert(int n) {
        SymbolTable t = SymbolTable.create(SuperblockV0.DEFAULT_GROUP_LEAF_K, SuperblockV0.DEFAULT_GROUP_INTERNAL_K);
        for (int i = 0; i < n; i++) {
            t.put(table(i), new SymbolTable.Link(1000 + i, false, 0, 0));
        }
        int height = t.height();
        int heap = t.heapSize();
        t.put(table(n), new SymbolTable.Link(1000 + n, false, 0, 0));
        return new NextInsert(t.height() > height, t.heapSize() > heap);
    }

    /** The smallest group size from {@code from} on whose next insert has the wanted effects. */
    private static int firstWhere(int from, boolean newRoot, boolean heapGrows) {
        for (int n = from; n < 5000; n++) {
            NextInsert next = nextInsert(n);
            if ((!newRoot || next.newRoot()) && (!heapGrows || next.heapGrows())) {
                return n;
            }
        }
        throw new IllegalStateException("no such group size");
    }

    /**
     * A commit that adds one table to a root of n tables, and so splits a symbol table node, splits the B-tree root
     * and grows a new root level (mode 0), grows the name heap (mode 1), or (mode 2) adds a prefix group to a two-level
     * tree, killed after each of its writes: the file opens with the old or the new links, never a broken group, and
     * takes commits again.
     */
    @ParameterizedTest(name = "mode {0}")
    @ValueSource(ints = {0, 1, 2})
    void aCommitThatSplitsNodesSurvivesACrashAfterEachWrite(int mode) throws Exception {
        int n = switch (mode) {
            case 0 -> firstWhere(1, true, false);
            case 1 -> firstWhere(1, false, true);
            default -> firstWhere(firstWhere(1, true, false) + 1, false, false) + 37;
        };
        String added = mode == 2 ? "cell_new/raw_data" : table(n);
        Path base = dir.resolve("base.h5");
        try (Hdf5FileWriter w = Hdf5FileWriter.create(base, WriteOptions.create(BatteryMetadata.defaults()))) {
            for (int i = 0; i < n; i++) {
                w.createTable(table(i), FileWriterTest.LAYOUT, new RawData(), 1).append(FileWriterTest.rows(0, 1), 0, 1);
            }
        }
        Path probe = dir.resolve("probe.h5");
        Files.copy(base, probe, StandardCopyOption.REPLACE_EXISTING);
        long writes = addCrashingAfter(probe, added, n, Long.MAX_VALUE);
        assertTrue(writes > 0);
        TreeSet<String> old = names(base);
        TreeSet<String> grown = names(probe);
        assertEquals(n, old.size());
        assertEquals(n + 1, grown.size());
        boolean python = python();
        boolean h5stat = hasTool("h5stat");
        for (long k = 0; k < writes; k++) {
            Path f = dir.resolve("crash-" + k + ".h5");
            Files.copy(base, f, StandardCopyOption.REPLACE_EXISTING);
            addCrashingAfter(f, added, n, k);
            TreeSet<String> seen = names(f);
            assertTrue(seen.equals(old) || seen.equals(grown), "after " + k + " of " + writes + " writes: "
                    + seen.size() + " tables");
            for (String t : List.of(table(0), table(n / 2), table(n - 1))) {
                assertEquals(1, AppendTest.checkedRows(f, t), "after " + k + " writes: " + t);
            }
            if (seen.equals(grown)) {
                // a new table is linked before its rows are committed (the commit point is its size)
                long rows = AppendTest.checkedRows(f, added);
                assertTrue(rows == 0 || rows == 1, "after " + k + " writes: " + rows + " rows");
            }
            if (python) {
                JsonNode v = visit(f);
                int datasets = v.path("datasets").size();
                assertTrue(datasets == n || datasets == n + 1, "h5py after " + k + " writes: " + v);
                assertEquals(seen.size(), datasets, "h5py and battdat agree after " + k + " writes");
            }
            if (h5stat) {
                run(List.of("h5stat", f.toString()));
            }
            // commits resume on top of the interrupted one
            try (Hdf5FileWriter w = Hdf5FileWriter.append(f, AppendTest.appendOptions(0))) {
                w.createTable("after_crash", FileWriterTest.LAYOUT, new RawData(), 2).append(
                        FileWriterTest.rows(0, 2), 0, 2);
            }
            assertEquals(seen.size() + 1, names(f).size());
            assertEquals(2, AppendTest.checkedRows(f, "after_crash"));
            Files.delete(f);
        }
    }

    /** Adds one table with one row, failing after {@code k} writes; returns the writes the commit made. */
    private static long addCrashingAfter(Path file, String key, int row, long k) {
        Hdf5FileWriter w = Hdf5FileWriter.append(file, AppendTest.appendOptions(0));
        if (k != Long.MAX_VALUE) {
            w.channel().failAfter(k, CrashTest.SimulatedCrash::new);
        }
        try {
            long before = w.channel().writes();
            w.createTable(key, FileWriterTest.LAYOUT, new RawData(), 1).append(FileWriterTest.rows(0, 1), 0, 1);
            w.flush();
            long made = w.channel().writes() - before;
            w.close();
            return made;
        } catch (CrashTest.SimulatedCrash e) {
            w.vanish();
            return -1;
        }
    }

    private static TreeSet<String> names(Path file) {
        try (StoredDataset ds = new Hdf5StreamReader().open(file)) {
            TreeSet<String> names = new TreeSet<>();
            for (TableInfo t : ds.tables()) {
                names.add(t.key());
            }
            return names;
        }
    }

    /** An HDF5 file whose superblock asks for other K values (h5py does not wrap H5Pset_sym_k: called directly). */
    private static final String SMALL_K = """
            import ctypes, json, re, sys
            import h5py
            fcpl = h5py.h5p.create(h5py.h5p.FILE_CREATE)
            lib = [p for p in open("/proc/self/maps").read().split() if re.search(r"/libhdf5(_serial)?\\.so", p)][0]
            hdf5 = ctypes.CDLL(lib)
            hdf5.H5Pset_sym_k.argtypes = [ctypes.c_int64, ctypes.c_uint, ctypes.c_uint]
            assert hdf5.H5Pset_sym_k(fcpl.id, int(sys.argv[2]), int(sys.argv[3])) >= 0
            fid = h5py.h5f.create(sys.argv[1].encode(), h5py.h5f.ACC_TRUNC, fcpl=fcpl)
            with h5py.File(fid) as f:
                f.attrs["metadata"] = json.dumps({"name": "small-k"})
                for i in range(10):
                    f.create_group("h5py_%02d" % i)
            """;

    @Test
    void usesTheSuperblocksKValues() throws Exception {
        Assumptions.assumeTrue(python(), "/usr/bin/python3 with tables and h5py missing: skipping");
        Path file = dir.resolve("small-k.h5");
        // group internal node K 2 (B-tree nodes of 4 children), group leaf node K 3 (symbol table nodes of 6)
        run(List.of("/usr/bin/python3", script("small-k.py", SMALL_K).toString(), file.toString(), "2", "3"));
        int cells = 150;
        try (DatasetSink out = new Hdf5StreamWriter().open(file, AppendTest.appendOptions(0))) {
            for (int i = 0; i < cells; i++) {
                out.createTable(cell(i), FileWriterTest.LAYOUT, new RawData(), 3).append(FileWriterTest.rows(0, 3), 0, 3);
            }
        }
        for (int i = cells; i < cells + 20; i++) {
            try (DatasetSink out = new Hdf5StreamWriter().open(file, AppendTest.appendOptions(0))) {
                out.createTable(cell(i), FileWriterTest.LAYOUT, new RawData(), 3).append(FileWriterTest.rows(0, 3), 0, 3);
            }
        }
        cells += 20;
        assertEquals(cells, names(file).size());
        JsonNode v = visit(file);
        assertEquals(cells + 10, v.path("groups").size());
        assertEquals(cells, v.path("datasets").size());
        JsonNode tables = AppendTest.PythonCheck.facts(file).path("tables");
        assertEquals(cells, tables.size());
        if (hasTool("h5dump")) {
            run(List.of("h5dump", "-H", file.toString()));
        }
        if (hasTool("h5stat")) {
            run(List.of("h5stat", "-g", file.toString()));
        }
        if (hasTool("h5debug")) {
            String sb = run(List.of("h5debug", file.toString()));
            assertTrue(sb.matches("(?s).*leaf node 1/2 rank:\\s+3\\b.*internal node 1/2 rank:\\s+2\\b.*"), sb);
        }
    }

    @Test
    void namesSortAsHdf5DoesUnsignedBytes() {
        SymbolTable t = SymbolTable.create(2, 2);
        List<String> names = new ArrayList<>(List.of("b", "a", "é", "Z", "z", "ä_cell", "cell_10", "cell_9", "_"));
        for (int i = 0; i < 40; i++) {
            names.add("n" + (i * 7919 % 40));
        }
        for (String name : names) {
            t.put(name, new SymbolTable.Link(8, false, 0, 0));
        }
        List<String> sorted = new ArrayList<>(names);
        sorted.sort((a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
                b.getBytes(StandardCharsets.UTF_8)));
        assertEquals(sorted, t.names());
        assertTrue(t.height() >= 3, "K = 2 grows a deep tree: height " + t.height());
        for (String name : names) {
            assertTrue(t.contains(name), name);
        }
    }
}
