package io.battdat.hadoop;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;

import java.io.IOException;
import java.nio.file.Path;

/** Test helper: an in-process HDFS of one data node, and local files copied into it. */
final class MiniHdfs {
    private MiniHdfs() {
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
