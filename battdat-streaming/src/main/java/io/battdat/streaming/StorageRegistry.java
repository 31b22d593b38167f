package io.battdat.streaming;

import io.battdat.api.ErrorLocation;
import io.battdat.api.FileAccessException;
import io.battdat.api.PluginException;
import io.battdat.api.parse.VendorExporter;
import io.battdat.api.parse.VendorParser;
import io.battdat.api.postprocess.ConsistencyChecker;
import io.battdat.api.postprocess.CycleSummarizer;
import io.battdat.api.postprocess.PostProcessSpi;
import io.battdat.api.postprocess.RawDataEnhancer;
import io.battdat.api.spi.FileProbe;
import io.battdat.api.spi.ProbeResult;
import io.battdat.api.spi.ProbeVerdict;
import io.battdat.api.spi.Spi;
import io.battdat.api.spi.StreamReader;
import io.battdat.api.spi.StreamWriter;
import io.battdat.api.spi.RandomAccessSource;
import io.battdat.api.spi.StorageProvider;
import java.nio.ByteBuffer;
import io.battdat.api.spi.DatasetSink;
import io.battdat.api.spi.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The storage backends, vendor parsers and exporters available to the engine, and the only class of battdat-java
 * that runs {@link ServiceLoader}.
 *
 * <p>Rules, in the order they apply:
 * <ul>
 *   <li>{@link #discover(ClassLoader)} looks up {@link StreamReader}, {@link StreamWriter}, {@link VendorParser},
 *       {@link VendorExporter} and the post-processing plugins ({@link CycleSummarizer}, {@link RawDataEnhancer},
 *       {@link ConsistencyChecker}, checked against {@link PostProcessSpi#VERSION}) services on the class loader
 *       it is given. A provider that fails to load ({@link ServiceConfigurationError}: a missing class, a
 *       constructor that throws) is logged at WARN with the error, recorded in {@link #problems()}, and skipped;
 *       the other providers still load.</li>
 *   <li>A provider built for a newer SPI than {@link Spi#VERSION} is refused by name (logged, recorded, skipped).</li>
 *   <li>Two providers of one format name (among readers, or among writers) are an error: a
 *       {@link PluginException} naming both classes. Nothing is overwritten silently.</li>
 *   <li>Providers are ordered by {@link StreamReader#priority()} (higher first), then by format name, so the order
 *       does not depend on the class path.</li>
 *   <li>{@link #readerFor(Path)} shows every reader the file's first {@link FileProbe#HEAD_BYTES} bytes; the first
 *       reader (in that order) that recognises the content wins over any that recognises only the name.</li>
 * </ul>
 * Immutable and thread-safe. Tests and applications that assemble their own backends use
 * {@link #of(List, List)}, which applies the same checks without a class path scan.
 */
public final class StorageRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(StorageRegistry.class);
    /** The advice every "no backend" error ends with. */
    static final String HINT = "add battdat-hdf5 (or another backend) to the class path";
    // ServiceLoader moves past a provider that fails; the bound only guards against an iterator that never does
    private static final int MAX_LOAD_ERRORS = 1000;

    private final List<StreamReader> readers;
    private final List<StreamWriter> writers;
    private final List<VendorParser> parsers;
    private final List<VendorExporter> exporters;
    private final List<CycleSummarizer> summarizers;
    private final List<RawDataEnhancer> enhancers;
    private final List<ConsistencyChecker> checkers;
    private final List<StorageProvider> storage;
    private final List<String> problems;

    private StorageRegistry(List<StreamReader> readers, List<StreamWriter> writers, List<VendorParser> parsers,
                            List<VendorExporter> exporters, List<String> problems) {
        this(readers, writers, parsers, exporters, List.of(), List.of(), List.of(), List.of(), problems);
    }

    private StorageRegistry(List<StreamReader> readers, List<StreamWriter> writers, List<VendorParser> parsers,
                            List<VendorExporter> exporters, List<CycleSummarizer> summarizers,
                            List<RawDataEnhancer> enhancers, List<ConsistencyChecker> checkers,
                            List<StorageProvider> storage, List<String> problems) {
        this.readers = ordered(readers, StreamReader::formatName, StreamReader::priority, StreamReader::spiVersion,
                Spi.VERSION, problems);
        this.writers = ordered(writers, StreamWriter::formatName, StreamWriter::priority, StreamWriter::spiVersion,
                Spi.VERSION, problems);
        this.parsers = ordered(parsers, VendorParser::formatName, VendorParser::priority, VendorParser::spiVersion,
                Spi.VERSION, problems);
        this.exporters = ordered(exporters, VendorExporter::formatName, e -> 0, VendorExporter::spiVersion,
                Spi.VERSION, problems);
        this.summarizers = ordered(summarizers, CycleSummarizer::name, s -> 0, CycleSummarizer::spiVersion,
                PostProcessSpi.VERSION, problems);
        this.enhancers = ordered(enhancers, RawDataEnhancer::name, s -> 0, RawDataEnhancer::spiVersion,
                PostProcessSpi.VERSION, problems);
        this.checkers = ordered(checkers, ConsistencyChecker::name, s -> 0, ConsistencyChecker::spiVersion,
                PostProcessSpi.VERSION, problems);
        this.storage = ordered(storage, StorageProvider::name, p -> 0, StorageProvider::spiVersion, Spi.VERSION,
                problems);
        this.problems = List.copyOf(problems);
    }

    /**
     * Finds every {@link StreamReader} and {@link StreamWriter} service on a class loader. Broken providers are
     * skipped (see {@link #problems()}); the providers found are logged at DEBUG with the jar each came from.
     *
     * @param loader the class loader to search (the engine passes its own; a host may pass a plugin loader)
     * @return the registry of the providers found; possibly empty
     * @throws PluginException when two providers claim one format name (the message names both classes)
     */
    public static StorageRegistry discover(ClassLoader loader) {
        Objects.requireNonNull(loader, "loader");
        List<String> problems = new ArrayList<>();
        List<StreamReader> readers = load(StreamReader.class, loader, problems);
        List<StreamWriter> writers = load(StreamWriter.class, loader, problems);
        List<VendorParser> parsers = load(VendorParser.class, loader, problems);
        List<VendorExporter> exporters = load(VendorExporter.class, loader, problems);
        List<CycleSummarizer> summarizers = load(CycleSummarizer.class, loader, problems);
        List<RawDataEnhancer> enhancers = load(RawDataEnhancer.class, loader, problems);
        List<ConsistencyChecker> checkers = load(ConsistencyChecker.class, loader, problems);
        List<StorageProvider> storage = load(StorageProvider.class, loader, problems);
        StorageRegistry registry = new StorageRegistry(readers, writers, parsers, exporters, summarizers, enhancers,
                checkers, storage, problems);
        if (LOG.isDebugEnabled()) {
            LOG.debug("storage backends: readers {}, writers {}, parsers {}, exporters {}",
                    registry.readers.stream().map(r -> describe(r.formatName(), r)).toList(),
                    registry.writers.stream().map(w -> describe(w.formatName(), w)).toList(),
                    registry.parsers.stream().map(p -> describe(p.formatName(), p)).toList(),
                    registry.exporters.stream().map(e -> describe(e.formatName(), e)).toList());
        }
        return registry;
    }

    /**
     * Finds only the {@link StreamReader} services on a class loader, with the same rules as {@link #discover}
     * (broken readers logged and skipped, a reader for a newer SPI refused, two readers of one format an error, the
     * same order). For a short command that only opens local files and reads what they hold: loading and starting
     * the writers, parsers, post-processing plugins and file systems cost more than the rest of
     * {@code battdat inspect}'s discovery. The registry has no writers, parsers, exporters, post-processing plugins
     * or file systems (so it opens no URI but {@code file:}); use {@link #discover} for anything else.
     *
     * @param loader the class loader to search
     * @return the registry of the readers found; possibly empty
     * @throws PluginException when two readers claim one format name (the message names both classes)
     */
    public static StorageRegistry discoverReaders(ClassLoader loader) {
        Objects.requireNonNull(loader, "loader");
        List<String> problems = new ArrayList<>();
        List<StreamReader> readers = load(StreamReader.class, loader, problems);
        return new StorageRegistry(readers, List.of(), List.of(), List.of(), problems);
    }

    /**
     * A registry of the given providers, with the checks of {@link #discover} (duplicates, SPI version) and its
     * ordering. For tests, and for applications that assemble their own backends.
     *
     * @param readers the readers, in any order
     * @param writers the writers, in any order
     * @return the registry
     * @throws PluginException when two providers claim one format name
     */
    public static StorageRegistry of(List<StreamReader> readers, List<StreamWriter> writers) {
        return of(readers, writers, List.of(), List.of());
    }

    /**
     * A registry of the given providers, parsers and exporters included, with the checks of {@link #discover}.
     *
     * @throws PluginException when two providers of one kind claim one format name
     */
    public static StorageRegistry of(List<StreamReader> readers, List<StreamWriter> writers,
                                     List<VendorParser> parsers, List<VendorExporter> exporters) {
        return new StorageRegistry(List.copyOf(readers), List.copyOf(writers), List.copyOf(parsers),
                List.copyOf(exporters), new ArrayList<>());
    }

    private static <T> List<T> load(Class<T> type, ClassLoader loader, List<String> problems) {
        List<T> found = new ArrayList<>();
        Iterator<T> it = ServiceLoader.load(type, loader).iterator();
        for (int errors = 0; errors < MAX_LOAD_ERRORS; ) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError e) {
                errors++;
                String problem = "skipped a broken " + type.getSimpleName() + " provider: " + e.getMessage();
                problems.add(problem);
                LOG.warn("{}", problem, e);
            }
        }
        return found;
    }

    private static <T> List<T> ordered(List<T> providers, Function<T, String> name, ToIntFunction<T> priority,
                                       ToIntFunction<T> spi, int hostVersion, List<String> problems) {
        Map<String, T> byName = new HashMap<>();
        List<T> out = new ArrayList<>();
        for (T p : providers) {
            Objects.requireNonNull(p, "provider");
            String format = name.apply(p);
            if (format == null || format.isEmpty()) {
                throw new PluginException(ErrorLocation.NONE,
                        "provider " + p.getClass().getName() + " has no name", null);
            }
            if (spi.applyAsInt(p) > hostVersion) {
                String problem = "refused " + describe(format, p) + ": built for battdat SPI " + spi.applyAsInt(p)
                        + " but this engine implements SPI " + hostVersion;
                problems.add(problem);
                LOG.warn("{}", problem);
                continue;
            }
            T previous = byName.putIfAbsent(format, p);
            if (previous != null) {
                throw new PluginException(ErrorLocation.NONE, "two providers for format '" + format + "': "
                        + describe(format, previous) + " and " + describe(format, p)
                        + "; remove one from the class path", null);
            }
            out.add(p);
        }
        out.sort(Comparator.comparingInt(priority).reversed().thenComparing(name));
        return List.copyOf(out);
    }

    /** {@code hdf5 (io.battdat.hdf5.Hdf5StreamReader from battdat-hdf5.jar)}. */
    private static String describe(String format, Object provider) {
        return format + " (" + provider.getClass().getName() + origin(provider.getClass()) + ")";
    }

    private static String origin(Class<?> type) {
        CodeSource source = type.getProtectionDomain() == null ? null : type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return "";
        }
        String location = source.getLocation().getPath();
        int slash = location.lastIndexOf('/', location.length() - 2);
        return " from " + location.substring(slash + 1);
    }

    /** The readers, ordered by priority (higher first), then format name. Unmodifiable. */
    public List<StreamReader> readers() {
        return readers;
    }

    /** The writers, ordered by priority (higher first), then format name. Unmodifiable. */
    public List<StreamWriter> writers() {
        return writers;
    }

    /**
     * A copy of this registry with other post-processing plugins (the backends, parsers and exporters are kept), with
     * the checks of {@link #discover}. For tests and applications that choose their own plugins.
     *
     * @throws PluginException when two plugins of one kind share a name
     */
    public StorageRegistry withPostProcessors(List<CycleSummarizer> summarizers, List<RawDataEnhancer> enhancers,
                                              List<ConsistencyChecker> checkers) {
        return new StorageRegistry(readers, writers, parsers, exporters, List.copyOf(summarizers),
                List.copyOf(enhancers), List.copyOf(checkers), storage, new ArrayList<>(problems));
    }

    /**
     * A copy of this registry with other file systems for URIs (everything else is kept), with the checks of
     * {@link #discover}. Hosts that configure a provider themselves (Spark passes its job's Hadoop configuration) use it.
     *
     * @throws PluginException when two providers share a name
     */
    public StorageRegistry withStorage(List<StorageProvider> providers) {
        return new StorageRegistry(readers, writers, parsers, exporters, summarizers, enhancers, checkers,
                List.copyOf(providers), new ArrayList<>(problems));
    }

    /** The file systems for URIs, ordered by name. Unmodifiable. */
    public List<StorageProvider> storage() {
        return storage;
    }

    /**
     * Whether a location is a URI with a scheme ({@code hdfs://nn/x.h5}, {@code s3a://b/x.h5},
     * {@code file:///tmp/x.h5}) rather than a plain path. One-letter schemes are taken for Windows drives.
     */
    public static boolean isUri(String location) {
        int sep = location.indexOf("://");
        if (sep < 2) {
            return false;
        }
        for (int i = 0; i < sep; i++) {
            char c = location.charAt(i);
            boolean ok = Character.isLetter(c) || (i > 0 && (Character.isDigit(c) || c == '+' || c == '-' || c == '.'));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The scheme of a URI, lower case. */
    static String schemeOf(String uri) {
        return uri.substring(0, uri.indexOf("://")).toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The local path a location names, when it names one: a plain path, or a {@code file:} URI when no provider
     * serves {@code file}; null for other URIs.
     */
    public Path localPathOf(String location) {
        if (!isUri(location)) {
            return Path.of(location);
        }
        if (schemeOf(location).equals("file") && findStorage("file") == null) {
            try {
                return Path.of(java.net.URI.create(location));
            } catch (IllegalArgumentException e) {
                throw new io.battdat.api.InvalidUseException("not a file URI: " + location + ": " + e.getMessage());
            }
        }
        return null;
    }

    private StorageProvider findStorage(String scheme) {
        for (StorageProvider p : storage) {
            if (p.schemes().contains(scheme)) {
                return p;
            }
        }
        return null;
    }

    /**
     * The file system serving a URI's scheme.
     *
     * @throws PluginException when none serves it; the message says which artifact to add
     */
    public StorageProvider storageFor(String uri) {
        String scheme = schemeOf(uri);
        StorageProvider p = findStorage(scheme);
        if (p == null) {
            throw new PluginException(ErrorLocation.NONE,
                    "no file system for '" + scheme + "://' URIs; providers found: "
                    + storage.stream().map(s -> describe(s.name(), s) + " " + s.schemes()).toList()
                    + "; add battdat-hadoop (and the Hadoop connector of that store) to the class path", null)
                    .withLocation(uri);
        }
        return p;
    }

    /**
     * Opens a dataset at a plain path or a URI with the backend that recognises it. Remote files are read by range
     * through their {@link StorageProvider}; errors name the URI as written.
     *
     * @param location a path, or a URI such as {@code hdfs://namenode/lake/a.h5}
     * @return the open dataset; the caller closes it
     * @throws FileAccessException when the file does not exist or cannot be read
     * @throws PluginException     when no backend reads it, or no provider serves the URI's scheme
     */
    public io.battdat.api.spi.StoredDataset openDataset(String location) {
        Objects.requireNonNull(location, "location");
        Path local = localPathOf(location);
        if (local != null) {
            return readerFor(local).open(local);
        }
        StorageProvider provider = storageFor(location);
        RandomAccessSource source;
        try {
            source = provider.open(location);
        } catch (FileAccessException e) {
            // not a file: a folder holding a dataset of several files (Parquet), or nothing at all
            String folder = ProviderFolder.folderUri(location);
            List<String> files;
            try {
                files = ProviderFolder.filesOf(provider, folder);
            } catch (io.battdat.api.BattdatException listing) {
                e.addSuppressed(listing); // a missing bucket or denied access: the open's error says it
                throw e;
            }
            if (files.isEmpty()) {
                throw e;
            }
            return openFolder(new ProviderFolder(provider, folder), location);
        }
        try {
            ByteBuffer head = ByteBuffer.allocate((int) Math.min(FileProbe.HEAD_BYTES, source.size()));
            source.readFully(0, head);
            String name = location.substring(location.lastIndexOf('/') + 1);
            FileProbe probe = new FileProbe(Path.of(name.isEmpty() ? "remote" : name), false, head.array());
            StreamReader reader = readerFor(probe, null, location);
            return new LocatedDataset(reader.open(source), location);
        } catch (io.battdat.api.BattdatException e) {
            source.close();
            throw e.withLocation(location);
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }

    /**
     * Opens a remote folder with the reader that claims its listing ({@link StreamReader#probeFolder}); errors name
     * the URI as written.
     */
    private io.battdat.api.spi.StoredDataset openFolder(ProviderFolder folder, String location) {
        StreamReader chosen = null;
        for (StreamReader r : readers) {
            ProbeResult verdict;
            try {
                verdict = r.probeFolder(folder);
            } catch (RuntimeException e) {
                LOG.warn("reader {} failed to probe {}: {}", r.formatName(), location, e.toString());
                continue;
            }
            if (verdict == ProbeResult.SIGNATURE) {
                chosen = r;
                break;
            }
            if (verdict == ProbeResult.EXTENSION && chosen == null) {
                chosen = r;
            }
        }
        if (chosen == null) {
            throw new PluginException(ErrorLocation.NONE,
                    "is a folder, and no storage backend reads a dataset from its "
                    + "files; readers found: " + readers.stream().map(r -> describe(r.formatName(), r)).toList()
                    + "; " + HINT, null).withLocation(location);
        }
        try {
            return new LocatedDataset(chosen.open(folder), location);
        } catch (io.battdat.api.BattdatException e) {
            throw e.withLocation(location);
        }
    }

    /**
     * The first backend that recognizes the file's signature, else the first that accepts its name, else null: a
     * signature is the stronger evidence, so it wins over an earlier backend that only likes the extension.
     */
    private static <B> B firstAccepting(List<B> backends, Function<B, ProbeResult> verdict) {
        B byName = null;
        for (B backend : backends) {
            ProbeResult result = verdict.apply(backend);
            if (result == ProbeResult.SIGNATURE) {
                return backend;
            }
            if (result == ProbeResult.EXTENSION && byName == null) {
                byName = backend;
            }
        }
        return byName;
    }

    /** The reader for a probed file; {@code path} or {@code location} names it in the error when none reads it. */
    private StreamReader readerFor(FileProbe probe, Path path, String location) {
        StreamReader chosen = firstAccepting(readers, r -> r.probe(probe));
        if (chosen != null) {
            return chosen;
        }
        PluginException none = new PluginException(ErrorLocation.of(path),
                "no storage backend reads this file; readers found: "
                + readers.stream().map(r -> describe(r.formatName(), r)).toList() + "; " + HINT, null);
        if (location != null) {
            none.withLocation(location);
        }
        throw none;
    }

    /**
     * Opens a path or URI for writing as {@link #openSink(Path, WriteOptions)} does. A remote file is written to a
     * local staging file (an append first copies the existing file there) and uploaded when the sink closes;
     * nothing appears under the URI before that, and {@link DatasetSink#abort()} leaves nothing there.
     *
     * @param location a path, or a URI such as {@code s3a://bucket/lake/a.h5}
     * @param options  how to write
     * @return the dataset, open for writing
     */
    public DatasetSink openSink(String location, WriteOptions options) {
        Path local = localPathOf(location);
        if (local != null) {
            return openSink(local, options);
        }
        return RemoteSink.open(this, location, options);
    }

    /** The cycle summarizers, ordered by name. Unmodifiable. */
    public List<CycleSummarizer> summarizers() {
        return summarizers;
    }

    /** The raw-data enhancers, ordered by name. Unmodifiable. */
    public List<RawDataEnhancer> enhancers() {
        return enhancers;
    }

    /** The consistency checkers, ordered by name. Unmodifiable. */
    public List<ConsistencyChecker> checkers() {
        return checkers;
    }

    /** The vendor parsers, ordered by priority (higher first), then format name. Unmodifiable. */
    public List<VendorParser> parsers() {
        return parsers;
    }

    /** The exporters, ordered by format name. Unmodifiable. */
    public List<VendorExporter> exporters() {
        return exporters;
    }

    /**
     * The parser of a format name.
     *
     * @throws PluginException when none has that name; the message lists the known formats
     */
    public VendorParser parser(String formatName) {
        for (VendorParser p : parsers) {
            if (p.formatName().equals(formatName)) {
                return p;
            }
        }
        throw new PluginException(ErrorLocation.NONE, "unknown input format '" + formatName + "'; known formats: "
                + knownParsers(), null);
    }

    /**
     * The parser of a vendor file, from its name and first bytes: the one parser that recognises the content
     * ({@link ProbeResult#SIGNATURE}), else the one that recognises the name. Unlike storage backends, parsers of
     * one strength are not ranked by priority: two claims of the same strength are ambiguous.
     *
     * @throws FileAccessException when the file cannot be read
     * @throws PluginException     when no parser or more than one claims it; the message lists the known formats
     */
    public VendorParser parserFor(Path file) {
        FileProbe probe = probe(file, true);
        Map<VendorParser, ProbeVerdict> verdicts = new java.util.LinkedHashMap<>();
        for (VendorParser p : parsers) {
            verdicts.put(p, verdict(p, probe));
        }
        for (ProbeResult strength : List.of(ProbeResult.SIGNATURE, ProbeResult.EXTENSION)) {
            List<VendorParser> claims = new ArrayList<>();
            for (VendorParser p : parsers) {
                if (verdicts.get(p).result() == strength) {
                    claims.add(p);
                }
            }
            if (claims.size() == 1) {
                return claims.get(0);
            }
            if (claims.size() > 1) {
                throw new PluginException(ErrorLocation.of(file), "ambiguous input format: "
                        + claims.stream().map(VendorParser::formatName).toList() + " all claim it"
                        + (strength == ProbeResult.EXTENSION ? " by its name" : "") + "; choose one with --format "
                        + "(known formats: " + knownParsers() + ")", null);
            }
        }
        List<String> reasons = new ArrayList<>();
        verdicts.forEach((p, v) -> reasons.add(p.formatName() + ": "
                + (v.reason().isEmpty() ? "does not recognise it" : v.reason())));
        throw new PluginException(ErrorLocation.of(file), "no parser recognises this file ("
                + (reasons.isEmpty() ? "no parsers found" : String.join("; ", reasons))
                + "); choose one with --format, or add the parser's jar to the class path", null);
    }

    /** A parser's verdict with its reason; a parser that throws is logged and counted as a no. */
    private static ProbeVerdict verdict(VendorParser p, FileProbe probe) {
        try {
            ProbeVerdict v = p.explainProbe(probe);
            return v == null ? ProbeVerdict.of(ProbeResult.NO) : v;
        } catch (RuntimeException e) {
            LOG.warn("parser {} failed to probe {}: {}", p.formatName(), probe.path(), e.toString());
            return ProbeVerdict.no("its probe failed: " + e);
        }
    }

    private List<String> knownParsers() {
        return parsers.stream().map(VendorParser::formatName).toList();
    }

    /**
     * The exporter of a format name.
     *
     * @throws PluginException when none has that name; the message lists the known ones
     */
    public VendorExporter exporter(String formatName) {
        for (VendorExporter e : exporters) {
            if (e.formatName().equals(formatName)) {
                return e;
            }
        }
        throw new PluginException(ErrorLocation.NONE, "unknown export format '" + formatName + "'; known: "
                + exporters.stream().map(VendorExporter::formatName).toList(), null);
    }

    /**
     * What discovery skipped, one sentence each: broken providers (with the loader's error) and providers built
     * for a newer SPI. Empty for registries made with {@link #of}, unless they refused a provider.
     */
    public List<String> problems() {
        return problems;
    }

    /**
     * The reader for an existing file or directory. Every reader sees a {@link FileProbe} of the path; the first
     * reader (in {@link #readers()} order) whose verdict is {@link ProbeResult#SIGNATURE} wins; otherwise the first
     * whose verdict is {@link ProbeResult#EXTENSION}.
     *
     * @param path the file or directory to read
     * @return the reader to open it with
     * @throws FileAccessException when the path does not exist or cannot be read
     * @throws PluginException     when no reader accepts it; the message lists the readers found and says which
     *                             artifact to add
     */
    public StreamReader readerFor(Path path) {
        return readerFor(probe(path, true), path, null);
    }

    /**
     * The writer for a path, existing or not, by the same rules as {@link #readerFor(Path)} (a missing file is
     * probed by its name only).
     *
     * @param path the file or directory to write
     * @return the writer to open it with
     * @throws FileAccessException when the path exists but cannot be read
     * @throws PluginException     when no writer accepts it; the message lists the writers found and says which
     *                             artifact to add
     */
    public StreamWriter writerFor(Path path) {
        FileProbe probe = probe(path, false);
        StreamWriter chosen = firstAccepting(writers, w -> w.probe(probe));
        if (chosen != null) {
            return chosen;
        }
        throw new PluginException(ErrorLocation.of(path), "no storage backend writes this path; writers found: "
                + writers.stream().map(w -> describe(w.formatName(), w)).toList() + "; " + HINT, null);
    }

    /**
     * Opens a path for writing with the backend {@link #writerFor} chooses, guarded so appends keep what each table's
     * column schema promises about monotonic columns ({@link WriteOptions#monotonicPolicy()}). Prefer this to
     * {@code writerFor(path).open(path, options)}, which hands out the backend's sink unchecked.
     *
     * @param path    the file or directory to write
     * @param options how to write, including what to do with rows that would break a monotonic declaration
     * @return the dataset, open for writing
     */
    public DatasetSink openSink(Path path, WriteOptions options) {
        return new MonotonicGuard(writerFor(path).open(path, options), path, options, this);
    }

    /**
     * What providers are shown of an existing path: its name and first {@link FileProbe#HEAD_BYTES} bytes.
     *
     * @throws FileAccessException when the path does not exist or cannot be read
     */
    public static FileProbe probeOf(Path path) {
        return probe(path, true);
    }

    private static FileProbe probe(Path path, boolean mustExist) {
        Objects.requireNonNull(path, "path");
        if (Files.isDirectory(path)) {
            return new FileProbe(path, true, new byte[0]);
        }
        try (InputStream in = Files.newInputStream(path)) {
            return new FileProbe(path, false, in.readNBytes(FileProbe.HEAD_BYTES));
        } catch (NoSuchFileException e) {
            if (mustExist) {
                throw new FileAccessException(ErrorLocation.of(path), "no such file", e);
            }
            return new FileProbe(path, false, new byte[0]);
        } catch (IOException e) {
            throw new FileAccessException(ErrorLocation.of(path), "cannot read: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "StorageRegistry[readers " + readers.stream().map(StreamReader::formatName).toList()
                + ", writers " + writers.stream().map(StreamWriter::formatName).toList()
                + ", parsers " + knownParsers()
                + ", exporters " + exporters.stream().map(VendorExporter::formatName).toList() + "]";
    }
}
