package io.battdat.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What the commands do with the URIs of any remote store: a subclass registers one store for its class (a JUnit
 * extension on a static field), and the contract puts {@link #FIXTURES} under {@code root()/lake/} and writes a Hadoop
 * configuration folder reaching it. Reading commands print for a URI what they print for the local file; copy goes to
 * the store and back. One instance serves the class, so the set-up can ask the subclass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RemoteCliContract {
    static final String[] FIXTURES = {"plain.h5", "multi-cell.h5", "with-cycle-stats.h5"};
    private Path hadoopConf;

    /** The store's root URI, without a trailing slash. */
    abstract String root();

    /** Writes Hadoop configuration files reaching the store into this folder. */
    abstract void writeHadoopConf(Path folder) throws Exception;

    /** Copies a local file to a URI of the store, bypassing battdat. */
    abstract void put(Path local, String uri) throws Exception;

    @BeforeAll
    void putFixtures(@TempDir Path base) throws Exception {
        assumeTrue(Files.isRegularFile(Cli.testdata("hdf5", "plain.h5")), "test data not found");
        hadoopConf = Files.createDirectories(base.resolve("conf"));
        writeHadoopConf(hadoopConf);
        for (String name : FIXTURES) {
            put(Cli.testdata("hdf5", name), root() + "/lake/" + name);
        }
    }

    /** The folder of Hadoop configuration files reaching the store (for --hadoop-conf). */
    Path hadoopConf() {
        return hadoopConf;
    }

    /** Runs a command with --hadoop-conf naming this folder. */
    static Cli runWith(Path hadoopConf, String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--hadoop-conf";
        all[args.length + 1] = hadoopConf.toString();
        return Cli.run(all);
    }

    Cli run(String... args) {
        return runWith(hadoopConf(), args);
    }

    @Test
    void readingCommandsPrintForAUriWhatTheyPrintForTheLocalFile() {
        for (String name : FIXTURES) {
            String local = Cli.testdata("hdf5", name).toString();
            String uri = root() + "/lake/" + name;
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
    void copyGoesToTheStoreAndBack(@TempDir Path tmp) {
        copyUpAndBack(Cli.testdata("hdf5", "multi-cell.h5").toString(), root() + "/copies/multi-cell.h5", tmp);
    }

    /** Copies a local file to a URI and back to a local HDF5 file, whose facts must be the original's. */
    private void copyUpAndBack(String local, String uri, Path tmp) {
        Cli up = run("copy", local, uri);
        assertEquals(0, up.status(), up.err());
        Path back = tmp.resolve("back.h5");
        Cli down = run("copy", uri, back.toString());
        assertEquals(0, down.status(), down.err());
        assertEquals(Cli.run("facts", local).out(), Cli.run("facts", back.toString()).out().replace(back.toString(), local));
    }

    @Test
    void aParquetDatasetGoesToTheStoreAndBack(@TempDir Path tmp) {
        String local = Cli.testdata("hdf5", "with-cycle-stats.h5").toString();
        String uri = root() + "/copies/with-cycle-stats.parquet";
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
        String uri = root() + "/lake/missing.h5";
        Cli r = run("inspect", uri);
        assertEquals(1, r.status());
        assertTrue(r.err().contains(uri + ": no such file"), r.err());
    }
}
