package io.battdat.hadoop;

import io.battdat.api.BattdatException;
import io.battdat.api.KeyNotFoundException;
import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.spi.DatasetSink;
import io.battdat.api.spi.ReadOptions;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.WriteMode;
import io.battdat.api.spi.WriteOptions;
import io.battdat.streaming.BattdatEngine;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Parquet datasets (a folder of {@code <table>.parquet} files) on an in-process HDFS, beyond what every store does
 * with them ({@link RemoteLakeContract}, run by {@link HdfsLakeTest}): read when copied there, replaced and appended
 * to, and missing tables reported as typed errors naming the URI.
 */
class HdfsParquetTest {
    @RegisterExtension
    static final HdfsTestCluster HDFS = new HdfsTestCluster();
    /** Reaches the cluster, with small blocks so that reads cross block boundaries. */
    private static BattdatEngine remote;
    private static BattdatEngine local;

    @BeforeAll
    static void engines() {
        assumeTrue(Files.isDirectory(LakeTotals.fixtures()), "fixtures not found at " + LakeTotals.fixtures());
        remote = LakeTotals.remoteEngine(HadoopStorage.builder().configuration(HDFS.configuration())
                .blockSize(64 * 1024).build());
        local = LakeTotals.localEngine();
    }

    private static String fixture(String name) {
        return LakeTotals.fixtures().resolve(name).toString();
    }

    /** Copies a fixture into a local Parquet dataset under {@code tmp}, and that folder to {@code uri}. */
    private static Path uploadedParquetCopy(String fixture, Path tmp, String uri) throws IOException {
        Path dataset = tmp.resolve(fixture.replace(".h5", ".parquet"));
        LakeTotals.copy(local, fixture(fixture), dataset.toString());
        HDFS.put(dataset, uri);
        return dataset;
    }

    /** The files under a URI, relative to it, sorted: what a reader of the store sees. */
    private static List<String> remoteFiles(String uri) throws IOException {
        FileSystem fs = HDFS.fileSystem();
        org.apache.hadoop.fs.Path base = new org.apache.hadoop.fs.Path(uri);
        List<String> out = new ArrayList<>();
        if (!fs.exists(base)) {
            return out;
        }
        String prefix = fs.makeQualified(base).toUri().getPath() + "/";
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(base, true);
        while (it.hasNext()) {
            out.add(it.next().getPath().toUri().getPath().substring(prefix.length()));
        }
        out.sort(null);
        return out;
    }

    @Test
    void aDatasetCopiedToHdfsReadsAsLocally(@TempDir Path tmp) throws IOException {
        String uri = HDFS.root() + "/copied/multi";
        Path dataset = uploadedParquetCopy("multi-cell.h5", tmp, uri);
        assertEquals(LakeTotals.totals(local, dataset.toString()), LakeTotals.totals(remote, uri));
        assertEquals(LakeTotals.totals(local, dataset.toString()), LakeTotals.totals(remote, uri + "/"),
                "a trailing slash names the same folder");
        try (StoredDataset opened = remote.open(uri)) {
            assertEquals("parquet", opened.formatName());
            assertEquals(uri, opened.location());
        }
    }

    @Test
    void oneTableFileOnHdfsIsADatasetOfOneTable(@TempDir Path tmp) throws IOException {
        Path dataset = tmp.resolve("plain.parquet");
        LakeTotals.copy(local, fixture("plain.h5"), dataset.toString());
        String uri = HDFS.root() + "/single/cell-1.raw_data.parquet";
        HDFS.put(dataset.resolve("raw_data.parquet"), uri);
        Path alone = tmp.resolve("cell-1.raw_data.parquet");
        Files.copy(dataset.resolve("raw_data.parquet"), alone);
        assertEquals(LakeTotals.totals(local, alone.toString()), LakeTotals.totals(remote, uri));
    }

    @Test
    void aPyarrowWrittenFileReadsAsLocally() throws IOException {
        String shared = System.getProperty("battdat.shared");
        assumeTrue(shared != null, "battdat.shared is not set (run through Maven)");
        Path file = Path.of(shared, "fixtures", "battdat-examples",
                "single-resistor-complex-charge_from-discharged.raw_data.parquet");
        assumeTrue(Files.isRegularFile(file), "no pyarrow-written example at " + file);
        String uri = HDFS.root() + "/python/" + file.getFileName();
        HDFS.put(file, uri);
        assertEquals(LakeTotals.totals(local, file.toString()), LakeTotals.totals(remote, uri));
    }

    @Test
    void anOverwriteLeavesOnlyTheNewTablesAndAnAppendAddsOne(@TempDir Path tmp) throws IOException {
        String uri = HDFS.root() + "/replaced/cell.parquet";
        LakeTotals.copy(remote, fixture("with-cycle-stats.h5"), uri);
        assertEquals(List.of("cycle_stats.parquet", "raw_data.parquet"), remoteFiles(uri));
        LakeTotals.copy(remote, fixture("plain.h5"), uri);
        assertEquals(List.of("raw_data.parquet"), remoteFiles(uri), "the old cycle_stats is gone");
        Path plain = tmp.resolve("plain.parquet");
        LakeTotals.copy(local, fixture("plain.h5"), plain.toString());
        assertEquals(LakeTotals.totals(local, plain.toString()), LakeTotals.totals(remote, uri));

        // an append adds a table of another cell; the file it does not touch is not uploaded again
        long before = HDFS.fileSystem().getFileStatus(
                new org.apache.hadoop.fs.Path(uri + "/raw_data.parquet")).getModificationTime();
        try (StoredDataset source = local.open(plain.toString())) {
            var table = source.table("raw_data");
            DatasetSink sink = remote.registry().openSink(uri, WriteOptions.create(BatteryMetadata.fromJson(
                    source.metadataJson())).withMode(WriteMode.APPEND));
            var target = sink.createTable("cell_b/raw_data", table.layout(), table.schema(), table.rows());
            try (var cursor = source.openTable("raw_data", ReadOptions.DEFAULT)) {
                while (cursor.next()) {
                    target.append(cursor.batch(), 0, cursor.batch().rowCount());
                }
            }
            sink.close();
        }
        assertEquals(List.of("cell_b/raw_data.parquet", "raw_data.parquet"), remoteFiles(uri));
        assertEquals(before, HDFS.fileSystem().getFileStatus(
                new org.apache.hadoop.fs.Path(uri + "/raw_data.parquet")).getModificationTime());
        var totals = LakeTotals.totals(remote, uri);
        assertEquals(totals.get("raw_data"), totals.get("cell_b/raw_data"));
    }

    @Test
    void anOverwriteRefusesAFolderHoldingOtherFiles(@TempDir Path tmp) throws IOException {
        Path notes = Files.writeString(tmp.resolve("notes.txt"), "not a table");
        String uri = HDFS.root() + "/strangers/cell.parquet";
        HDFS.put(notes, uri + "/notes.txt");
        BattdatException e = assertThrows(BattdatException.class,
                () -> LakeTotals.copy(remote, fixture("plain.h5"), uri));
        assertTrue(e.getMessage().contains("notes.txt"), e.getMessage());
        assertEquals(List.of("notes.txt"), remoteFiles(uri));
    }

    @Test
    void anAbortedWriteLeavesNothing() throws IOException {
        String uri = HDFS.root() + "/aborted/cell.parquet";
        DatasetSink sink = remote.registry().openSink(uri, WriteOptions.create(BatteryMetadata.fromJson("{}")));
        sink.abort();
        assertEquals(List.of(), remoteFiles(uri));
    }

    @Test
    void aMissingTableIsAKeyErrorNamingTheUri(@TempDir Path tmp) throws IOException {
        String uri = HDFS.root() + "/keys/plain.parquet";
        uploadedParquetCopy("plain.h5", tmp, uri);
        try (StoredDataset opened = remote.open(uri)) {
            KeyNotFoundException e = assertThrows(KeyNotFoundException.class,
                    () -> opened.openTable("cycle_stats", ReadOptions.DEFAULT));
            assertTrue(e.getMessage().startsWith(uri + ": "), e.getMessage());
            assertTrue(e.getMessage().contains("cycle_stats"), e.getMessage());
        }
    }
}
