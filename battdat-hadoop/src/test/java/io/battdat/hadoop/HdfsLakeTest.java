package io.battdat.hadoop;

import io.battdat.streaming.BattdatEngine;
import io.battdat.streaming.StorageRegistry;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The remote-store contract ({@link RemoteLakeContract}) on an in-process HDFS; one cluster serves the class. */
class HdfsLakeTest extends RemoteLakeContract {
    private static MiniDFSCluster cluster;
    private static String root;
    private static BattdatEngine engine;

    @BeforeAll
    static void startCluster(@TempDir Path base) throws Exception {
        assumeTrue(Files.isDirectory(LakeTotals.fixtures()), "fixtures not found at " + LakeTotals.fixtures());
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.resolve("hdfs").toString());
        conf.setInt("dfs.replication", 1);
        cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        cluster.waitActive();
        root = "hdfs://localhost:" + cluster.getNameNodePort();
        engine = LakeTotals.remoteEngine(HadoopStorage.builder().configuration(cluster.getConfiguration(0))
                .blockSize(64 * 1024).build());
        new HdfsLakeTest().putFixtures();
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
    BattdatEngine engine() {
        return engine;
    }

    @Override
    void put(Path local, String uri) throws Exception {
        cluster.getFileSystem().copyFromLocalFile(new org.apache.hadoop.fs.Path(local.toAbsolutePath().toUri()),
                new org.apache.hadoop.fs.Path(uri));
    }

    @Override
    boolean storedAt(String uri) throws Exception {
        return cluster.getFileSystem().exists(new org.apache.hadoop.fs.Path(uri));
    }

    @Test
    void serviceLoaderFindsTheProviderByScheme() {
        StorageRegistry registry = StorageRegistry.discover(HdfsLakeTest.class.getClassLoader());
        assertTrue(registry.storageFor("hdfs://somewhere/x.h5") instanceof HadoopStorage);
        assertTrue(registry.storageFor("s3a://bucket/x.h5") instanceof HadoopStorage);
    }
}
