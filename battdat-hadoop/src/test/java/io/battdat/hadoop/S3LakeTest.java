package io.battdat.hadoop;

import io.battdat.api.FileAccessException;
import io.battdat.streaming.BattdatEngine;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The remote-store contract ({@link RemoteLakeContract}) on {@code s3a://} through hadoop-aws against an in-process
 * S3 server ({@link S3TestServer}), and the errors only object stores have: a missing bucket, refused credentials, a
 * connection dropped mid-read. One server serves the class.
 */
class S3LakeTest extends RemoteLakeContract {
    private static final String BUCKET = "lake";
    @RegisterExtension
    static final S3TestServer server = S3TestServer.withBuckets(BUCKET);
    private static BattdatEngine engine;

    @BeforeAll
    static void setUp() throws Exception {
        assumeTrue(Files.isDirectory(LakeTotals.fixtures()), "fixtures not found at " + LakeTotals.fixtures());
        engine = engineWith(server.configuration());
        new S3LakeTest().putFixtures("s3a://" + BUCKET);
    }

    private static BattdatEngine engineWith(Configuration conf) {
        return LakeTotals.remoteEngine(HadoopStorage.builder().configuration(conf).blockSize(64 * 1024)
                .retries(3, Duration.ofMillis(10)).build());
    }

    @Override
    String root() {
        return "s3a://" + BUCKET;
    }

    @Override
    BattdatEngine engine() {
        return engine;
    }

    @Override
    void put(Path local, String uri) throws Exception {
        server.put(BUCKET, uri.substring(root().length() + 1), local);
    }

    @Override
    boolean storedAt(String uri) {
        return !server.keys(BUCKET, uri.substring(root().length() + 1)).isEmpty();
    }

    @Test
    void aMissingBucketIsATypedErrorNamingTheUri() {
        String uri = "s3a://no-such-bucket/a.h5";
        FileAccessException e = assertThrows(FileAccessException.class, () -> engine.open(uri));
        assertTrue(e.getMessage().startsWith(uri + ": no such bucket"), e.getMessage());
    }

    @Test
    void refusedCredentialsAreATypedErrorNamingTheUri() {
        String uri = root() + "/lake/plain.h5";
        for (Configuration wrong : new Configuration[] {
                server.configuration(S3TestServer.ACCESS_KEY, "not-the-secret"),
                server.configuration("unknown-key", S3TestServer.SECRET_KEY)}) {
            FileAccessException e = assertThrows(FileAccessException.class, () -> engineWith(wrong).open(uri));
            assertTrue(e.getMessage().startsWith(uri + ": access denied"), e.getMessage());
        }
    }

    @Test
    void aConnectionDroppedMidReadIsRetried() {
        String uri = root() + "/lake/multi-cell.h5";
        Map<String, String> expected = LakeTotals.totals(engine, uri);
        int before = server.droppedReads();
        server.dropReads(3, 0);
        assertEquals(expected, LakeTotals.totals(engine, uri));
        assertEquals(before + 3, server.droppedReads(), "the reads were cut, and the retries read the bytes");
    }

    @Test
    void aConnectionThatKeepsDroppingIsATypedErrorNamingTheUri() {
        String uri = root() + "/lake/plain.h5";
        // cut before any byte: a cut after some bytes lets s3a resume where it stopped, so every request progresses
        server.dropReads(Integer.MAX_VALUE, 0);
        try {
            FileAccessException e = assertThrows(FileAccessException.class, () -> LakeTotals.totals(engine, uri));
            assertTrue(e.getMessage().startsWith(uri + ": ") && e.getMessage().contains("after 4 attempts"),
                    e.getMessage());
        } finally {
            server.dropReads(0, 0);
        }
    }
}
