package io.battdat.hdf5.write;

import io.battdat.api.spi.Spi;
import io.battdat.api.ErrorLocation;
import io.battdat.api.FileAccessException;
import io.battdat.api.spi.DatasetSink;
import io.battdat.api.spi.FileProbe;
import io.battdat.api.spi.ProbeResult;
import io.battdat.api.spi.StreamWriter;
import io.battdat.api.spi.WriteOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes battdat HDF5 files that PyTables and h5py read and append to; appends to files they wrote. Registered as a
 * {@link StreamWriter} service; applications do not name this class.
 */
public final class Hdf5StreamWriter implements StreamWriter {
    private static final List<String> EXTENSIONS = List.of("h5", "hdf", "hdf5", "he5");

    /** Service constructor; does no I/O. */
    public Hdf5StreamWriter() {
    }

    @Override
    public String formatName() {
        return "hdf5";
    }

    @Override
    public ProbeResult probe(FileProbe probe) {
        if (probe.hasBytesAt(0, new byte[]{(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'})) {
            return ProbeResult.SIGNATURE;
        }
        return !probe.directory() && EXTENSIONS.contains(probe.extension()) ? ProbeResult.EXTENSION : ProbeResult.NO;
    }

    @Override
    public DatasetSink open(Path path, WriteOptions options) {
        switch (options.mode()) {
            case CREATE -> {
                if (Files.exists(path)) {
                    throw new FileAccessException(ErrorLocation.of(path),
                            "exists already (use overwrite or append)", null);
                }
            }
            case APPEND -> {
                if (Files.exists(path)) {
                    return Hdf5FileWriter.append(path, options);
                }
            }
            default -> { }
        }
        return Hdf5FileWriter.create(path, options);
    }

    @Override
    public int spiVersion() {
        return Spi.VERSION;
    }
}
