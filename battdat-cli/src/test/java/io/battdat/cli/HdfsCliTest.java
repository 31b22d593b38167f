package io.battdat.cli;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The commands accept hdfs:// URIs (configured with --hadoop-conf) and print what they print for local files;
 * copy goes to HDFS and back. One in-process HDFS serves the class.
 */
class HdfsCliTest {
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
        for (String name : new String[] {"plain.h5", "multi-cell.h5", "with-cycle-stats.h5"}) {
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

    private static Cli run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--hadoop-conf";
        all[args.length + 1] = conf.toString();
        return Cli.run(all);
    }

    @Test
    void readingCommandsPrintForAUriWhatTheyPrintForTheLocalFile() {
        for (String name : new String[] {"plain.h5", "multi-cell.h5", "with-cycle-stats.h5"}) {
            String local = Cli.testdata("hdf5", name).toString();
            String uri = root + "/lake/" + name;
            for (String[] command : new String[][] {{"inspect"}, {"facts"}, {"cycles", "--all-cells"},
                    {"summarize", "--all-cells"}}) {
                Cli l = Cli.run(with(command, local));
                Cli r = run(with(command, uri));
                assertEquals(l.status(), r.status(), String.join(" ", command) + " " + uri + ": " + r.err());
                assertEquals(l.out().replace(local, uri), r.out(), String.join(" ", command) + " " + uri);
            }
        }
    }

    private static String[] with(String[] command, String file) {
        String[] out = new String[command.length + 1];
        out[0] = command[0];
        out[1] = file;
        System.arraycopy(command, 1, out, 2, command.length - 1);
        return out;
    }

    @Test
    void copyGoesToHdfsAndBack(@TempDir Path tmp) {
        copyUpAndBack(Cli.testdata("hdf5", "multi-cell.h5").toString(), root + "/copies/multi-cell.h5", tmp);
    }

    /** Copies a local file to a URI and back to a local HDF5 file, whose facts must be the original's. */
    private static void copyUpAndBack(String local, String uri, Path tmp) {
        Cli up = run("copy", local, uri);
        assertEquals(0, up.status(), up.err());
        Path back = tmp.resolve("back.h5");
        Cli down = run("copy", uri, back.toString());
        assertEquals(0, down.status(), down.err());
        assertEquals(Cli.run("facts", local).out(), Cli.run("facts", back.toString()).out().replace(back.toString(), local));
    }

    @Test
    void aParquetDatasetGoesToHdfsAndBack(@TempDir Path tmp) {
        String local = Cli.testdata("hdf5", "with-cycle-stats.h5").toString();
        String uri = root + "/copies/with-cycle-stats.parquet";
        copyUpAndBack(local, uri, tmp);
        Path localParquet = tmp.resolve("local.parquet");
        assertEquals(0, Cli.run("copy", local, localParquet.toString()).status());
        Cli remote = run("inspect", uri);
        assertEquals(0, remote.status(), remote.err());
        String written = "(?m)^  attribute write_date = .*$"; // each copy is written at its own time
        assertEquals(Cli.run("inspect", localParquet.toString()).out().replace(localParquet.toString(), uri)
                .replaceAll(written, ""), remote.out().replaceAll(written, ""));
    }

    @Test
    void aMissingRemoteFileIsOneLineNamingTheUri() {
        String uri = root + "/lake/missing.h5";
        Cli r = run("inspect", uri);
        assertEquals(1, r.status());
        assertTrue(r.err().contains(uri + ": no such file"), r.err());
    }
}
