package io.battdat.hadoop;

import io.battdat.api.spi.ReadOptions;
import io.battdat.streaming.BattdatEngine;
import io.battdat.streaming.StorageRegistry;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Test helper: an in-process HDFS of one data node, local files copied into it, and engines that read it (and
 * local files) with the backends on the test class path.
 */
final class MiniHdfs implements AutoCloseable {
    final MiniDFSCluster cluster;
    /** {@code hdfs://localhost:PORT}. */
    final String root;
    /** An engine that reaches the cluster. */
    final BattdatEngine engine;
    /** An engine for local files only. */
    final BattdatEngine local;

    private MiniHdfs(MiniDFSCluster cluster) {
        this.cluster = cluster;
        this.root = root(cluster);
        StorageRegistry registry = StorageRegistry.discover(MiniHdfs.class.getClassLoader());
        this.engine = new BattdatEngine(registry.withStorage(List.of(storage(cluster))), ReadOptions.DEFAULT);
        this.local = new BattdatEngine(registry, ReadOptions.DEFAULT);
    }

    /** A cluster under {@code base} with its engines; close it when done. */
    static MiniHdfs withEngines(Path base) throws IOException {
        return new MiniHdfs(start(base));
    }

    /** Copies a local file or folder into the cluster. */
    void upload(Path file, String uri) throws IOException {
        upload(cluster, file, uri);
    }

    @Override
    public void close() {
        cluster.shutdown();
    }

    /** Starts a cluster whose storage lives under {@code base}. */
    static MiniDFSCluster start(Path base) throws IOException {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.resolve("hdfs").toString());
        conf.setInt("dfs.replication", 1);
        MiniDFSCluster cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        cluster.waitActive();
        return cluster;
    }

    /** The cluster's root URI, {@code hdfs://localhost:PORT}. */
    static String root(MiniDFSCluster cluster) {
        return "hdfs://localhost:" + cluster.getNameNodePort();
    }

    /** Copies a local file or folder (with everything in it) to a URI of the cluster. */
    static void upload(MiniDFSCluster cluster, Path local, String uri) throws IOException {
        cluster.getFileSystem().copyFromLocalFile(new org.apache.hadoop.fs.Path(local.toAbsolutePath().toUri()),
                new org.apache.hadoop.fs.Path(uri));
    }

    /** A provider over the cluster, with small blocks so tests cross block boundaries. */
    static HadoopStorage storage(MiniDFSCluster cluster) {
        return HadoopStorage.builder().configuration(cluster.getConfiguration(0)).blockSize(64 * 1024).build();
    }
}
