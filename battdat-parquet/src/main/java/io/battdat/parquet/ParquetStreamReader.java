package io.battdat.parquet;

import io.battdat.api.spi.Spi;
import io.battdat.api.spi.FileProbe;
import io.battdat.api.spi.FolderSource;
import io.battdat.api.spi.RandomAccessSource;
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
 * that lists a directory, because a directory has no content to sniff. Remote datasets (docs/remote-storage.md) are
 * read through the storage provider's {@link FolderSource} (a folder) or {@link RandomAccessSource} (one file), each
 * file through parquet-java's {@code InputFile} over positional reads, so memory stays bounded. Registered as a
 * {@link StreamReader} service; applications do not name this class.
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

    /** A folder is claimed when it holds {@code .parquet} files directly or in cell folders (two listings). */
    @Override
    public ProbeResult probeFolder(FolderSource folder) {
        try {
            return DatasetLayout.tables(folder).isEmpty() ? ProbeResult.NO : ProbeResult.EXTENSION;
        } catch (RuntimeException e) {
            return ProbeResult.NO; // unlistable folder: let the engine report that no backend reads it
        }
    }

    /**
     * Opens a dataset folder: a local one as {@link #open(Path)} does, a remote one by listing it and reading each
     * table's file through its own source, opened for each reader and closed with it.
     */
    @Override
    public StoredDataset open(FolderSource folder) {
        java.util.Optional<Path> local = folder.localPath();
        return local.isPresent() ? open(local.get()) : new ParquetDataset(folder);
    }

    /** Opens one {@code .parquet} file as a dataset of one table; a local file keeps {@link #open(Path)}'s path. */
    @Override
    public StoredDataset open(RandomAccessSource source) {
        java.util.Optional<Path> local = source.localPath();
        if (local.isPresent()) {
            source.close();
            return open(local.get());
        }
        return new ParquetDataset(source);
    }

    @Override
    public int spiVersion() {
        return Spi.VERSION;
    }
}
