package io.battdat.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A lake on an in-process HDFS ({@link RemoteLakeReadContract}); one cluster serves the class. */
class HdfsLakeReadTest extends RemoteLakeReadContract {
    private static MiniDFSCluster cluster;
    private static String root;
    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() throws Exception {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, tmp.resolve("hdfs").toString());
        conf.setInt("dfs.replication", 1);
        cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        cluster.waitActive();
        root = "hdfs://localhost:" + cluster.getNameNodePort();
        new HdfsLakeReadTest().putLake(tmp);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.shutdown();
        }
    }

    @Override
    String root() {
        return root;
    }

    @Override
    Path localLake() {
        return tmp.resolve("lake");
    }

    @Override
    void put(Path local, String uri) throws Exception {
        cluster.getFileSystem().copyFromLocalFile(new org.apache.hadoop.fs.Path(local.toAbsolutePath().toUri()),
                new org.apache.hadoop.fs.Path(uri));
    }

    @Override
    List<String> namesIn(String folderUri) throws Exception {
        List<String> out = new ArrayList<>();
        for (var st : cluster.getFileSystem().listStatus(new org.apache.hadoop.fs.Path(folderUri))) {
            out.add(st.getPath().getName());
        }
        return out;
    }
}
