package io.battdat.streaming;

import io.battdat.api.FileAccessException;
import io.battdat.api.PluginException;
import io.battdat.api.spi.FileProbe;
import io.battdat.api.spi.ProbeResult;
import io.battdat.api.spi.Spi;
import io.battdat.api.spi.StreamReader;
import io.battdat.api.spi.StreamWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The storage backends available to the engine, and the one place that runs {@link ServiceLoader}. Providers are
 * ordered by priority (higher first), then by format name. A provider that fails to load is logged with its error
 * and skipped; two providers of one format name, or a provider built for a newer SPI, are refused by name.
 */
public final class StorageRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(StorageRegistry.class);

    private final List<StreamReader> readers;
    private final List<StreamWriter> writers;

    private StorageRegistry(List<StreamReader> readers, List<StreamWriter> writers) {
        this.readers = ordered(readers, StreamReader::formatName, StreamReader::priority, StreamReader::spiVersion);
        this.writers = ordered(writers, StreamWriter::formatName, StreamWriter::priority, StreamWriter::spiVersion);
    }

    /**
     * Finds every {@link StreamReader} and {@link StreamWriter} on a class loader.
     *
     * @throws PluginException when two providers claim one format name
     */
    public static StorageRegistry discover(ClassLoader loader) {
        StorageRegistry registry = new StorageRegistry(load(StreamReader.class, loader), load(StreamWriter.class, loader));
        LOG.debug("storage backends: readers {}, writers {}", registry.readers.stream().map(StreamReader::formatName)
                .toList(), registry.writers.stream().map(StreamWriter::formatName).toList());
        return registry;
    }

    /** A registry of the given providers (tests, applications that assemble their own). */
    public static StorageRegistry of(List<StreamReader> readers, List<StreamWriter> writers) {
        return new StorageRegistry(readers, writers);
    }

    private static <T> List<T> load(Class<T> type, ClassLoader loader) {
        List<T> found = new ArrayList<>();
        Iterator<T> it = ServiceLoader.load(type, loader).iterator();
        // ServiceLoader moves past a provider that fails; the bound only guards against a loader that never does
        for (int errors = 0; errors < 1000; ) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError e) {
                errors++;
                LOG.warn("skipping a broken {} provider: {}", type.getSimpleName(), e.getMessage(), e);
            }
        }
        return found;
    }

    private static <T> List<T> ordered(List<T> providers, Function<T, String> name, ToIntFunction<T> priority,
                                       ToIntFunction<T> spi) {
        Map<String, T> byName = new HashMap<>();
        List<T> out = new ArrayList<>();
        for (T p : providers) {
            if (spi.applyAsInt(p) > Spi.VERSION) {
                LOG.warn("refusing {} ({}): built for battdat SPI {} but this engine implements SPI {}",
                        name.apply(p), p.getClass().getName(), spi.applyAsInt(p), Spi.VERSION);
                continue;
            }
            T previous = byName.putIfAbsent(name.apply(p), p);
            if (previous != null) {
                throw new PluginException(null, null, "two providers for format '" + name.apply(p) + "': "
                        + previous.getClass().getName() + " and " + p.getClass().getName()
                        + "; remove one from the class path");
            }
            out.add(p);
        }
        out.sort(Comparator.comparingInt(priority).reversed().thenComparing(name));
        return List.copyOf(out);
    }

    /** Readers, in the order they are asked. */
    public List<StreamReader> readers() {
        return readers;
    }

    /** Writers, in the order they are asked. */
    public List<StreamWriter> writers() {
        return writers;
    }

    /**
     * The reader for an existing file or directory: one recognising its content wins over one recognising only
     * its name.
     *
     * @throws FileAccessException when the path does not exist or cannot be read
     * @throws PluginException     when no reader accepts it
     */
    public StreamReader readerFor(Path path) {
        FileProbe probe = probe(path, true);
        StreamReader byName = null;
        for (StreamReader r : readers) {
            ProbeResult verdict = r.probe(probe);
            if (verdict == ProbeResult.SIGNATURE) {
                return r;
            }
            if (verdict == ProbeResult.EXTENSION && byName == null) {
                byName = r;
            }
        }
        if (byName != null) {
            return byName;
        }
        throw new PluginException(path, null, "no storage backend reads this file; readers found: "
                + readers.stream().map(r -> r.formatName() + " (" + r.getClass().getName() + ")").toList()
                + ". Add battdat-hdf5 (or another backend) to the class path");
    }

    /**
     * The writer for a path (existing or not).
     *
     * @throws PluginException when no writer accepts it
     */
    public StreamWriter writerFor(Path path) {
        FileProbe probe = probe(path, false);
        StreamWriter byName = null;
        for (StreamWriter w : writers) {
            ProbeResult verdict = w.probe(probe);
            if (verdict == ProbeResult.SIGNATURE) {
                return w;
            }
            if (verdict == ProbeResult.EXTENSION && byName == null) {
                byName = w;
            }
        }
        if (byName != null) {
            return byName;
        }
        throw new PluginException(path, null, "no storage backend writes this path; writers found: "
                + writers.stream().map(w -> w.formatName() + " (" + w.getClass().getName() + ")").toList()
                + ". Add battdat-hdf5 (or another backend) to the class path");
    }

    private static FileProbe probe(Path path, boolean mustExist) {
        if (Files.isDirectory(path)) {
            return new FileProbe(path, true, new byte[0]);
        }
        try (InputStream in = Files.newInputStream(path)) {
            return new FileProbe(path, false, in.readNBytes(FileProbe.HEAD_BYTES));
        } catch (NoSuchFileException e) {
            if (mustExist) {
                throw new FileAccessException(path, null, "no such file", e);
            }
            return new FileProbe(path, false, new byte[0]);
        } catch (IOException e) {
            throw new FileAccessException(path, null, "cannot read: " + e.getMessage(), e);
        }
    }
}
