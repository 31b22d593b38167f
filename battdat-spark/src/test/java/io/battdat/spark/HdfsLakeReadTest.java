package io.battdat.spark;

import io.battdat.hadoop.HdfsTestCluster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

/** A lake on an in-process HDFS ({@link RemoteLakeReadContract}); one cluster serves the class. */
class HdfsLakeReadTest extends RemoteLakeReadContract {
    @RegisterExtension
    static final HdfsTestCluster HDFS = new HdfsTestCluster();
    @TempDir
    static Path tmp;

    @BeforeAll
    static void setUp() throws Exception {
        new HdfsLakeReadTest().putLake(tmp);
    }

    @Override
    String root() {
        return HDFS.root();
    }

    @Override
    Path localLake() {
        return tmp.resolve("lake");
    }

    @Override
    void put(Path local, String uri) throws Exception {
        HDFS.put(local, uri);
    }

    @Override
    List<String> namesIn(String folderUri) throws Exception {
        return HDFS.names(folderUri);
    }
}
