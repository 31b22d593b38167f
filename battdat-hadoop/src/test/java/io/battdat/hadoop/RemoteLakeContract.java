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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
 * fail as locally, globs list nested folders, writes (HDF5 files and Parquet dataset folders) go through staging and
 * read back, and a missing file or folder is a typed error naming its URI.
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

    /** An HDF5 file, or a Parquet dataset (a folder of {@code <table>.parquet} files). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h5", "parquet"})
    void writesBackThroughStagingAndReadsTheCopy(String format, @TempDir Path tmp) {
        List<String> written = new java.util.ArrayList<>();
        for (String name : List.of("multi-cell.h5", "plain.h5", "with-cycle-stats.h5")) {
            Path source = LakeTotals.fixtures().resolve(name);
            String copyName = name.replace(".h5", "." + format);
            Path localCopy = tmp.resolve("local-" + copyName);
            LakeTotals.copy(local(), source.toString(), localCopy.toString());
            String uri = root() + "/out-" + format + "/cell=" + name.replace(".h5", "") + "/" + copyName;
            LakeTotals.copy(engine(), source.toString(), uri);
            written.add(uri);
            assertEquals(LakeTotals.totals(local(), localCopy.toString()), LakeTotals.totals(engine(), uri), uri);
            // and back from the store to a local HDF5 file
            Path back = tmp.resolve("back-" + name);
            LakeTotals.copy(engine(), uri, back.toString());
            assertEquals(LakeTotals.totals(local(), localCopy.toString()), LakeTotals.totals(local(), back.toString()));
        }
        HadoopStorage storage = (HadoopStorage) engine().registry().storageFor(root() + "/");
        List<String> stored = storage.list(root() + "/out-" + format + "/**");
        for (String uri : written) {
            // an HDF5 copy is the written file itself; a Parquet copy is a folder of table files
            assertTrue(stored.stream().anyMatch(f -> isOrHolds(uri, f)), uri + ": " + stored);
        }
        assertTrue(stored.stream().allMatch(f -> f.endsWith("." + format) && !f.contains("/.")
                        && written.stream().anyMatch(w -> isOrHolds(w, f))),
                "only the written files under their final names, no staging leftovers: " + stored);
    }

    /** Whether {@code file} is the written file itself, or a file inside the written dataset folder. */
    private static boolean isOrHolds(String written, String file) {
        return file.equals(written) || file.startsWith(written + "/");
    }

    @Test
    void anAbortedWriteLeavesNothingUnderTheFinalName() throws Exception {
        String uri = root() + "/aborted/x.h5";
        DatasetSink sink = engine().registry().openSink(uri, WriteOptions.create(BatteryMetadata.fromJson("{}"))
                .withMode(WriteMode.OVERWRITE));
        sink.abort();
        assertFalse(storedAt(uri));
    }

    /** A missing HDF5 file, or a missing Parquet dataset folder. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"nope.h5", "nope.parquet"})
    void aMissingFileIsAFileAccessErrorNamingTheUri(String name) {
        String uri = root() + "/lake/" + name;
        FileAccessException e = assertThrows(FileAccessException.class, () -> engine().open(uri));
        assertEquals(uri + ": no such file", e.getMessage());
    }
}
