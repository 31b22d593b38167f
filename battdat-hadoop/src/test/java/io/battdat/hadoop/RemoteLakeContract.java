package io.battdat.hadoop;

import io.battdat.api.BattdatException;
import io.battdat.api.FileAccessException;
import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.spi.DatasetSink;
import io.battdat.api.spi.WriteMode;
import io.battdat.api.spi.WriteOptions;
import io.battdat.streaming.BattdatEngine;
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
 * What every remote store must do, whatever its scheme: a subclass starts one store for its class, puts every fixture
 * under {@code root()/lake/}, and hands over an engine reaching it. Reads have the totals of local reads, damaged files
 * fail as locally, globs list nested folders, writes go through staging files and read back, and a missing file is a
 * typed error naming its URI.
 */
abstract class RemoteLakeContract {
    /** The store's root URI, without a trailing slash ({@code hdfs://host:port}, {@code s3a://bucket}). */
    abstract String root();

    /** An engine whose registry reaches the store. */
    abstract BattdatEngine engine();

    /** Copies a local file to a URI of the store, bypassing battdat. */
    abstract void put(Path local, String uri) throws Exception;

    /** Whether anything is stored under a URI, asked of the store itself. */
    abstract boolean storedAt(String uri) throws Exception;

    /** The engine for local files. */
    static BattdatEngine local() {
        return LakeTotals.localEngine();
    }

    /** Puts every readable fixture under {@code root/lake/} (for the subclasses' set-up). */
    void putFixtures(String root) throws Exception {
        for (Path file : LakeTotals.fixtureFiles()) {
            put(file, root + "/lake/" + file.getFileName());
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
    void readsEveryFixtureWithTheTotalsOfALocalRead() throws Exception {
        for (Path file : LakeTotals.fixtureFiles()) {
            String uri = root() + "/lake/" + file.getFileName();
            Object expected = outcome(local(), file.toString());
            assertEquals(String.valueOf(expected).replace(file.toString(), uri), String.valueOf(outcome(engine(), uri)),
                    uri);
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
            String uri = root() + "/bad/" + file.getFileName();
            put(file, uri);
            String expected = String.valueOf(outcome(local(), file.toString())).replace(file.toString(), uri);
            String actual = String.valueOf(outcome(engine(), uri));
            assertEquals(expected, actual, uri);
            if (actual.contains("Exception: ")) {
                assertTrue(actual.contains(uri + ": "), actual);
            }
        }
    }

    @Test
    void listsGlobsWithDoubleStar() throws Exception {
        HadoopStorage storage = (HadoopStorage) engine().registry().storageFor(root() + "/");
        List<String> all = storage.list(root() + "/lake/*.h5");
        assertEquals(LakeTotals.fixtureFilesCount(), all.size(), all.toString());
        assertTrue(all.get(0).startsWith(root() + "/lake/"), all.get(0));
        assertEquals(all, storage.list(root() + "/lake/**/*.h5"));
        assertEquals(List.of(root() + "/lake/plain.h5"), storage.list(root() + "/lake/pl?in.h5"));
        // nested folders, listed whole and folder by folder
        List<String> nested = List.of(root() + "/nested/a/plain.h5", root() + "/nested/b/c/zlib9.h5",
                root() + "/nested/b/plain.h5");
        for (String uri : nested) {
            put(LakeTotals.fixtures().resolve(uri.substring(uri.lastIndexOf('/') + 1)), uri);
        }
        assertEquals(nested, storage.list(root() + "/nested/**/*.h5"));
        assertEquals(nested, storage.list(root() + "/nes*/**/*.h5"));
        assertEquals(List.of(nested.get(2)), storage.list(root() + "/nested/b/*.h5"));
        assertEquals(List.of(nested.get(1), nested.get(2)), storage.list(root() + "/nested/b/**"));
    }

    @Test
    void writesBackThroughAStagingFileAndReadsTheCopy(@TempDir Path tmp) {
        List<String> written = new java.util.ArrayList<>();
        for (String name : List.of("multi-cell.h5", "plain.h5", "with-cycle-stats.h5")) {
            Path source = LakeTotals.fixtures().resolve(name);
            Path localCopy = tmp.resolve("local-" + name);
            LakeTotals.copy(local(), source.toString(), localCopy.toString());
            String uri = root() + "/out/cell=" + name.replace(".h5", "") + "/" + name;
            LakeTotals.copy(engine(), source.toString(), uri);
            written.add(uri);
            assertEquals(LakeTotals.totals(local(), localCopy.toString()), LakeTotals.totals(engine(), uri), uri);
            // and back from the store to a local file
            Path back = tmp.resolve("back-" + name);
            LakeTotals.copy(engine(), uri, back.toString());
            assertEquals(LakeTotals.totals(local(), localCopy.toString()), LakeTotals.totals(local(), back.toString()));
        }
        HadoopStorage storage = (HadoopStorage) engine().registry().storageFor(root() + "/");
        assertEquals(written, storage.list(root() + "/out/**/*.h5"), "every written file, and no staging leftovers");
        assertEquals(written, storage.list(root() + "/out/**"), "no staging leftovers");
    }

    @Test
    void anAbortedWriteLeavesNothingUnderTheFinalName() throws Exception {
        String uri = root() + "/aborted/x.h5";
        DatasetSink sink = engine().registry().openSink(uri, WriteOptions.create(BatteryMetadata.fromJson("{}"))
                .withMode(WriteMode.OVERWRITE));
        sink.abort();
        assertFalse(storedAt(uri));
    }

    @Test
    void aMissingFileIsAFileAccessErrorNamingTheUri() {
        String uri = root() + "/lake/nope.h5";
        FileAccessException e = assertThrows(FileAccessException.class, () -> engine().open(uri));
        assertEquals(uri + ": no such file", e.getMessage());
    }
}
