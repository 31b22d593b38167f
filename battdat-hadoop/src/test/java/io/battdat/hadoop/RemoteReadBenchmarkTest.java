package io.battdat.hadoop;

import com.sun.management.OperatingSystemMXBean;
import io.battdat.api.spi.ReadOptions;
import io.battdat.streaming.BatchStream;
import io.battdat.streaming.BattdatEngine;
import io.battdat.streaming.StorageRegistry;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
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
 * {@code -Dbattdat.bench.threads=2}, {@code -Dbattdat.bench.rounds=3}, {@code -Dbattdat.bench.warmup=0}).
 *
 * <p>Each read also prints the CPU seconds the whole process spent on it (the in-process store included) and its
 * garbage collections: on a machine shared with other work, wall-clock rates are noise, but the CPU a read costs
 * is not. Warm-up reads ({@code battdat.bench.warmup}, unmeasured, of each store) let the JIT compile the store's
 * client and server first: the S3 path runs far more code per request (SDK, s3a, the server) than the local one,
 * and the first few reads of a JVM spend a large part of their CPU compiling it.
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
        for (int warmup = Integer.getInteger("battdat.bench.warmup", 0); warmup > 0; warmup--) {
            read(local, file);
            read(remote, uri);
        }
        double[] localRates = new double[rounds];
        double[] remoteRates = new double[rounds];
        double[] localCpu = new double[rounds];
        double[] remoteCpu = new double[rounds];
        long rows = 0;
        for (int round = 0; round < rounds; round++) {
            long[] l = read(local, file);
            long[] r = read(remote, uri);
            assertEquals(l[0], r[0]);
            assertEquals(l[2], r[2], "same checksum");
            rows = l[0];
            localRates[round] = l[0] * 1e9 / l[1];
            remoteRates[round] = r[0] * 1e9 / r[1];
            localCpu[round] = l[4] / 1e9;
            remoteCpu[round] = r[4] / 1e9;
            System.out.printf("remote-read benchmark round %d: local %.2f M rows/s (first batch after %d ms,"
                            + " %.2f CPU s, %d GCs), %s %.2f M rows/s (first batch after %d ms, %.2f CPU s, %d GCs):"
                            + " %.0f%% of local%n", round + 1, localRates[round] / 1e6, l[3] / 1_000_000,
                    localCpu[round], l[5], store, remoteRates[round] / 1e6, r[3] / 1_000_000, remoteCpu[round], r[5],
                    100 * remoteRates[round] / localRates[round]);
        }
        double localRate = median(localRates);
        double remoteRate = median(remoteRates);
        System.out.printf("remote-read benchmark: %d rows, %d decode threads, %d ms per request, median of %d:"
                        + " local %.2f M rows/s, %s %.2f M rows/s (%.0f%% of local); process CPU per read: local %.2f s,"
                        + " %s %.2f s%n", rows, options.threads(), latency, rounds, localRate / 1e6, store,
                remoteRate / 1e6, 100 * remoteRate / localRate, median(localCpu), store, median(remoteCpu));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * Rows, nanoseconds, a checksum, nanoseconds to the first batch, the process's CPU nanoseconds and its garbage
     * collections of one whole-table read.
     */
    private static long[] read(BattdatEngine engine, String location) {
        long cpuStart = processCpuNanos();
        long gcStart = collections();
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
        long nanos = System.nanoTime() - start;
        return new long[] {rows, nanos, checksum, firstBatch, processCpuNanos() - cpuStart, collections() - gcStart};
    }

    /** CPU time of the whole process (every thread, the in-process store's too), or -1 where the JVM cannot tell. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    private static long collections() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }
}
