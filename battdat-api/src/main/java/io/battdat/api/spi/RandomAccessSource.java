package io.battdat.api.spi;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Bytes of one stored file read by position: a local file, or an object in a remote store reached through a
 * {@link StorageProvider}. Backends read datasets through it, so they need not know where a file lives.
 *
 * <p>Implementations are thread-safe: positional reads do not share a position, so a backend may keep several
 * reads in flight (the HDF5 reader decodes chunks on several threads). Every failure is a
 * {@link io.battdat.api.FileAccessException} whose message names {@link #name()}.
 */
public interface RandomAccessSource extends AutoCloseable {

    /**
     * The file's name as the user wrote it, for messages: a local path, or a URI such as {@code s3a://bucket/x.h5}
     * (never pushed through {@link Path}, which would fold the double slash).
     */
    String name();

    /** The length of the file in bytes, known when the source was opened. */
    long size();

    /**
     * Fills {@code into}, from its position to its limit, with the bytes at {@code position}; the buffer's position
     * moves to its limit.
     *
     * @throws io.battdat.api.FileAccessException when the bytes cannot be read, or the file ends before the limit
     */
    void readFully(long position, ByteBuffer into);

    /**
     * A hint that the bytes {@code [position, position + length)} will be read soon, so a remote source may fetch
     * them ahead of the reader. Sources read locally ignore it (the default); it never fails.
     */
    default void willRead(long position, long length) {
    }

    /**
     * The local file behind this source, when there is one: backends then keep their local code path (file
     * channels, the operating system's cache). Empty (the default) for remote sources.
     */
    default Optional<Path> localPath() {
        return Optional.empty();
    }

    /** Releases the connection or file handle; idempotent. */
    @Override
    void close();

    /**
     * A source over a local file, opened for reading.
     *
     * @throws io.battdat.api.FileAccessException when the file does not exist or cannot be opened
     */
    static RandomAccessSource ofFile(Path file) {
        return LocalFileSource.open(file);
    }
}
