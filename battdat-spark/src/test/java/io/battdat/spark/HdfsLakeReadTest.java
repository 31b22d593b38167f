package io.battdat.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A lake on an in-process HDFS reads, through the job's Hadoop configuration, with the totals of the same lake read
 * from local files. One cluster serves the class.
 */
class HdfsLakeReadTest {
    private static MiniDFSCluster cluster;
    private static String root;
    @TempDir
    static Path tmp;
    private static Path lake;

    @BeforeAll
    static void start() throws Exception {
        Path fixtures = Path.of(System.getProperty("battdat.testdata", "../testdata"), "hdf5");
        assumeTrue(Files.isDirectory(fixtures), "no fixtures at " + fixtures);
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, tmp.resolve("hdfs").toString());
        conf.setInt("dfs.replication", 1);
        cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        cluster.waitActive();
        root = "hdfs://localhost:" + cluster.getNameNodePort();
        lake = Files.createDirectories(tmp.resolve("lake/site-b"));
        try (Stream<Path> files = Files.list(fixtures)) {
            for (Path f : files.filter(p -> List.of("plain.h5", "multi-cell.h5", "with-cycle-stats.h5", "zlib9.h5")
                    .contains(p.getFileName().toString())).toList()) {
                String dir = f.getFileName().toString().equals("multi-cell.h5") ? "/lake/site-b/" : "/lake/";
                Files.copy(f, tmp.resolve(dir.substring(1)).resolve(f.getFileName()));
                cluster.getFileSystem().copyFromLocalFile(new org.apache.hadoop.fs.Path(f.toAbsolutePath().toUri()),
                        new org.apache.hadoop.fs.Path(root + dir + f.getFileName()));
            }
        }
        lake = tmp.resolve("lake");
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.shutdown();
        }
    }

    private static Dataset<Row> read(String pattern) {
        SparkSession spark = TestingSpark.spark();
        return spark.read().format("battdat").option("table", "raw_data").load(pattern);
    }

    @Test
    void aLakeOnHdfsReadsWithTheTotalsOfTheLocalLake() {
        Dataset<Row> local = read(lake + "/**/*.h5");
        Dataset<Row> remote = read(root + "/lake/**/*.h5");
        assertEquals(local.count(), remote.count());
        Row l = local.agg(sum(col("voltage")), sum(col("current")), sum(col("test_time"))).first();
        Row r = remote.agg(sum(col("voltage")), sum(col("current")), sum(col("test_time"))).first();
        assertEquals(l, r);
        List<Row> files = remote.select("file").distinct().collectAsList();
        assertEquals(4, files.size(), files.toString());
        assertTrue(files.get(0).getString(0).startsWith(root + "/lake/"), files.toString());
    }

    @Test
    void aLakeWrittenToHdfsPartitionedByCellReadsBackWithTheSameTotals() throws Exception {
        Dataset<Row> in = read(lake + "/**/*.h5")
                .withColumn("cell", coalesce(col("cell"), regexp_extract(col("file"), "([^/]+)\\.h5$", 1)))
                .select("cell", "test_time", "voltage", "current", "cycle_number");
        String out = root + "/written";
        in.write().format("battdat").partitionBy("cell").save(out);
        List<String> cells = in.select("cell").distinct().collectAsList().stream().map(r -> r.getString(0) + ".h5")
                .sorted().toList();
        List<String> files = new java.util.ArrayList<>();
        for (var st : cluster.getFileSystem().listStatus(new org.apache.hadoop.fs.Path(out))) {
            files.add(st.getPath().getName());
        }
        java.util.Collections.sort(files);
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
        assertEquals(read(lake.toString()).count(), read(root + "/lake").count());
    }
}
