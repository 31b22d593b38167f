package io.battdat.hadoop;

import io.battdat.api.BattdatException;
import io.battdat.api.FileAccessException;
import io.battdat.streaming.BattdatEngine;
import io.battdat.streaming.StorageRegistry;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The engine reads the fixtures from an in-process HDFS with the same totals as local reads, writes them back
 * through staging files, and names the URI in its errors. One cluster serves the whole class.
 */
class HdfsLakeTest {
    private static MiniDFSCluster cluster;
    private static String root;
    private static BattdatEngine engine;
    private static BattdatEngine local;

    @BeforeAll
    static void startCluster(@TempDir Path base) throws Exception {
        assumeTrue(Files.isDirectory(LakeTotals.fixtures()), "fixtures not found at " + LakeTotals.fixtures());
        cluster = MiniHdfs.start(base);
        root = MiniHdfs.root(cluster);
        for (Path file : LakeTotals.fixtureFiles()) {
            MiniHdfs.upload(cluster, file, root + "/lake/" + file.getFileName());
        }
        HadoopStorage storage = MiniHdfs.storage(cluster);
        StorageRegistry registry = StorageRegistry.discover(HdfsLakeTest.class.getClassLoader())
                .withStorage(List.of(storage));
        engine = new BattdatEngine(registry, io.battdat.api.spi.ReadOptions.DEFAULT);
        local = new BattdatEngine(StorageRegistry.discover(HdfsLakeTest.class.getClassLoader()),
                io.battdat.api.spi.ReadOptions.DEFAULT);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.shutdown();
        }
    }

    @Test
    void readsEveryFixtureWithTheTotalsOfALocalRead() throws Exception {
        for (Path file : LakeTotals.fixtureFiles()) {
            String uri = root + "/lake/" + file.getFileName();
            Object expected = outcome(local, file.toString());
            Object actual = outcome(engine, uri);
            assertEquals(String.valueOf(expected).replace(file.toString(), uri), String.valueOf(actual), uri);
        }
    }

    /** The totals, or the error's message (a bad fixture must fail the same way remotely, naming the URI). */
    private static Object outcome(BattdatEngine e, String location) {
        try {
            return LakeTotals.totals(e, location);
        } catch (BattdatException ex) {
            return ex.getClass().getSimpleName() + ": " + ex.getMessage();
        }
    }

    @Test
    void damagedFilesFailAsLocallyWithTheUriInTheMessage() throws Exception {
        Path bad = LakeTotals.fixtures().resolveSibling("bad");
        assumeTrue(Files.isDirectory(bad), "no damaged files at " + bad);
        List<Path> files;
        try (var list = Files.list(bad)) {
            files = list.filter(p -> p.toString().endsWith(".h5")).sorted().toList();
        }
        for (Path file : files) {
            String uri = root + "/bad/" + file.getFileName();
            cluster.getFileSystem().copyFromLocalFile(new org.apache.hadoop.fs.Path(file.toAbsolutePath().toUri()),
                    new org.apache.hadoop.fs.Path(uri));
            String expected = String.valueOf(outcome(local, file.toString())).replace(file.toString(), uri);
            String actual = String.valueOf(outcome(engine, uri));
            assertEquals(expected, actual, uri);
            if (actual.contains("Exception: ")) {
                assertTrue(actual.contains(uri + ": "), actual);
            }
        }
    }

    @Test
    void serviceLoaderFindsTheProviderByScheme() {
        StorageRegistry registry = StorageRegistry.discover(HdfsLakeTest.class.getClassLoader());
        assertTrue(registry.storageFor("hdfs://somewhere/x.h5") instanceof HadoopStorage);
        assertTrue(registry.storageFor("s3a://bucket/x.h5") instanceof HadoopStorage);
    }

    @Test
    void listsGlobsWithDoubleStar() {
        HadoopStorage storage = (HadoopStorage) engine.registry().storageFor(root);
        List<String> all = storage.list(root + "/lake/*.h5");
        assertEquals(LakeTotals.fixtureFilesCount(), all.size(), all.toString());
        assertTrue(all.get(0).startsWith(root + "/lake/"), all.get(0));
        assertEquals(all, storage.list(root + "/lake/**/*.h5"));
        assertEquals(all, storage.list(root + "/la*/**/*.h5"));
        assertEquals(List.of(root + "/lake/plain.h5"), storage.list(root + "/lake/pl?in.h5"));
    }

    @Test
    void writesBackThroughAStagingFileAndReadsTheCopy(@TempDir Path tmp) {
        for (String name : List.of("plain.h5", "multi-cell.h5", "with-cycle-stats.h5")) {
            Path source = LakeTotals.fixtures().resolve(name);
            Path localCopy = tmp.resolve("local-" + name);
            LakeTotals.copy(local, source.toString(), localCopy.toString());
            String uri = root + "/out/cell=" + name.replace(".h5", "") + "/" + name;
            LakeTotals.copy(engine, source.toString(), uri);
            assertEquals(LakeTotals.totals(local, localCopy.toString()), LakeTotals.totals(engine, uri), uri);
            // and back from HDFS to a local file
            Path back = tmp.resolve("back-" + name);
            LakeTotals.copy(engine, uri, back.toString());
            assertEquals(LakeTotals.totals(local, localCopy.toString()), LakeTotals.totals(local, back.toString()));
        }
    }

    @Test
    void anAbortedWriteLeavesNothingUnderTheFinalName() throws Exception {
        String uri = root + "/aborted/x.h5";
        var sink = engine.registry().openSink(uri, io.battdat.api.spi.WriteOptions.create(
                io.battdat.api.metadata.BatteryMetadata.fromJson("{}")).withMode(io.battdat.api.spi.WriteMode.OVERWRITE));
        sink.abort();
        assertFalse(cluster.getFileSystem().exists(new org.apache.hadoop.fs.Path(uri)));
    }

    @Test
    void aMissingFileIsAFileAccessErrorNamingTheUri() {
        String uri = root + "/lake/nope.h5";
        FileAccessException e = assertThrows(FileAccessException.class, () -> engine.open(uri));
        assertTrue(e.getMessage().startsWith(uri + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }
}
