package io.battdat.hadoop;

import io.battdat.streaming.BattdatEngine;
import io.battdat.streaming.StorageRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The remote-store contract ({@link RemoteLakeContract}) on an in-process HDFS; one cluster serves the class. */
class HdfsLakeTest extends RemoteLakeContract {
    @RegisterExtension
    static final HdfsTestCluster HDFS = new HdfsTestCluster();
    private static BattdatEngine engine;

    @BeforeAll
    static void setUp() throws Exception {
        assumeTrue(Files.isDirectory(LakeTotals.fixtures()), "fixtures not found at " + LakeTotals.fixtures());
        engine = LakeTotals.remoteEngine(HadoopStorage.builder().configuration(HDFS.configuration())
                .blockSize(64 * 1024).build());
        new HdfsLakeTest().putFixtures(HDFS.root());
    }

    @Override
    String root() {
        return HDFS.root();
    }

    @Override
    BattdatEngine engine() {
        return engine;
    }

    @Override
    void put(Path local, String uri) throws Exception {
        HDFS.put(local, uri);
    }

    @Override
    boolean storedAt(String uri) throws Exception {
        return HDFS.exists(uri);
    }

    @Test
    void serviceLoaderFindsTheProviderByScheme() {
        StorageRegistry registry = StorageRegistry.discover(HdfsLakeTest.class.getClassLoader());
        assertTrue(registry.storageFor("hdfs://somewhere/x.h5") instanceof HadoopStorage);
        assertTrue(registry.storageFor("s3a://bucket/x.h5") instanceof HadoopStorage);
    }
}
