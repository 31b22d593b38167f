package io.battdat.hadoop;

import io.battdat.api.spi.ReadOptions;
import io.battdat.streaming.BatchStream;
import io.battdat.streaming.BattdatEngine;
import io.battdat.streaming.StorageRegistry;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Rows/s of a whole-table read from a local file and from an in-process HDFS, then from the in-process S3 server
 * through s3a, with a delay added to every request
 * (BENCHMARKS.md), each round of local and remote reads printed, then the medians. Runs only when given a file:
 * {@code -Dbattdat.bench.file=big.h5} (optionally {@code -Dbattdat.bench.latencyMs=20},
 * {@code -Dbattdat.bench.threads=2}, {@code -Dbattdat.bench.rounds=3}).
 */
class RemoteReadBenchmarkTest {

    @Test
    void remoteReadsReachHalfTheLocalRowsPerSecond(@TempDir Path base) throws Exception {
        String file = System.getProperty("battdat.bench.file");
        assumeTrue(file != null && Files.isRegularFile(Path.of(file)), "set -Dbattdat.bench.file to run the benchmark");
        long latency = Long.getLong("battdat.bench.latencyMs", 20);
        int threads = Integer.getInteger("battdat.bench.threads", 2);
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.resolve("hdfs").toString());
        conf.setInt("dfs.replication", 1);
        MiniDFSCluster cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        try {
            cluster.waitActive();
            String uri = "hdfs://localhost:" + cluster.getNameNodePort() + "/bench/" + Path.of(file).getFileName();
            cluster.getFileSystem().copyFromLocalFile(new org.apache.hadoop.fs.Path(Path.of(file).toAbsolutePath()
                    .toUri()), new org.apache.hadoop.fs.Path(uri));
            ReadOptions options = ReadOptions.builder().threads(threads).build();
            HadoopStorage.Builder storage = storage(latency).configuration(cluster.getConfiguration(0));
            compare("hdfs", file, uri, options, storage);
        } finally {
            cluster.shutdown();
        }
    }

    @Test
    void s3ReadsReachHalfTheLocalRowsPerSecond() throws Exception {
        String file = System.getProperty("battdat.bench.file");
        assumeTrue(file != null && Files.isRegularFile(Path.of(file)), "set -Dbattdat.bench.file to run the benchmark");
        S3TestServer s3 = S3TestServer.withBuckets("bench").direct();
        s3.beforeAll(null);
        Configuration conf = null;
        try {
            s3.put("bench", "lake/" + Path.of(file).getFileName(), Path.of(file));
            String uri = "s3a://bench/lake/" + Path.of(file).getFileName();
            ReadOptions options = ReadOptions.builder().threads(Integer.getInteger("battdat.bench.threads", 2)).build();
            // one s3a client for every read, as in a job: the test server's configuration makes a new client (SDK,
            // thread pools) per call, so that tests never share one across servers
            conf = s3.configuration();
            conf.setBoolean("fs.s3a.impl.disable.cache", false);
            compare("s3", file, uri, options, storage(Long.getLong("battdat.bench.latencyMs", 20)).configuration(conf));
        } finally {
            if (conf != null) {
                org.apache.hadoop.fs.FileSystem.get(java.net.URI.create("s3a://bench/"), conf).close();
            }
            s3.afterAll(null);
        }
    }

    /** The store's settings: the storage's defaults unless the block size, read-ahead or cache properties are given. */
    private static HadoopStorage.Builder storage(long latency) {
        HadoopStorage.Builder storage = HadoopStorage.builder().simulatedLatency(Duration.ofMillis(latency));
        if (Integer.getInteger("battdat.bench.blockKiB") != null) {
            storage.blockSize(Integer.getInteger("battdat.bench.blockKiB") * 1024);
        }
        if (Integer.getInteger("battdat.bench.readAhead") != null) {
            storage.readAhead(Integer.getInteger("battdat.bench.readAhead"));
        }
        if (Integer.getInteger("battdat.bench.cachedBlocks") != null) {
            storage.cachedBlocks(Integer.getInteger("battdat.bench.cachedBlocks"));
        }
        return storage;
    }

    /** Rounds of a local read and a remote read of the same table, each printed, then the medians. */
    private void compare(String store, String file, String uri, ReadOptions options, HadoopStorage.Builder storage) {
        long latency = Long.getLong("battdat.bench.latencyMs", 20);
        StorageRegistry plain = StorageRegistry.discover(getClass().getClassLoader());
        BattdatEngine local = new BattdatEngine(plain, options);
        BattdatEngine remote = new BattdatEngine(plain.withStorage(List.of(storage.build())), options);
        int rounds = Integer.getInteger("battdat.bench.rounds", 3);
        double[] localRates = new double[rounds];
        double[] remoteRates = new double[rounds];
        long rows = 0;
        for (int round = 0; round < rounds; round++) {
            long[] l = read(local, file);
            long[] r = read(remote, uri);
            assertEquals(l[0], r[0]);
            assertEquals(l[2], r[2], "same checksum");
            rows = l[0];
            localRates[round] = l[0] * 1e9 / l[1];
            remoteRates[round] = r[0] * 1e9 / r[1];
            System.out.printf("remote-read benchmark round %d: local %.2f M rows/s (first batch after %d ms),"
                            + " %s %.2f M rows/s (first batch after %d ms): %.0f%% of local%n", round + 1,
                    localRates[round] / 1e6, l[3] / 1_000_000, store, remoteRates[round] / 1e6, r[3] / 1_000_000,
                    100 * remoteRates[round] / localRates[round]);
        }
        double localRate = median(localRates);
        double remoteRate = median(remoteRates);
        System.out.printf("remote-read benchmark: %d rows, %d decode threads, %d ms per request, median of %d:"
                        + " local %.2f M rows/s, %s %.2f M rows/s (%.0f%% of local)%n", rows, options.threads(), latency,
                rounds, localRate / 1e6, store, remoteRate / 1e6, 100 * remoteRate / localRate);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Rows, nanoseconds, a checksum, and nanoseconds to the first batch of one whole-table read. */
    private static long[] read(BattdatEngine engine, String location) {
        long start = System.nanoTime();
        long rows = 0;
        long checksum = 0;
        long firstBatch = -1;
        try (BatchStream batches = engine.batches(location, "raw_data", engine.options())) {
            while (batches.hasNext()) {
                var b = batches.next();
                if (firstBatch < 0) {
                    firstBatch = System.nanoTime() - start;
                }
                var c = b.column(0);
                for (int i = 0; i < b.rowCount(); i++) {
                    checksum += Double.doubleToLongBits(c.getDouble(i));
                }
                rows += b.rowCount();
            }
        }
        return new long[] {rows, System.nanoTime() - start, checksum, firstBatch};
    }
}
