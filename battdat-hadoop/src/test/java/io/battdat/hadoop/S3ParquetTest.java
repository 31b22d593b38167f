package io.battdat.hadoop;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import io.battdat.api.FileAccessException;
import io.battdat.api.spi.ReadOptions;
import io.battdat.streaming.BattdatEngine;
import io.battdat.streaming.StorageRegistry;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Parquet dataset folders on s3a:// (hadoop-aws against Adobe's S3Mock in-process, set up as in S3LakeTest): written
 * through staging uploads, one object per table, and read back with the totals of the local copy; a missing folder
 * is a typed error naming the URI. Datasets of several tables are left to HDFS (HdfsParquetTest): this server's
 * listings return only the first object of a folder (see S3LakeTest).
 */
class S3ParquetTest {
    static {
        // as in S3LakeTest: S3Mock's Jackson XML needs the real Woodstox, not Hadoop's relocated one
        System.setProperty("javax.xml.stream.XMLInputFactory", "com.ctc.wstx.stax.WstxInputFactory");
        System.setProperty("javax.xml.stream.XMLOutputFactory", "com.ctc.wstx.stax.WstxOutputFactory");
    }

    @RegisterExtension
    static final S3MockExtension S3 = new S3MockExtension.Builder().withSecureConnection(false)
            .withInitialBuckets("parquet-lake").silent().build();

    private static BattdatEngine remote;
    private static BattdatEngine local;

    @BeforeAll
    static void engines() {
        assumeTrue(Files.isDirectory(LakeTotals.fixtures()), "fixtures not found at " + LakeTotals.fixtures());
        Configuration conf = new Configuration();
        for (String[] setting : new String[][] {
                {"fs.s3a.endpoint", "http://127.0.0.1:" + S3.getHttpPort()}, {"fs.s3a.endpoint.region", "us-east-1"},
                {"fs.s3a.path.style.access", "true"}, {"fs.s3a.connection.ssl.enabled", "false"},
                {"fs.s3a.access.key", "battdat"}, {"fs.s3a.secret.key", "battdat-secret"},
                {"fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider"},
                {"fs.s3a.attempts.maximum", "1"}, {"fs.s3a.retry.limit", "1"}}) {
            conf.set(setting[0], setting[1]);
        }
        StorageRegistry registry = StorageRegistry.discover(S3ParquetTest.class.getClassLoader());
        remote = new BattdatEngine(registry.withStorage(List.of(HadoopStorage.builder().configuration(conf)
                .retries(1, Duration.ofMillis(10)).build())), ReadOptions.DEFAULT);
        local = new BattdatEngine(registry, ReadOptions.DEFAULT);
    }

    @Test
    void aDatasetWrittenToS3ReadsBackWithTheTotalsOfTheLocalCopy(@TempDir Path tmp) {
        // one table only: a read of a two-table dataset (with-cycle-stats.h5) found cycle_stats and not raw_data,
        // as this server's listings returned only a folder's first object (the fault S3LakeTest notes)
        String fixture = LakeTotals.fixtures().resolve("plain.h5").toString();
        Path localCopy = tmp.resolve("plain.parquet");
        LakeTotals.copy(local, fixture, localCopy.toString());
        String uri = "s3a://parquet-lake/cells/plain.parquet";
        LakeTotals.copy(remote, fixture, uri);
        assertEquals(LakeTotals.totals(local, localCopy.toString()), LakeTotals.totals(remote, uri), uri);
        assertTrue(remote.registry().storageFor(uri).exists(uri + "/raw_data.parquet"));
    }

    @Test
    void aMissingFolderIsNamedByItsUri() {
        String uri = "s3a://parquet-lake/nowhere/cell.parquet";
        FileAccessException e = assertThrows(FileAccessException.class, () -> remote.open(uri));
        assertEquals(uri + ": no such file", e.getMessage());
    }
}
