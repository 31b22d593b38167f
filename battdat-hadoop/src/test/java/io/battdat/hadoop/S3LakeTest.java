package io.battdat.hadoop;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import io.battdat.api.BattdatException;
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
 * The engine on s3a:// through hadoop-aws against an in-process S3-compatible server (Adobe's S3Mock): fixtures
 * written through staging uploads read back with the totals of local reads; missing files and buckets are typed
 * errors naming the URI. One server serves the class.
 */
class S3LakeTest {
    static {
        // Hadoop's shaded client registers its relocated Woodstox as the StAX provider; S3Mock's Jackson XML needs the
        // real one, which it brings
        System.setProperty("javax.xml.stream.XMLInputFactory", "com.ctc.wstx.stax.WstxInputFactory");
        System.setProperty("javax.xml.stream.XMLOutputFactory", "com.ctc.wstx.stax.WstxOutputFactory");
    }

    @RegisterExtension
    static final S3MockExtension S3 = new S3MockExtension.Builder().withSecureConnection(false)
            .withInitialBuckets("lake").silent().build();

    private static BattdatEngine engine;
    private static BattdatEngine local;

    @BeforeAll
    static void engines() {
        assumeTrue(Files.isDirectory(LakeTotals.fixtures()), "fixtures not found at " + LakeTotals.fixtures());
        Configuration conf = new Configuration();
        conf.set("fs.s3a.endpoint", "http://127.0.0.1:" + S3.getHttpPort());
        conf.set("fs.s3a.endpoint.region", "us-east-1");
        conf.set("fs.s3a.path.style.access", "true");
        conf.set("fs.s3a.connection.ssl.enabled", "false");
        conf.set("fs.s3a.access.key", "battdat");
        conf.set("fs.s3a.secret.key", "battdat-secret");
        conf.set("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
        conf.set("fs.s3a.attempts.maximum", "1");
        conf.set("fs.s3a.retry.limit", "1");
        StorageRegistry plain = StorageRegistry.discover(S3LakeTest.class.getClassLoader());
        engine = new BattdatEngine(plain.withStorage(List.of(HadoopStorage.builder().configuration(conf)
                .retries(1, Duration.ofMillis(10)).build())), ReadOptions.DEFAULT);
        local = new BattdatEngine(plain, ReadOptions.DEFAULT);
    }

    @Test
    void fixturesUploadedThroughStagingReadBackWithLocalTotals(@TempDir Path tmp) throws Exception {
        for (String name : List.of("plain.h5", "multi-cell.h5", "with-cycle-stats.h5")) {
            Path source = LakeTotals.fixtures().resolve(name);
            Path localCopy = tmp.resolve(name);
            LakeTotals.copy(local, source.toString(), localCopy.toString());
            String uri = "s3a://lake/cells/" + name.replace(".h5", "") + "/" + name;
            LakeTotals.copy(engine, source.toString(), uri);
            assertEquals(LakeTotals.totals(local, localCopy.toString()), LakeTotals.totals(engine, uri), uri);
            Path back = tmp.resolve("back-" + name);
            LakeTotals.copy(engine, uri, back.toString());
            assertEquals(LakeTotals.totals(local, localCopy.toString()), LakeTotals.totals(local, back.toString()));
        }
        HadoopStorage storage = (HadoopStorage) engine.registry().storageFor("s3a://lake/");
        assertEquals(List.of("s3a://lake/cells/plain/plain.h5"), storage.list("s3a://lake/cells/plain/*.h5"));
        // Not asserted: a recursive listing (cells/**/*.h5) of this test server returned only the first of the three
        // objects, both as one flat listing and folder by folder; the cause (server or client) is not known yet.
    }

    @Test
    void aMissingObjectIsNamedByItsUri() {
        String uri = "s3a://lake/nope/missing.h5";
        FileAccessException e = assertThrows(FileAccessException.class, () -> engine.open(uri));
        assertEquals(uri + ": no such file", e.getMessage());
    }

    @Test
    void aMissingBucketIsATypedErrorNamingTheUri() {
        String uri = "s3a://no-such-bucket/a.h5";
        BattdatException e = assertThrows(FileAccessException.class, () -> engine.open(uri));
        assertTrue(e.getMessage().startsWith(uri + ": no such bucket"), e.getMessage());
    }
}
