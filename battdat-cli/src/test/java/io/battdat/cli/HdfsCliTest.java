package io.battdat.cli;

import io.battdat.hadoop.HdfsTestCluster;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;

/** The commands on hdfs:// URIs ({@link RemoteCliContract}); one in-process HDFS serves the class. */
class HdfsCliTest extends RemoteCliContract {
    @RegisterExtension
    static final HdfsTestCluster HDFS = new HdfsTestCluster();

    @Override
    String root() {
        return HDFS.root();
    }

    @Override
    void writeHadoopConf(Path folder) throws Exception {
        HDFS.writeCoreSite(folder);
    }

    @Override
    void put(Path local, String uri) throws Exception {
        HDFS.put(local, uri);
    }
}
