package io.battdat.hadoop;

import org.apache.hadoop.conf.Configuration;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.TransientApiMetadata;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.options.ListContainerOptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An S3-compatible server in the test's JVM: S3Proxy over jclouds' in-memory blob store, which checks request
 * signatures, behind a loopback relay that can cut object reads short to test dropped connections. A JUnit extension:
 * registered on a static field ({@code @RegisterExtension static final S3TestServer S3 = S3TestServer.withBuckets(...)})
 * it starts before the class's {@code @BeforeAll} methods and stops after the class. It listens on 127.0.0.1 only.
 *
 * <p>Shared with the tests of battdat-cli and battdat-spark through this module's test jar.
 */
public final class S3TestServer implements BeforeAllCallback, AfterAllCallback {
    /** The access key the server accepts. */
    public static final String ACCESS_KEY = "battdat-test";
    /** The secret key the server accepts. */
    public static final String SECRET_KEY = "battdat-test-secret";

    static {
        // Hadoop's shaded client registers its relocated Woodstox as the JVM's StAX provider; S3Proxy's Jackson XML
        // binding needs the unrelocated one, which it brings
        System.setProperty("javax.xml.stream.XMLInputFactory", "com.ctc.wstx.stax.WstxInputFactory");
        System.setProperty("javax.xml.stream.XMLOutputFactory", "com.ctc.wstx.stax.WstxOutputFactory");
    }

    private final List<String> buckets;
    private final boolean relayed;
    private BlobStoreContext context;
    private S3Proxy proxy;
    private Relay relay;

    private S3TestServer(List<String> buckets, boolean relayed) {
        this.buckets = buckets;
        this.relayed = relayed;
    }

    /** A server that will hold these empty buckets. */
    public static S3TestServer withBuckets(String... buckets) {
        return new S3TestServer(List.of(buckets), true);
    }

    /**
     * This server without the relay: clients talk to it directly. For the read benchmark, where the relay's copy of
     * every byte would be CPU taken from the reader that no real store costs it; {@link #dropReads} needs the relay.
     */
    public S3TestServer direct() {
        return new S3TestServer(buckets, false);
    }

    @Override
    public void beforeAll(ExtensionContext extension) throws Exception {
        // named by its metadata, not by id: an id is looked up among every provider on the class path, and S3Proxy
        // registers some whose libraries the tests leave out
        context = ContextBuilder.newBuilder(new TransientApiMetadata())
                .credentials(ACCESS_KEY, SECRET_KEY).build(BlobStoreContext.class);
        proxy = S3Proxy.builder().blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        while (!AbstractLifeCycle.STARTED.equals(proxy.getState())) {
            Thread.sleep(10);
        }
        for (String bucket : buckets) {
            context.getBlobStore().createContainerInLocation(null, bucket);
        }
        if (relayed) {
            relay = new Relay(proxy.getPort());
        }
    }

    /** The endpoint clients use (the relay's, unless {@link #direct()}). */
    public String endpoint() {
        return "http://127.0.0.1:" + (relay != null ? relay.port() : proxy.getPort());
    }

    /** An s3a configuration for this server with the accepted credentials. */
    public Configuration configuration() {
        return configuration(ACCESS_KEY, SECRET_KEY);
    }

    /** An s3a configuration for this server with the given credentials, failing fast (one attempt per request). */
    public Configuration configuration(String accessKey, String secretKey) {
        Configuration conf = new Configuration(); // with Hadoop's defaults, which map s3a to its file system
        s3aSettings(accessKey, secretKey).forEach(conf::set);
        return conf;
    }

    /** The s3a settings of {@link #configuration(String, String)} as properties (for a Spark session). */
    public Map<String, String> s3aSettings(String accessKey, String secretKey) {
        return Map.ofEntries(
                Map.entry("fs.s3a.endpoint", endpoint()),
                Map.entry("fs.s3a.endpoint.region", "us-east-1"),
                Map.entry("fs.s3a.path.style.access", "true"),
                Map.entry("fs.s3a.connection.ssl.enabled", "false"),
                Map.entry("fs.s3a.access.key", accessKey),
                Map.entry("fs.s3a.secret.key", secretKey),
                Map.entry("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider"),
                // s3a's own retries stay short, so the tests see ours (HadoopStorage, HadoopSource) at work
                Map.entry("fs.s3a.attempts.maximum", "1"),
                Map.entry("fs.s3a.retry.limit", "1"),
                Map.entry("fs.s3a.retry.interval", "10ms"),
                Map.entry("fs.s3a.retry.throttle.limit", "1"),
                Map.entry("fs.s3a.retry.throttle.interval", "10ms"),
                // each test class has its own server: no cached file system may outlive it
                Map.entry("fs.s3a.impl.disable.cache", "true"));
    }

    /** Writes {@link #configuration()} as a {@code core-site.xml} in this folder (for the CLI's --hadoop-conf). */
    public Path writeCoreSite(Path folder) throws IOException {
        Files.createDirectories(folder);
        try (OutputStream out = Files.newOutputStream(folder.resolve("core-site.xml"))) {
            configuration().writeXml(out);
        }
        return folder;
    }

    /** Stores a local file as an object, bypassing s3a (test set-up). */
    public void put(String bucket, String key, Path file) throws IOException {
        BlobStore store = context.getBlobStore();
        store.putBlob(bucket, store.blobBuilder(key).payload(Files.readAllBytes(file)).build());
    }

    /** Every object key under a prefix, as the blob store itself holds them, sorted. */
    public List<String> keys(String bucket, String prefix) {
        List<String> out = new ArrayList<>();
        for (StorageMetadata m : context.getBlobStore().list(bucket, ListContainerOptions.Builder.prefix(prefix)
                .recursive())) {
            out.add(m.getName());
        }
        out.sort(null);
        return out;
    }

    /**
     * Cuts the next {@code count} object reads (GET requests for a key) after {@code afterBytes} bytes of their
     * response, as a network that drops the connection mid-read.
     */
    public void dropReads(int count, int afterBytes) {
        if (relay == null) {
            throw new IllegalStateException("a direct server has no relay to drop reads");
        }
        relay.arm(count, afterBytes);
    }

    /** How many reads were cut since the server started. */
    public int droppedReads() {
        return relay == null ? 0 : relay.dropped.get();
    }

    @Override
    public void afterAll(ExtensionContext extension) throws Exception {
        if (relay != null) {
            relay.close();
        }
        if (proxy != null) {
            proxy.stop();
        }
        if (context != null) {
            context.close();
        }
    }

    /**
     * A loopback TCP relay in front of the server. It reads the request line of each request the client sends; while
     * armed, the response to a GET of an object (not a listing) is cut after a number of bytes by closing both sides.
     */
    private static final class Relay implements AutoCloseable {
        private final int target;
        private final ServerSocket server;
        private final ExecutorService pumps = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "s3-test-relay");
            t.setDaemon(true);
            return t;
        });
        private final AtomicInteger toDrop = new AtomicInteger();
        private final AtomicInteger dropped = new AtomicInteger();
        private volatile int dropAfter;

        Relay(int target) throws IOException {
            this.target = target;
            this.server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            pumps.execute(this::accept);
        }

        int port() {
            return server.getLocalPort();
        }

        void arm(int count, int afterBytes) {
            dropAfter = afterBytes;
            toDrop.set(count);
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                    Exchange exchange = new Exchange(this, client, upstream, new AtomicBoolean());
                    pumps.execute(exchange::requests);
                    pumps.execute(exchange::responses);
                } catch (IOException e) {
                    if (!server.isClosed()) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }

        /**
         * One client connection and its upstream connection; {@code cutThisResponse} is set by the request side when
         * a request to be cut starts, and the response side then counts that response's bytes.
         */
        private record Exchange(Relay relay, Socket client, Socket upstream, AtomicBoolean cutThisResponse) {

            void requests() {
                byte[] buffer = new byte[64 * 1024];
                try (InputStream in = client.getInputStream(); OutputStream out = upstream.getOutputStream()) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        if (isObjectRead(buffer, n) && relay.toDrop.getAndUpdate(c -> Math.max(0, c - 1)) > 0) {
                            cutThisResponse.set(true);
                        }
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                } catch (IOException e) {
                    // the other side closed: so does this one
                } finally {
                    closeBoth();
                }
            }

            void responses() {
                byte[] buffer = new byte[8 * 1024];
                long sent = 0;
                try (InputStream in = upstream.getInputStream(); OutputStream out = client.getOutputStream()) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        boolean cut = cutThisResponse.get();
                        if (cut && sent + n > relay.dropAfter) {
                            out.write(buffer, 0, (int) Math.max(0, relay.dropAfter - sent));
                            out.flush();
                            relay.dropped.incrementAndGet();
                            return;
                        }
                        sent = cut ? sent + n : 0;
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                } catch (IOException e) {
                    // the other side closed: so does this one
                } finally {
                    closeBoth();
                }
            }

            private void closeBoth() {
                for (Socket socket : new Socket[] {client, upstream}) {
                    try {
                        socket.close();
                    } catch (IOException ignore) {
                        // closing anyway
                    }
                }
            }
        }

        /** A GET of an object: the request line names a key (a path below the bucket) and no listing query. */
        private static boolean isObjectRead(byte[] buffer, int length) {
            String head = new String(buffer, 0, Math.min(length, 512), StandardCharsets.ISO_8859_1);
            if (!head.startsWith("GET /")) {
                return false;
            }
            int end = head.indexOf(' ', 5);
            String target = end < 0 ? head.substring(4) : head.substring(4, end);
            String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
            return path.indexOf('/', 1) > 0 && path.indexOf('/', 1) < path.length() - 1 && !target.contains("list-type");
        }

        @Override
        public void close() throws IOException {
            server.close();
            pumps.shutdownNow();
        }
    }
}
