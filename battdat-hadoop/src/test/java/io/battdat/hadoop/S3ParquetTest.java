package io.battdat.hadoop;

import io.battdat.api.FileAccessException;
import io.battdat.streaming.BattdatEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Parquet dataset folders on s3a:// (hadoop-aws against the in-process S3 server): written through staging uploads,
 * one object per table, and read back with the totals of the local copy; a missing folder is a typed error naming
 * the URI.
 */
class S3ParquetTest {
    @RegisterExtension
    static final S3TestServer S3 = S3TestServer.withBuckets("parquet-lake");

    private static BattdatEngine remote;
    private static BattdatEngine local;

    @BeforeAll
    static void engines() {
        assumeTrue(Files.isDirectory(LakeTotals.fixtures()), "fixtures not found at " + LakeTotals.fixtures());
        remote = LakeTotals.remoteEngine(HadoopStorage.builder().configuration(S3.configuration())
                .retries(1, Duration.ofMillis(10)).build());
        local = LakeTotals.localEngine();
    }

    @Test
    void aDatasetWrittenToS3ReadsBackWithTheTotalsOfTheLocalCopy(@TempDir Path tmp) {
        String fixture = LakeTotals.fixtures().resolve("with-cycle-stats.h5").toString();
        Path localCopy = tmp.resolve("with-cycle-stats.parquet");
        LakeTotals.copy(local, fixture, localCopy.toString());
        String uri = "s3a://parquet-lake/cells/with-cycle-stats.parquet";
        LakeTotals.copy(remote, fixture, uri);
        assertEquals(LakeTotals.totals(local, localCopy.toString()), LakeTotals.totals(remote, uri), uri);
        assertTrue(remote.registry().storageFor(uri).exists(uri + "/raw_data.parquet"));
        assertTrue(remote.registry().storageFor(uri).exists(uri + "/cycle_stats.parquet"));
    }

    @Test
    void aMissingFolderIsNamedByItsUri() {
        String uri = "s3a://parquet-lake/nowhere/cell.parquet";
        FileAccessException e = assertThrows(FileAccessException.class, () -> remote.open(uri));
        assertEquals(uri + ": no such file", e.getMessage());
    }
}
