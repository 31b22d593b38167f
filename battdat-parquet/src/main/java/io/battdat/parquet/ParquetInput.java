package io.battdat.parquet;

import io.battdat.api.spi.FolderSource;
import io.battdat.api.spi.RandomAccessSource;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * One Parquet file of a dataset and how parquet-java reads it: a local file through parquet-java's
 * {@link LocalInputFile} (the local path, unchanged), a file of a remote folder opened afresh for each reader and
 * closed with it (so a dataset of many tables holds no remote connection between calls), or the one remote file a
 * dataset was opened on, shared by its readers and closed with the dataset.
 */
abstract class ParquetInput {

    /** The file's name for messages: a local path, or a URI. */
    abstract String name();

    /** The last segment of {@link #name()}, for messages that already name the dataset. */
    final String fileName() {
        return lastSegment(name());
    }

    /**
     * The last non-empty segment of a path or URI ({@code hdfs://nn/lake/cell.parquet/} gives {@code cell.parquet}):
     * the local stand-in name of a remote dataset, which the engine relocates to the URI in messages.
     */
    static String lastSegment(String location) {
        String[] segments = location.split("/"); // split drops the empty segments a trailing slash leaves
        return segments.length == 0 ? "remote.parquet" : segments[segments.length - 1];
    }

    /** A new {@link InputFile} for one reader; opening a remote file happens here. */
    abstract InputFile open();

    @Override
    public final String toString() {
        return name();
    }

    static ParquetInput local(Path file) {
        return of(file.toString(), () -> new LocalInputFile(file));
    }

    static ParquetInput inFolder(FolderSource folder, String relativeName) {
        return of(folder.name() + "/" + relativeName, () -> new SourceInputFile(folder.open(relativeName), true));
    }

    static ParquetInput shared(RandomAccessSource source) {
        return of(source.name(), () -> new SourceInputFile(source, false));
    }

    private static ParquetInput of(String name, Supplier<InputFile> opener) {
        return new ParquetInput() {
            @Override
            String name() {
                return name;
            }

            @Override
            InputFile open() {
                return opener.get();
            }
        };
    }
}
