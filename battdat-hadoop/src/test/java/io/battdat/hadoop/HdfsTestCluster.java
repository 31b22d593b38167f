package io.battdat.hadoop;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An HDFS in the test's JVM (one name node, one data node) as a JUnit extension: registered on a static field
 * ({@code @RegisterExtension static final HdfsTestCluster HDFS = new HdfsTestCluster();}) it starts before the class's
 * {@code @BeforeAll} methods and stops after the class. Shared with other modules' tests through the test jar.
 */
public final class HdfsTestCluster implements BeforeAllCallback, AfterAllCallback {
    private Path base;
    private MiniDFSCluster cluster;

    @Override
    public void beforeAll(ExtensionContext extension) throws Exception {
        base = Files.createTempDirectory("battdat-hdfs-");
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.toString());
        conf.setInt("dfs.replication", 1);
        cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        cluster.waitActive();
    }

    @Override
    public void afterAll(ExtensionContext extension) {
        if (cluster != null) {
            cluster.shutdown();
        }
        if (base != null) {
            FileUtil.fullyDelete(base.toFile());
        }
    }

    /** The cluster's root URI, {@code hdfs://localhost:PORT}. */
    public String root() {
        return "hdfs://localhost:" + cluster.getNameNodePort();
    }

    /** A client configuration reaching the cluster. */
    public Configuration configuration() {
        return cluster.getConfiguration(0);
    }

    /** The cluster's file system, for checks that bypass battdat. */
    public org.apache.hadoop.fs.FileSystem fileSystem() throws IOException {
        return cluster.getFileSystem();
    }

    /** Copies a local file or folder to a URI of the cluster, bypassing battdat. */
    public void put(Path local, String uri) throws IOException {
        cluster.getFileSystem().copyFromLocalFile(new org.apache.hadoop.fs.Path(local.toAbsolutePath().toUri()),
                new org.apache.hadoop.fs.Path(uri));
    }

    /** Whether anything is stored under a URI of the cluster. */
    public boolean exists(String uri) throws IOException {
        return cluster.getFileSystem().exists(new org.apache.hadoop.fs.Path(uri));
    }

    /** The names in a folder of the cluster. */
    public java.util.List<String> names(String folderUri) throws IOException {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (var st : cluster.getFileSystem().listStatus(new org.apache.hadoop.fs.Path(folderUri))) {
            out.add(st.getPath().getName());
        }
        return out;
    }

    /** Writes the client configuration as a {@code core-site.xml} in this folder (for the CLI's --hadoop-conf). */
    public Path writeCoreSite(Path folder) throws IOException {
        Files.createDirectories(folder);
        try (OutputStream out = Files.newOutputStream(folder.resolve("core-site.xml"))) {
            configuration().writeXml(out);
        }
        return folder;
    }
}
