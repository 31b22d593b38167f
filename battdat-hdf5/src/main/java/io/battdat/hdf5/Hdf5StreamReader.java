package io.battdat.hdf5;

import io.battdat.api.spi.Spi;
import io.battdat.api.spi.FileProbe;
import io.battdat.api.spi.ProbeResult;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.StreamReader;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads battdat files stored as HDF5 (the layout PyTables writes for the Python battery-data-toolkit, and any
 * 1-D compound dataset with a {@code metadata} attribute). Streams tables chunk by chunk in bounded memory;
 * decodes deflate, shuffle and fletcher32, and refuses other filters by id when a table is opened.
 *
 * <p>Registered as a {@link StreamReader} service; applications do not name this class.
 */
public final class Hdf5StreamReader implements StreamReader {
    static final String FORMAT = "hdf5";
    private static final List<String> EXTENSIONS = List.of("h5", "hdf", "hdf5", "he5");

    /** Service constructor; does no I/O. */
    public Hdf5StreamReader() {
    }

    @Override
    public String formatName() {
        return FORMAT;
    }

    @Override
    public List<String> extensions() {
        return EXTENSIONS;
    }

    /** Which zlib inflates and deflates chunks: the native ISA-L codec or the JDK's, and why. */
    @Override
    public String runtimeDetails() {
        return "zlib: " + io.battdat.hdf5.zlib.Zlib.describe();
    }

    @Override
    public ProbeResult probe(FileProbe probe) {
        if (probe.directory()) {
            return ProbeResult.NO;
        }
        for (int at = 0; at + Superblock.SIGNATURE.length <= FileProbe.HEAD_BYTES; at = at == 0 ? 512 : at * 2) {
            if (probe.hasBytesAt(at, Superblock.SIGNATURE)) {
                return ProbeResult.SIGNATURE;
            }
        }
        return EXTENSIONS.contains(probe.extension()) ? ProbeResult.EXTENSION : ProbeResult.NO;
    }

    @Override
    public StoredDataset open(Path path) {
        return new Hdf5Dataset(path);
    }

    /** Local sources open as {@link #open(Path)}; others are read by range through the source. */
    @Override
    public StoredDataset open(io.battdat.api.spi.RandomAccessSource source) {
        java.util.Optional<Path> local = source.localPath();
        if (local.isPresent()) {
            source.close();
            return open(local.get());
        }
        try {
            return new Hdf5Dataset(source);
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }

    @Override
    public int spiVersion() {
        return Spi.VERSION;
    }
}
