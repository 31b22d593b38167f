package io.battdat.api.spi;

import java.nio.file.Path;
import java.util.List;

/**
 * Service interface of a storage backend that reads battdat datasets. Found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.battdat.api.spi.StreamReader}). Implementations have a public no-argument
 * constructor that does no I/O; work starts in {@link #open(Path)}.
 */
public interface StreamReader {

    /** Short unique format name ({@code hdf5}, {@code parquet}). */
    String formatName();

    /** File name extensions this backend usually reads, lower case, without dots. */
    List<String> extensions();

    /** Whether this backend can open the probed path. Must not throw and must not do I/O of its own. */
    ProbeResult probe(FileProbe probe);

    /**
     * Opens a dataset.
     *
     * @throws io.battdat.api.FileAccessException when the file cannot be read
     * @throws io.battdat.api.BadFormatException  when it is not a readable dataset of this format
     */
    StoredDataset open(Path path);

    /**
     * Opens a dataset stored in a file read through a source, local or remote. The default opens a local source's
     * file with {@link #open(Path)} and refuses any other source; backends that read remote files override it.
     * The dataset owns the source from then on and closes it when closed (or when opening fails).
     *
     * @param source the file's bytes
     * @throws io.battdat.api.UnsupportedFeatureException when this backend reads only local files
     * @throws io.battdat.api.FileAccessException         when the file cannot be read
     * @throws io.battdat.api.BadFormatException          when it is not a readable dataset of this format
     */
    default StoredDataset open(RandomAccessSource source) {
        java.util.Optional<Path> local = source.localPath();
        if (local.isPresent()) {
            source.close();
            return open(local.get());
        }
        source.close();
        throw new io.battdat.api.UnsupportedFeatureException(io.battdat.api.ErrorLocation.NONE, "the " + formatName()
                + " backend reads only local files", null).withLocation(source.name());
    }

    /**
     * Whether this backend reads the dataset stored as the files of a folder that is not local (a remote dataset
     * folder has no {@link FileProbe}: a folder has no head bytes, and its path is not a local {@link Path}). The
     * backend may list the folder ({@link FolderSource#list(String)}) but reads no file. Must not throw. The
     * default, {@link ProbeResult#NO}, suits backends that store a dataset in one file.
     *
     * @param folder the folder, listed through its storage provider
     * @return {@link ProbeResult#EXTENSION} when the folder's file names are this backend's, else {@link ProbeResult#NO}
     */
    default ProbeResult probeFolder(FolderSource folder) {
        return ProbeResult.NO;
    }

    /**
     * Opens a dataset stored as the files of a folder, local or remote. The default opens a local folder with
     * {@link #open(Path)} and refuses any other; backends that store a dataset as several files, and read remote
     * ones, override it together with {@link #probeFolder(FolderSource)}.
     *
     * @param folder the folder
     * @throws io.battdat.api.UnsupportedFeatureException when this backend reads no remote folder
     * @throws io.battdat.api.FileAccessException         when a file cannot be read
     * @throws io.battdat.api.BadFormatException          when the folder is not a readable dataset of this format
     */
    default StoredDataset open(FolderSource folder) {
        java.util.Optional<Path> local = folder.localPath();
        if (local.isPresent()) {
            return open(local.get());
        }
        throw new io.battdat.api.UnsupportedFeatureException(io.battdat.api.ErrorLocation.NONE, "the " + formatName()
                + " backend reads no remote folder", null).withLocation(folder.name());
    }

    /** Order among backends claiming the same file: higher first (then by format name). */
    default int priority() {
        return 0;
    }

    /**
     * What this backend chose at run time that a user may want to know, such as a native codec it loaded: one
     * short line, or empty (the default) when there is nothing to say. Shown by {@code battdat -V}; may load
     * native libraries, so callers ask only when they will show it.
     */
    default String runtimeDetails() {
        return "";
    }

    /**
     * The SPI version this backend was compiled against. Implement it as {@code return Spi.VERSION;} in the
     * implementing class: {@link Spi#VERSION} is a compile-time constant, so the number is fixed into the backend's
     * own class file when it is compiled, and the registry refuses a backend built against a newer SPI than the
     * one running. (A default method here would report the running SPI's version for every backend.)
     */
    int spiVersion();
}
