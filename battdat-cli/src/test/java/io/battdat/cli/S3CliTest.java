package io.battdat.cli;

import io.battdat.hadoop.S3TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The commands on s3a:// URIs ({@link RemoteCliContract}) against an in-process S3 server, plus a conversion written
 * straight to S3 and the errors only object stores have. One server serves the class.
 */
class S3CliTest extends RemoteCliContract {
    @RegisterExtension
    static final S3TestServer server = S3TestServer.withBuckets("lake");

    @Override
    String root() {
        return "s3a://lake";
    }

    @Override
    void writeHadoopConf(Path folder) throws Exception {
        server.writeCoreSite(folder);
    }

    @Override
    void put(Path local, String uri) throws Exception {
        server.put("lake", uri.substring(root().length() + 1), local);
    }

    @Test
    void convertWritesStraightToS3(@TempDir Path tmp) throws Exception {
        Path csv = Files.writeString(tmp.resolve("cell7.csv"), ConvertTest.ARBIN_HEADER
                + "1,0.0,1499006353,1,1,0.5,3.3\r\n2,0.1,1499006353,1,1,0.5,3.31\r\n"
                + "3,0.2,1499006353,2,2,-0.5,3.3\r\n", StandardCharsets.UTF_8);
        Path local = tmp.resolve("local.h5");
        assertEquals(0, Cli.run("convert", csv.toString(), "--out", local.toString(), "--quiet").status());
        String uri = root() + "/converted/cell7.h5";
        Cli r = run("convert", csv.toString(), "--out", uri, "--quiet");
        assertEquals(0, r.status(), r.err());
        assertEquals(java.util.List.of("converted/cell7.h5"), server.keys("lake", "converted/"));
        assertEquals(Cli.run("facts", local.toString()).out().replace(local.toString(), uri), run("facts", uri).out());
    }

    @Test
    void aMissingBucketIsOneLineNamingTheUri() {
        String uri = "s3a://no-such-bucket/a.h5";
        Cli r = run("inspect", uri);
        assertEquals(1, r.status());
        assertTrue(r.err().contains(uri + ": no such bucket"), r.err());
    }

    @Test
    void refusedCredentialsAreOneLineNamingTheUri(@TempDir Path tmp) throws Exception {
        Path wrong = Files.createDirectories(tmp.resolve("wrong"));
        try (var out = Files.newOutputStream(wrong.resolve("core-site.xml"))) {
            server.configuration(S3TestServer.ACCESS_KEY, "not-the-secret").writeXml(out);
        }
        String uri = root() + "/lake/plain.h5";
        Cli r = runWith(wrong, "inspect", uri);
        assertEquals(1, r.status());
        assertTrue(r.err().contains(uri + ": access denied"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }
}
