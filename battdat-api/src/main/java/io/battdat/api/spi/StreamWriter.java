package io.battdat.api.spi;

import java.nio.file.Path;

/**
 * Service interface of a storage backend that writes battdat datasets; found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.battdat.api.spi.StreamWriter}). Public no-argument constructor, no I/O before
 * {@link #open}.
 */
public interface StreamWriter {

    /** Short unique format name ({@code hdf5}). */
    String formatName();

    /** Whether this backend writes the path (by extension or by the existing file's signature). */
    ProbeResult probe(FileProbe probe);

    /** Opens a dataset for writing. */
    DatasetSink open(Path path, WriteOptions options);

    /** Order among backends claiming the same path: higher first. */
    default int priority() {
        return 0;
    }

    /**
     * The SPI version this backend was compiled against. Implement it as {@code return Spi.VERSION;} in the
     * implementing class: {@link Spi#VERSION} is a compile-time constant, so the number is fixed into the backend's
     * own class file when it is compiled, and the registry refuses a backend built against a newer SPI than the
     * one running. (A default method here would report the running SPI's version for every backend.)
     */
    int spiVersion();
}
