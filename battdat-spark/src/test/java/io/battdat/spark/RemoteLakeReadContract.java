package io.battdat.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What a Spark job does with a lake on any remote store: a subclass starts one store for its class and calls
 * {@link #putLake(Path)}, which lays the same lake of fixtures locally and remotely. The remote lake reads, through
 * the job's Hadoop configuration, with the totals of the local one, and writes back partitioned by cell.
 */
abstract class RemoteLakeReadContract {
    private static final List<String> FIXTURES = List.of("plain.h5", "multi-cell.h5", "with-cycle-stats.h5",
            "zlib9.h5");

    /** The store's root URI, without a trailing slash. */
    abstract String root();

    /** The local copy of the lake. */
    abstract Path localLake();

    /** Copies a local file to a URI of the store, bypassing battdat. */
    abstract void put(Path local, String uri) throws Exception;

    /** The names of the files directly in a folder of the store, asked of the store itself. */
    abstract List<String> namesIn(String folderUri) throws Exception;

    /** Lays the lake ({@code multi-cell.h5} one folder down) under {@code local/lake} and {@code root()/lake}. */
    void putLake(Path local) throws Exception {
        Path fixtures = Path.of(System.getProperty("battdat.testdata", "../testdata"), "hdf5");
        assumeTrue(Files.isDirectory(fixtures), "no fixtures at " + fixtures);
        Files.createDirectories(local.resolve("lake/site-b"));
        for (String name : FIXTURES) {
            String dir = name.equals("multi-cell.h5") ? "lake/site-b/" : "lake/";
            Files.copy(fixtures.resolve(name), local.resolve(dir + name));
            put(fixtures.resolve(name), root() + "/" + dir + name);
        }
    }

    static Dataset<Row> read(String pattern) {
        return TestingSpark.spark().read().format("battdat").option("table", "raw_data").load(pattern);
    }

    @Test
    void aRemoteLakeReadsWithTheTotalsOfTheLocalLake() {
        Dataset<Row> local = read(localLake() + "/**/*.h5");
        Dataset<Row> remote = read(root() + "/lake/**/*.h5");
        assertEquals(local.count(), remote.count());
        Row l = local.agg(sum(col("voltage")), sum(col("current")), sum(col("test_time"))).first();
        Row r = remote.agg(sum(col("voltage")), sum(col("current")), sum(col("test_time"))).first();
        assertEquals(l, r);
        List<Row> files = remote.select("file").distinct().collectAsList();
        assertEquals(FIXTURES.size(), files.size(), files.toString());
        assertTrue(files.get(0).getString(0).startsWith(root() + "/lake/"), files.toString());
    }

    @Test
    void aLakeWrittenPartitionedByCellReadsBackWithTheSameTotals() throws Exception {
        Dataset<Row> in = read(localLake() + "/**/*.h5")
                .withColumn("cell", coalesce(col("cell"), regexp_extract(col("file"), "([^/]+)\\.h5$", 1)))
                .select("cell", "test_time", "voltage", "current", "cycle_number");
        String out = root() + "/written";
        in.write().format("battdat").partitionBy("cell").save(out);
        List<String> cells = in.select("cell").distinct().collectAsList().stream().map(r -> r.getString(0) + ".h5")
                .sorted().toList();
        List<String> files = new ArrayList<>(namesIn(out));
        Collections.sort(files);
        assertEquals(cells, files, "one file per cell and nothing else (no staging leftovers)");
        Dataset<Row> back = read(out);
        assertEquals(in.count(), back.count());
        assertEquals(in.agg(sum(col("voltage")), sum(col("test_time"))).first(),
                back.agg(sum(col("voltage")), sum(col("test_time"))).first());
        // a second save refuses by default, and overwrite replaces
        assertThrows(Exception.class, () -> in.write().format("battdat").partitionBy("cell").save(out));
        in.write().format("battdat").mode("overwrite").partitionBy("cell").save(out);
        assertEquals(in.count(), read(out).count());
    }

    @Test
    void aDirectoryIsEveryBattdatFileBelowIt() {
        assertEquals(read(localLake().toString()).count(), read(root() + "/lake").count());
    }
}
