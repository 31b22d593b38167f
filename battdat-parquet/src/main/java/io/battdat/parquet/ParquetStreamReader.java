package io.battdat.parquet;

import io.battdat.api.spi.Spi;
import io.battdat.api.spi.FileProbe;
import io.battdat.api.spi.ProbeResult;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.StreamReader;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads battdat datasets stored in the Python toolkit's Parquet layout (docs/format.md section 3): a directory with one
 * {@code <table>.parquet} file per table, battery metadata and column schema in each file's key-value metadata;
 * cells in sub-directories ({@link DatasetLayout}); or a single {@code .parquet} file. Streams each table row group by
 * row group into columnar batches.
 *
 * <p>Probe: a file starting with Parquet's {@code PAR1} magic is recognised by its content; a directory is claimed
 * when it holds {@code .parquet} files (directly or in cell sub-directories) - the only probe of this backend
 * that lists a directory, because a directory has no content to sniff. Registered as a {@link StreamReader}
 * service; applications do not name this class.
 */
public final class ParquetStreamReader implements StreamReader {
    static final String FORMAT = "parquet";
    static final byte[] MAGIC = {'P', 'A', 'R', '1'};

    /** Service constructor; does no I/O. */
    public ParquetStreamReader() {
    }

    @Override
    public String formatName() {
        return FORMAT;
    }

    @Override
    public List<String> extensions() {
        return List.of(FORMAT);
    }

    @Override
    public ProbeResult probe(FileProbe probe) {
        if (probe.directory()) {
            try {
                return DatasetLayout.holdsTables(probe.path()) ? ProbeResult.EXTENSION : ProbeResult.NO;
            } catch (RuntimeException e) {
                return ProbeResult.NO; // unreadable directory: let the engine report that no backend reads it
            }
        }
        if (probe.hasBytesAt(0, MAGIC)) {
            return ProbeResult.SIGNATURE;
        }
        return probe.extension().equals(FORMAT) ? ProbeResult.EXTENSION : ProbeResult.NO;
    }

    @Override
    public StoredDataset open(Path path) {
        return new ParquetDataset(path);
    }

    @Override
    public int spiVersion() {
        return Spi.VERSION;
    }
}
