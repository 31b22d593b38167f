package io.battdat.hadoop;

import io.battdat.api.BattdatException;
import io.battdat.api.ErrorLocation;
import io.battdat.api.FileAccessException;
import io.battdat.api.InvalidUseException;
import io.battdat.api.spi.RandomAccessSource;
import io.battdat.api.spi.Spi;
import io.battdat.api.spi.StorageProvider;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Battdat files on any file system Hadoop's {@link FileSystem} API reaches: {@code hdfs://}, {@code s3a://},
 * {@code abfs://}, {@code gs://} and the others listed by {@link #schemes()}, each needing its Hadoop connector on the
 * class path ({@code hadoop-aws} for {@code s3a}). Found by the engine through {@link java.util.ServiceLoader}.
 *
 * <p>The service instance reads Hadoop's configuration files ({@code core-site.xml}, {@code hdfs-site.xml}) from the
 * folder named by the system property {@value #CONF_DIR_PROPERTY}, else by the {@code HADOOP_CONF_DIR} environment
 * variable. Hosts with a configuration of their own (a Spark job) build an instance with {@link #builder()}.
 *
 * <p>Reads are positional and block-aligned with read-ahead ({@link HadoopSource}); writes go to a local staging
 * file uploaded when committed ({@link HadoopStagedOutput}).
 */
public final class HadoopStorage implements StorageProvider {
    private static final Logger LOG = LoggerFactory.getLogger(HadoopStorage.class);
    /** System property naming a folder of Hadoop configuration files; the CLI's {@code --hadoop-conf} sets it. */
    public static final String CONF_DIR_PROPERTY = "battdat.hadoop.conf.dir";
    private static final List<String> SCHEMES = List.of("hdfs", "webhdfs", "viewfs", "s3a", "abfs", "abfss", "gs",
            "wasb", "wasbs", "o3fs", "ofs");

    private final Settings settings;

    /** Service constructor: Hadoop's configuration from {@value #CONF_DIR_PROPERTY} or {@code HADOOP_CONF_DIR}. */
    public HadoopStorage() {
        this(new Builder());
    }

    private HadoopStorage(Builder b) {
        this.settings = new Settings(new ConfigurationSource(b.configuration), b.schemes, b.blockSize, b.readAhead,
                b.cachedBlocks, b.retries, b.retryDelay, b.simulatedLatency, b.stagingDirectory);
    }

    HadoopStorage(Settings settings) {
        this.settings = settings;
    }

    /** A builder, to give a configuration of one's own or tune reads. */
    public static Builder builder() {
        return new Builder();
    }

    /** The settings its sources share (for tests of this package). */
    Settings settings() {
        return settings;
    }

    @Override
    public String name() {
        return "hadoop";
    }

    @Override
    public List<String> schemes() {
        return settings.schemes;
    }

    /** The Hadoop configuration this provider uses. */
    public Configuration configuration() {
        return settings.configuration();
    }

    @Override
    public RandomAccessSource open(String uri) {
        org.apache.hadoop.fs.Path path = pathOf(uri);
        FileSystem fs = fileSystem(uri, path);
        FileStatus status = withRetries(uri, "cannot read", () -> fs.getFileStatus(path));
        if (status.isDirectory()) {
            throw new FileAccessException(ErrorLocation.NONE, "is a directory, not a file", null).withLocation(uri);
        }
        HadoopSource.Opener opener = () -> org.apache.hadoop.util.functional.FutureIO.awaitFuture(fs.openFile(path)
                .withFileStatus(status)
                // the reader jumps between index nodes and chunks: ask stores not to prefetch the whole object
                .opt("fs.option.openfile.read.policy", "random")
                .build());
        FSDataInputStream in = withRetries(uri, "cannot open", opener::open);
        LOG.debug("opened {} ({} bytes)", uri, status.getLen());
        return new HadoopSource(uri, status.getLen(), in, opener, settings);
    }

    @Override
    public boolean exists(String uri) {
        org.apache.hadoop.fs.Path path = pathOf(uri);
        FileSystem fs = fileSystem(uri, path);
        return withRetries(uri, "cannot look up", () -> {
            try {
                fs.getFileStatus(path);
                return true;
            } catch (FileNotFoundException e) {
                if (isUnknownStore(e)) {
                    throw e;
                }
                return false;
            }
        });
    }

    @Override
    public List<String> list(String pattern) {
        int wild = firstWildcard(pattern);
        if (wild < 0) {
            return exists(pattern) ? List.of(pattern) : List.of();
        }
        int slash = pattern.lastIndexOf('/', wild);
        String base = pattern.substring(0, slash + 1);
        String rest = pattern.substring(slash + 1);
        Pattern matcher = Pattern.compile(globRegex(rest));
        org.apache.hadoop.fs.Path basePath = pathOf(base);
        FileSystem fs = fileSystem(pattern, basePath);
        boolean recursive = rest.contains("**") || rest.contains("/");
        List<String> out = withRetries(pattern, "cannot list", () -> {
            List<String> found = new ArrayList<>();
            String baseText = fs.makeQualified(basePath).toUri().getPath();
            String prefix = baseText.endsWith("/") ? baseText : baseText + "/";
            RemoteIterator<LocatedFileStatus> it;
            try {
                it = fs.listFiles(basePath, recursive);
            } catch (FileNotFoundException e) {
                if (isUnknownStore(e)) {
                    throw e;
                }
                return found; // no such folder: nothing matches
            }
            while (it.hasNext()) {
                LocatedFileStatus st = it.next();
                String full = st.getPath().toUri().getPath();
                if (!full.startsWith(prefix)) {
                    continue;
                }
                String relative = full.substring(prefix.length());
                if (matcher.matcher(relative).matches()) {
                    found.add(base + relative);
                }
            }
            return found;
        });
        Collections.sort(out);
        return out;
    }

    /** Index of the first glob character, or -1. */
    static int firstWildcard(String pattern) {
        int at = -1;
        for (char c : new char[] {'*', '?', '[', '{'}) {
            int i = pattern.indexOf(c);
            if (i >= 0 && (at < 0 || i < at)) {
                at = i;
            }
        }
        return at;
    }

    /** {@code **} spans directories (none included), {@code *} and {@code ?} stay within one segment. */
    static String globRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                boolean slashAfter = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                re.append(slashAfter ? "(?:.*/)?" : ".*");
                i += slashAfter ? 2 : 1;
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }

    @Override
    public void delete(String uri) {
        org.apache.hadoop.fs.Path path = pathOf(uri);
        FileSystem fs = fileSystem(uri, path);
        withRetries(uri, "cannot delete", () -> {
            try {
                return fs.delete(path, false);
            } catch (FileNotFoundException e) {
                return false;
            }
        });
    }

    @Override
    public StagedOutput create(String uri) {
        org.apache.hadoop.fs.Path path = pathOf(uri);
        FileSystem fs = fileSystem(uri, path);
        return HadoopStagedOutput.create(uri, fs, path, settings);
    }

    @Override
    public int spiVersion() {
        return Spi.VERSION;
    }

    /** A Hadoop path of a URI as written; the URI text is kept for messages. */
    static org.apache.hadoop.fs.Path pathOf(String uri) {
        try {
            return new org.apache.hadoop.fs.Path(new URI(uri.replace(" ", "%20")));
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            throw new InvalidUseException("not a valid URI: " + uri + ": " + e.getMessage());
        }
    }

    private FileSystem fileSystem(String uri, org.apache.hadoop.fs.Path path) {
        return withRetries(uri, "cannot reach the file system", () -> path.getFileSystem(settings.configuration()));
    }

    /** An I/O action of Hadoop's. */
    interface IoAction<T> {
        T run() throws IOException;
    }

    /** Runs an action, retrying transient failures a bounded number of times; failures name the URI. */
    <T> T withRetries(String uri, String what, IoAction<T> action) {
        IOException last = null;
        for (int attempt = 0; attempt <= settings.retries(); attempt++) {
            try {
                settings.simulateLatency();
                return action.run();
            } catch (InterruptedIOException e) {
                Thread.currentThread().interrupt();
                throw new FileAccessException(ErrorLocation.NONE, "interrupted", e).withLocation(uri);
            } catch (IOException e) {
                BattdatException permanent = permanent(e, uri);
                if (permanent != null) {
                    throw permanent;
                }
                last = e;
                if (attempt < settings.retries()) {
                    LOG.warn("{}: {} ({}); retry {} of {}", uri, what, e.toString(), attempt + 1, settings.retries());
                    settings.backOff(attempt);
                }
            } catch (RuntimeException e) {
                // Hadoop reports some configuration problems (a missing connector class, a bad host) unchecked
                throw new FileAccessException(ErrorLocation.NONE, what + ": " + firstLine(e), e).withLocation(uri);
            }
        }
        throw new FileAccessException(ErrorLocation.NONE, what + " after " + (settings.retries() + 1) + " attempts: "
                + firstLine(last), last).withLocation(uri);
    }

    /** The typed error of a failure no retry can mend (missing file or bucket, denied access), else null. */
    static BattdatException permanent(IOException e, String uri) {
        if (isUnknownStore(e)) {
            return new FileAccessException(ErrorLocation.NONE, "no such bucket or store: " + firstLine(e), e)
                    .withLocation(uri);
        }
        if (e instanceof FileNotFoundException) {
            return new FileAccessException(ErrorLocation.NONE, "no such file", e).withLocation(uri);
        }
        if (e instanceof java.nio.file.AccessDeniedException
                || e instanceof org.apache.hadoop.security.AccessControlException
                || e.getClass().getSimpleName().contains("Credential")) {
            return new FileAccessException(ErrorLocation.NONE, "access denied (check credentials and permissions): "
                    + firstLine(e), e).withLocation(uri);
        }
        if (e instanceof org.apache.hadoop.fs.UnsupportedFileSystemException) {
            return new FileAccessException(ErrorLocation.NONE, "no Hadoop file system for this scheme: " + firstLine(e)
                    + "; add its connector (hadoop-aws for s3a) to the class path", e).withLocation(uri);
        }
        return null;
    }

    /**
     * A connection that closed before the server answered or mid-answer. s3a reports it as an {@link
     * java.io.EOFException} subclass, which is not the file's end: it is retried like any other network failure.
     * Found by name so this module does not depend on hadoop-aws.
     */
    static boolean isDroppedConnection(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals("HttpChannelEOFException")) {
                return true;
            }
        }
        return false;
    }

    /** s3a's missing-bucket error, found by name so this module does not depend on hadoop-aws. */
    private static boolean isUnknownStore(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals("UnknownStoreException")
                    || t.getClass().getSimpleName().equals("NoSuchBucketException")) {
                return true;
            }
        }
        return false;
    }

    static String firstLine(Throwable e) {
        if (e == null) {
            return "";
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    @Override
    public String toString() {
        return "HadoopStorage" + settings.schemes;
    }

    /**
     * How the provider reads and writes; one instance shared by its sources.
     *
     * @param source           the Hadoop configuration, given or read from the named folder
     * @param schemes          the URI schemes served
     * @param blockSize        bytes per request to the store
     * @param readAhead        blocks fetched ahead of a forward-moving reader
     * @param cachedBlocks     blocks each open file keeps
     * @param retries          retries of a transient failure
     * @param retryDelay       the delay before the first retry, doubled after each
     * @param simulatedLatency a delay added to every request (zero in production)
     * @param stagingDirectory the local folder for staging files of writes
     */
    record Settings(ConfigurationSource source, List<String> schemes, int blockSize, int readAhead, int cachedBlocks,
                    int retries, Duration retryDelay, Duration simulatedLatency, Path stagingDirectory) {

        Configuration configuration() {
            return source.configuration();
        }

        void backOff(int attempt) {
            sleep(retryDelay.multipliedBy(1L << Math.min(attempt, 6)));
        }

        void simulateLatency() throws InterruptedIOException {
            if (!simulatedLatency.isZero()) {
                try {
                    Thread.sleep(simulatedLatency.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted");
                }
            }
        }

        private static void sleep(Duration d) {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The Hadoop configuration: the one given, else read at first use (the service constructor does no I/O). */
    static final class ConfigurationSource {
        private final boolean given;
        private Configuration configuration;
        private String configurationFolder; // the folder the default configuration was read from

        ConfigurationSource(Configuration given) {
            this.given = given != null;
            this.configuration = given;
        }

        /** The folder named by {@value HadoopStorage#CONF_DIR_PROPERTY}, else by {@code HADOOP_CONF_DIR}, or null. */
        private static String configurationFolderNamed() {
            String dir = System.getProperty(CONF_DIR_PROPERTY);
            if (dir == null || dir.isBlank()) {
                dir = System.getenv("HADOOP_CONF_DIR");
            }
            return dir == null || dir.isBlank() ? null : dir;
        }

        private static Configuration defaultConfiguration(String dir) {
            Configuration conf = new Configuration();
            if (dir != null) {
                Path folder = Path.of(dir);
                if (!Files.isDirectory(folder)) {
                    throw new FileAccessException(ErrorLocation.of(folder),
                            "the Hadoop configuration folder does not exist", null);
                }
                for (String name : List.of("core-site.xml", "hdfs-site.xml")) {
                    Path file = folder.resolve(name);
                    if (Files.isRegularFile(file)) {
                        conf.addResource(new org.apache.hadoop.fs.Path(file.toUri()));
                        LOG.debug("Hadoop configuration from {}", file);
                    }
                }
            }
            return conf;
        }

        synchronized Configuration configuration() {
            if (given) {
                return configuration;
            }
            // read again when the folder changed: commands run in one process (the CLI's execute) may each name
            // their own with --hadoop-conf, and the engine holding this provider lives as long as the process
            String dir = configurationFolderNamed();
            if (configuration == null || !Objects.equals(dir, configurationFolder)) {
                configuration = defaultConfiguration(dir);
                configurationFolder = dir;
            }
            return configuration;
        }
    }

    /** Builds a {@link HadoopStorage}. */
    public static final class Builder {
        private Configuration configuration;
        private List<String> schemes = SCHEMES;
        // 4 MiB x 16 ahead: the first setting that kept a 10M-row read from an in-process HDFS with 20 ms per
        // request at half the local rows/s or more on the quiet 2-core benchmark machine (2 MiB x 8: 46%)
        private int blockSize = 4 << 20;
        private int readAhead = 16;
        private int cachedBlocks = 18;
        private int retries = 3;
        private Duration retryDelay = Duration.ofMillis(100);
        private Duration simulatedLatency = Duration.ZERO;
        private Path stagingDirectory = Path.of(System.getProperty("java.io.tmpdir"));

        private Builder() {
        }

        /** The Hadoop configuration to use (a Spark job's); the default reads {@value #CONF_DIR_PROPERTY}. */
        public Builder configuration(Configuration conf) {
            this.configuration = Objects.requireNonNull(conf, "conf");
            return this;
        }

        /** The schemes to serve, lower case; {@code file} may be added to read local files through Hadoop. */
        public Builder schemes(List<String> names) {
            this.schemes = names.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
            return this;
        }

        /** Bytes per request to the store (default 4 MiB): small reads of neighbouring bytes share one request. */
        public Builder blockSize(int bytes) {
            this.blockSize = checked("block size (bytes)", bytes, 4096, Integer.MAX_VALUE);
            return this;
        }

        /** Blocks fetched ahead of a forward-moving reader, in parallel (default 16). */
        public Builder readAhead(int blocks) {
            this.readAhead = checked("read-ahead (blocks)", blocks, 0, 64);
            return this;
        }

        /**
         * Blocks each open file keeps (default 18; never fewer than the read-ahead plus 2): memory per file is about
         * this times the block size (72 MiB with the defaults).
         */
        public Builder cachedBlocks(int blocks) {
            this.cachedBlocks = checked("cached blocks", blocks, 1, Integer.MAX_VALUE);
            return this;
        }

        /** Retries of a transient failure (default 3), after {@code delay}, doubled each time. */
        public Builder retries(int count, Duration delay) {
            this.retries = checked("retries", count, 0, 20);
            this.retryDelay = Objects.requireNonNull(delay, "delay");
            return this;
        }

        /**
         * A delay added to every request to the store, to measure how reads behave over a slow network with a
         * store on this machine (benchmarks and tests). Zero (the default) in production.
         */
        public Builder simulatedLatency(Duration delay) {
            this.simulatedLatency = Objects.requireNonNull(delay, "delay");
            return this;
        }

        /** The local folder for staging files of writes (default: {@code java.io.tmpdir}). */
        public Builder stagingDirectory(Path folder) {
            this.stagingDirectory = Objects.requireNonNull(folder, "folder");
            return this;
        }

        private static int checked(String what, int value, int min, int max) {
            if (value < min || value > max) {
                throw new InvalidUseException(what + " must be " + (max == Integer.MAX_VALUE ? "at least " + min
                        : min + ".." + max) + ", not " + value);
            }
            return value;
        }

        /** The provider. */
        public HadoopStorage build() {
            return new HadoopStorage(this);
        }
    }
}
