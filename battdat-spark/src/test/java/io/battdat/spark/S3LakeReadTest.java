package io.battdat.spark;

import io.battdat.hadoop.S3TestServer;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A lake on s3a:// ({@link RemoteLakeReadContract}) against an in-process S3 server, reached through the session's
 * Hadoop configuration as a job would set it ({@code spark.hadoop.fs.s3a.*}). One server serves the class.
 */
class S3LakeReadTest extends RemoteLakeReadContract {
    private static final String BUCKET = "lake";
    @RegisterExtension
    static final S3TestServer server = S3TestServer.withBuckets(BUCKET);
    private static Map<String, String> settings;
    @TempDir
    static Path tmp;

    @BeforeAll
    static void setUp() throws Exception {
        settings = server.s3aSettings(S3TestServer.ACCESS_KEY, S3TestServer.SECRET_KEY);
        Configuration conf = TestingSpark.spark().sparkContext().hadoopConfiguration();
        settings.forEach(conf::set);
        new S3LakeReadTest().putLake(tmp);
    }

    @AfterAll
    static void removeSettings() {
        if (settings != null) {
            Configuration conf = TestingSpark.spark().sparkContext().hadoopConfiguration();
            settings.keySet().forEach(conf::unset);
        }
    }

    @Override
    String root() {
        return "s3a://" + BUCKET;
    }

    @Override
    Path localLake() {
        return tmp.resolve("lake");
    }

    @Override
    void put(Path local, String uri) throws Exception {
        server.put(BUCKET, uri.substring(root().length() + 1), local);
    }

    @Override
    List<String> namesIn(String folderUri) {
        String prefix = folderUri.substring(root().length() + 1) + "/";
        List<String> out = new ArrayList<>();
        for (String key : server.keys(BUCKET, prefix)) {
            out.add(key.substring(prefix.length()));
        }
        return out;
    }
}
