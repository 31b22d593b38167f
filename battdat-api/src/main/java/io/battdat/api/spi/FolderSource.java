package io.battdat.api.spi;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A folder of stored files that together hold one dataset (a Parquet dataset is a folder of {@code <table>.parquet}
 * files), local or reached through a {@link StorageProvider}. Backends that store a dataset as several files list
 * the folder and read each file through a {@link RandomAccessSource}, so they need not know where the folder lives.
 *
 * <p>A folder holds no connection of its own: each {@link #open(String)} gives a source the caller closes. Every
 * failure is a {@link io.battdat.api.FileAccessException} whose message names {@link #name()}.
 */
public interface FolderSource {

    /**
     * The folder's name as the user wrote it, for messages: a local path, or a URI such as
     * {@code hdfs://namenode/lake/cell.parquet} (without a trailing slash).
     */
    String name();

    /**
     * The files below the folder whose names relative to it match a pattern, sorted: {@code *} and {@code ?} within
     * one path segment ({@code *.parquet}, {@code *}{@code /*.parquet}), {@code **} across any number of folders.
     * Only files are listed, never folders.
     *
     * @param relativePattern a pattern relative to the folder, segments separated by {@code /}
     * @return the matching files' names relative to the folder ({@code cell_a/raw_data.parquet}); empty when none
     * @throws io.battdat.api.FileAccessException when the folder cannot be listed
     */
    List<String> list(String relativePattern);

    /**
     * Opens a file of the folder for positional reads; the caller closes it.
     *
     * @param relativeName a name {@link #list(String)} returned
     * @throws io.battdat.api.FileAccessException when it does not exist or cannot be read
     */
    RandomAccessSource open(String relativeName);

    /**
     * The local directory behind this folder, when there is one: backends then keep their local code path. Empty
     * (the default) for remote folders.
     */
    default Optional<Path> localPath() {
        return Optional.empty();
    }
}
