package io.battdat.hadoop;

import io.battdat.api.ErrorLocation;
import io.battdat.api.FileAccessException;
import io.battdat.api.spi.StorageProvider;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A new remote file written through a local staging file. HDF5 commits rewrite earlier bytes, which object stores
 * cannot, so the writer works on a local file and {@link #commit()} uploads it:
 * <ul>
 *   <li>on object stores ({@code s3a}, {@code gs}) straight under the final name: the object appears only when the
 *       upload completes (s3a uses a multipart upload for large files), so a killed job leaves nothing there;</li>
 *   <li>on file systems ({@code hdfs} and the others) under a hidden temporary name in the same folder, renamed to the
 *       final name once complete, so readers never see a partial file under it.</li>
 * </ul>
 */
final class HadoopStagedOutput implements StorageProvider.StagedOutput {
    private static final Logger LOG = LoggerFactory.getLogger(HadoopStagedOutput.class);
    private static final List<String> OBJECT_STORES = List.of("s3a", "s3", "s3n", "gs");
    private static final int COPY_BYTES = 1 << 20;

    private final String uri;
    private final FileSystem fs;
    private final Path target;
    private final java.nio.file.Path folder;
    private final java.nio.file.Path localFile;
    private final HadoopStorage.Settings settings;
    private boolean finished;

    private HadoopStagedOutput(String uri, FileSystem fs, Path target, java.nio.file.Path folder,
                               HadoopStorage.Settings settings) {
        this.uri = uri;
        this.fs = fs;
        this.target = target;
        this.folder = folder;
        this.localFile = folder.resolve(target.getName());
        this.settings = settings;
    }

    static HadoopStagedOutput create(String uri, FileSystem fs, Path target, HadoopStorage.Settings settings) {
        try {
            Files.createDirectories(settings.stagingDirectory());
            java.nio.file.Path folder = Files.createTempDirectory(settings.stagingDirectory(), "battdat-upload-");
            return new HadoopStagedOutput(uri, fs, target, folder, settings);
        } catch (IOException e) {
            throw new FileAccessException(ErrorLocation.of(settings.stagingDirectory()),
                    "cannot make a staging folder to write " + uri + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return uri;
    }

    @Override
    public java.nio.file.Path localFile() {
        return localFile;
    }

    @Override
    public void commit() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            if (!Files.exists(localFile)) {
                throw new FileAccessException(ErrorLocation.of(localFile),
                        "the writer left no staging file to upload to " + uri, null);
            }
            String scheme = target.toUri().getScheme() == null ? ""
                    : target.toUri().getScheme().toLowerCase(Locale.ROOT);
            if (OBJECT_STORES.contains(scheme)) {
                upload(target);
            } else {
                Path temporary = new Path(target.getParent(), "." + target.getName() + ".battdat-"
                        + UUID.randomUUID() + ".tmp");
                try {
                    upload(temporary);
                    replace(temporary);
                } catch (RuntimeException e) {
                    deleteQuietly(temporary);
                    throw e;
                }
            }
            LOG.debug("uploaded {} ({} bytes)", uri, size());
        } finally {
            deleteStaging();
        }
    }

    private long size() {
        try {
            return Files.size(localFile);
        } catch (IOException e) {
            return -1;
        }
    }

    private void upload(Path to) {
        new HadoopStorage(settings).withRetries(uri, "cannot upload", () -> {
            try (InputStream in = Files.newInputStream(localFile);
                 FSDataOutputStream out = fs.create(to, true)) {
                byte[] buffer = new byte[COPY_BYTES];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    out.write(buffer, 0, n);
                }
            }
            return null;
        });
    }

    private void replace(Path temporary) {
        new HadoopStorage(settings).withRetries(uri, "cannot rename the uploaded file into place", () -> {
            if (fs.exists(target) && !fs.delete(target, false)) {
                throw new IOException("cannot delete the file it replaces");
            }
            if (!fs.rename(temporary, target)) {
                throw new IOException("rename of " + temporary + " refused");
            }
            return null;
        });
    }

    private void deleteQuietly(Path p) {
        try {
            fs.delete(p, false);
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: cannot delete the temporary upload {}: {}", uri, p, e.toString());
        }
    }

    @Override
    public void abort() {
        finished = true;
        deleteStaging();
    }

    private void deleteStaging() {
        try (Stream<java.nio.file.Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.warn("cannot delete the staging file {}: {}", p, e.toString());
                }
            });
        } catch (IOException e) {
            if (Files.exists(folder)) {
                LOG.warn("cannot delete the staging folder {}: {}", folder, e.toString());
            }
        }
    }

    @Override
    public void close() {
        if (!finished) {
            abort();
        }
    }

    @Override
    public String toString() {
        return "HadoopStagedOutput[" + uri + " via " + localFile + "]";
    }
}
