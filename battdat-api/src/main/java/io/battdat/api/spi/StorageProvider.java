package io.battdat.api.spi;

import java.util.List;

/**
 * Service interface of a file system reached by URI ({@code hdfs://}, {@code s3a://}, ...): opens files for
 * positional reads, lists globs, and writes new files through a local staging file. Found with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/io.battdat.api.spi.StorageProvider}) and chosen by the
 * URI's scheme; plain paths never reach a provider. Implementations have a public no-argument constructor that does
 * no I/O.
 *
 * <p>Every failure is a {@link io.battdat.api.BattdatException} subtype whose message names the URI as the user
 * wrote it: {@link io.battdat.api.FileAccessException} for missing files, buckets, denied access and lost
 * connections (after the provider's bounded retries of transient errors).
 */
public interface StorageProvider {

    /** A short unique name ({@code hadoop}). */
    String name();

    /** The URI schemes this provider serves, lower case, without {@code ://}. */
    List<String> schemes();

    /**
     * Opens a file for positional reads.
     *
     * @param uri the file's URI, as the user wrote it
     * @throws io.battdat.api.FileAccessException when it does not exist or cannot be read
     */
    RandomAccessSource open(String uri);

    /**
     * Whether a file or directory exists at a URI.
     *
     * @throws io.battdat.api.FileAccessException when the store cannot be asked (no such bucket, denied access)
     */
    boolean exists(String uri);

    /**
     * The files a pattern names, sorted: {@code *} and {@code ?} within one path segment, {@code **} across any
     * number of directories (none included); a pattern without wildcards names itself when it exists.
     *
     * @param pattern a URI, possibly with wildcards
     * @return the URIs of the matching files (not directories); empty when none match
     * @throws io.battdat.api.FileAccessException when the store cannot be listed
     */
    List<String> list(String pattern);

    /**
     * Deletes a file; a missing file is not an error.
     *
     * @throws io.battdat.api.FileAccessException when the store refuses
     */
    void delete(String uri);

    /**
     * Copies a file to a new local file in bounded pieces (the default reads through {@link #open(String)}), for
     * writers that append to a remote file through a staging copy.
     *
     * @param uri       the remote file
     * @param localFile a local file that does not exist yet
     * @throws io.battdat.api.FileAccessException when either side fails
     */
    default void copyTo(String uri, java.nio.file.Path localFile) {
        final int piece = 1 << 20;
        try (RandomAccessSource source = open(uri);
             java.nio.channels.FileChannel out = java.nio.channels.FileChannel.open(localFile,
                     java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(piece);
            for (long at = 0; at < source.size(); ) {
                buffer.clear().limit((int) Math.min(piece, source.size() - at));
                source.readFully(at, buffer);
                buffer.flip();
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                at += buffer.limit();
            }
        } catch (java.io.IOException e) {
            throw new io.battdat.api.FileAccessException(io.battdat.api.ErrorLocation.of(localFile),
                    "cannot copy " + uri + " here: " + e.getMessage(), e);
        }
    }

    /**
     * Starts writing a new file at a URI. Writers write the returned output's local file; nothing appears under the
     * URI until {@link StagedOutput#commit()}, which replaces any file there.
     *
     * @param uri where the file will be
     * @throws io.battdat.api.FileAccessException when no local staging file can be made
     */
    StagedOutput create(String uri);

    /**
     * The SPI version this provider was compiled against: implement it as {@code return Spi.VERSION;} (see
     * {@link StreamReader#spiVersion()}).
     */
    int spiVersion();

    /**
     * A file being written: a local staging file that the writer fills (HDF5 commits rewrite earlier bytes, which
     * object stores cannot), uploaded under the final URI by {@link #commit()}.
     */
    interface StagedOutput extends AutoCloseable {
        /** The final URI, as the user wrote it. */
        String name();

        /** The local file to write; it may not exist yet. */
        java.nio.file.Path localFile();

        /**
         * Uploads the local file under the final URI and deletes it. The upload is whole or nothing under the final
         * name as far as the store allows (docs/remote-storage.md).
         *
         * @throws io.battdat.api.FileAccessException when the upload fails; the staging file is then deleted too
         */
        void commit();

        /** Deletes the staging file; nothing is written under the final URI. Idempotent, never fails. */
        void abort();

        /** Aborts unless committed. */
        @Override
        void close();
    }
}
