package io.battdat.api.parse;

import io.battdat.api.spi.Spi;
import io.battdat.api.spi.StoredDataset;

import java.nio.file.Path;

/**
 * Service interface of an exporter to a vendor or archive format ({@code battdat export FILE --to NAME DIR}).
 * Found with {@link java.util.ServiceLoader} ({@code META-INF/services/io.battdat.api.parse.VendorExporter}); a
 * public no-argument constructor that does no I/O.
 */
public interface VendorExporter {

    /** Short unique format name ({@code batteryarchive}). */
    String formatName();

    /** One line for {@code battdat formats}. */
    String description();

    /**
     * Writes one cell of an open dataset into a directory, streaming its tables.
     *
     * @param dataset   the dataset to read
     * @param directory an existing directory
     * @param options   which cell, the time zone of written wall-clock times
     * @throws io.battdat.api.WriteException when a file cannot be written
     */
    void export(StoredDataset dataset, Path directory, ExportOptions options);

    /**
     * The SPI version this exporter was compiled against. Implement it as {@code return Spi.VERSION;} in the
     * implementing class: {@link Spi#VERSION} is a compile-time constant, so the number is fixed into the exporter's
     * own class file when it is compiled, and the registry refuses a exporter built against a newer SPI than the
     * one running. (A default method here would report the running SPI's version for every exporter.)
     */
    int spiVersion();
}
