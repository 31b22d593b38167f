package io.battdat.cli;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The commands on hdfs:// URIs ({@link RemoteCliContract}); one in-process HDFS serves the class. */
class HdfsCliTest extends RemoteCliContract {
    private static MiniDFSCluster cluster;
    private static String root;
    private static Path conf;

    @BeforeAll
    static void startCluster(@TempDir Path base) throws Exception {
        assumeTrue(Files.isRegularFile(Cli.testdata("hdf5", "plain.h5")), "test data not found");
        Configuration c = new Configuration();
        c.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.resolve("hdfs").toString());
        c.setInt("dfs.replication", 1);
        cluster = new MiniDFSCluster.Builder(c).numDataNodes(1).build();
        cluster.waitActive();
        root = "hdfs://localhost:" + cluster.getNameNodePort();
        conf = Files.createDirectories(base.resolve("conf"));
        try (OutputStream out = Files.newOutputStream(conf.resolve("core-site.xml"))) {
            cluster.getConfiguration(0).writeXml(out);
        }
        for (String name : FIXTURES) {
            cluster.getFileSystem().copyFromLocalFile(
                    new org.apache.hadoop.fs.Path(Cli.testdata("hdf5", name).toAbsolutePath().toUri()),
                    new org.apache.hadoop.fs.Path(root + "/lake/" + name));
        }
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.shutdown();
        }
    }

    @Override
    String root() {
        return root;
    }

    @Override
    Path hadoopConf() {
        return conf;
    }
}
