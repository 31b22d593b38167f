package io.battdat.hadoop;

import io.battdat.api.data.Column;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.spi.DatasetSink;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.TableCursor;
import io.battdat.api.spi.TableInfo;
import io.battdat.api.spi.TableSink;
import io.battdat.api.spi.WriteMode;
import io.battdat.api.spi.WriteOptions;
import io.battdat.api.spi.ReadOptions;
import io.battdat.streaming.BattdatEngine;
import io.battdat.streaming.StorageRegistry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Test helpers: what a file holds, summed, so reads of one file from different stores can be compared; engines for
 * local files and for a remote store. Shared with other modules' tests through this module's test jar.
 */
public final class LakeTotals {
    private LakeTotals() {
    }

    /** The engine the class path gives, for local files. */
    public static BattdatEngine localEngine() {
        return new BattdatEngine(StorageRegistry.discover(LakeTotals.class.getClassLoader()), ReadOptions.DEFAULT);
    }

    /** An engine reaching a remote store through this provider (and local files as usual). */
    public static BattdatEngine remoteEngine(HadoopStorage storage) {
        return new BattdatEngine(StorageRegistry.discover(LakeTotals.class.getClassLoader())
                .withStorage(List.of(storage)), ReadOptions.DEFAULT);
    }

    /** The folder of the HDF5 fixtures. */
    public static Path fixtures() {
        return Path.of(System.getProperty("battdat.testdata", "../testdata"), "hdf5");
    }

    /** The fixtures every build can read (blosc needs the optional codecs module). */
    static List<Path> fixtureFiles() throws java.io.IOException {
        List<Path> out = new ArrayList<>();
        try (var files = Files.list(fixtures())) {
            files.filter(p -> p.toString().endsWith(".h5") && !p.getFileName().toString().equals("blosc.h5"))
                    .sorted().forEach(out::add);
        }
        return out;
    }

    static int fixtureFilesCount() {
        try {
            return fixtureFiles().size();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Per table: rows, and per column a sum of the values' text hashes (order-sensitive by row index). */
    public static Map<String, String> totals(BattdatEngine engine, String location) {
        Map<String, String> out = new TreeMap<>();
        try (StoredDataset ds = engine.open(location)) {
            out.put("metadata", Integer.toString(ds.metadataJson().hashCode()));
            for (TableInfo t : ds.tables()) {
                long rows = 0;
                long[] sums = null;
                try (TableCursor c = ds.openTable(t.key(), engine.options())) {
                    while (c.next()) {
                        ColumnBatch b = c.batch();
                        if (sums == null) {
                            sums = new long[b.columnCount()];
                        }
                        for (int col = 0; col < b.columnCount(); col++) {
                            Column column = b.column(col);
                            for (int r = 0; r < b.rowCount(); r++) {
                                sums[col] += (long) hash(column.getObject(r)) * (rows + r + 1);
                            }
                        }
                        rows += b.rowCount();
                    }
                }
                out.put(t.key(), rows + " rows " + java.util.Arrays.toString(sums));
            }
        }
        return out;
    }

    private static int hash(Object value) {
        if (value instanceof byte[] bytes) {
            return java.util.Arrays.hashCode(bytes);
        }
        if (value != null && value.getClass().isArray()) {
            return java.util.Arrays.deepToString(new Object[] {value}).hashCode();
        }
        return String.valueOf(value).hashCode();
    }

    /** Copies every table of one file to another location (either may be a URI) and closes (commits) it. */
    public static void copy(BattdatEngine engine, String from, String to) {
        try (StoredDataset source = engine.open(from)) {
            String json = source.metadataJson();
            WriteOptions options = WriteOptions.create(BatteryMetadata.fromJson(json)).withMode(WriteMode.OVERWRITE)
                    .withMetadataJson(json);
            DatasetSink sink = engine.registry().openSink(to, options);
            try {
                for (TableInfo t : source.tables()) {
                    if (t.schema() == null) {
                        continue;
                    }
                    TableSink target = sink.createTable(t.key(), t.layout(), t.schema(), t.rows());
                    try (TableCursor cursor = source.openTable(t.key(), engine.options())) {
                        while (cursor.next()) {
                            target.append(cursor.batch(), 0, cursor.batch().rowCount());
                        }
                    }
                }
            } catch (RuntimeException e) {
                sink.abort();
                throw e;
            }
            sink.close();
        }
    }
}
