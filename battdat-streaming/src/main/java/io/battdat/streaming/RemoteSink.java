package io.battdat.streaming;

import io.battdat.api.FileAccessException;
import io.battdat.api.data.TableLayout;
import io.battdat.api.schema.ColumnSchema;
import io.battdat.api.spi.DatasetSink;
import io.battdat.api.spi.StorageProvider;
import io.battdat.api.spi.TableSink;
import io.battdat.api.spi.WriteMode;
import io.battdat.api.spi.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A dataset written to local staging and uploaded under its URI when closed, because HDF5 commits rewrite earlier
 * bytes, which object stores cannot. Nothing appears under the URI before {@link #close()}; an abort (or a killed
 * process) leaves only the staging file, never a partial object under the final name.
 *
 * <p>A backend that writes a dataset as a folder of files (Parquet) writes a local staging folder; at close each of
 * its files is uploaded through its own {@link StorageProvider.StagedOutput}, so each file appears whole under its
 * final name (the folder fills file by file). An append first downloads the remote folder and uploads only the
 * files it changed; an overwrite deletes, after the upload, the old files the new dataset does not have.
 */
final class RemoteSink implements DatasetSink {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteSink.class);

    private final DatasetSink inner;
    private final StorageProvider provider;
    private final StorageProvider.StagedOutput staged;
    private final String folderUri;
    /** The remote folder's files before writing (relative names; empty for a file or a new folder). */
    private final List<String> previousFiles;
    /** For an append to a folder: each downloaded file's size and modification time, to upload only changes. */
    private final Map<String, String> downloaded;
    private final WriteMode mode;
    private boolean finished;

    private RemoteSink(DatasetSink inner, StorageProvider provider, StorageProvider.StagedOutput staged,
                       String folderUri, List<String> previousFiles, Map<String, String> downloaded, WriteMode mode) {
        this.inner = inner;
        this.provider = provider;
        this.staged = staged;
        this.folderUri = folderUri;
        this.previousFiles = previousFiles;
        this.downloaded = downloaded;
        this.mode = mode;
    }

    static DatasetSink open(StorageRegistry registry, StorageProvider provider, String uri, WriteOptions options) {
        boolean exists = provider.exists(uri);
        if (exists && options.mode() == WriteMode.CREATE) {
            throw new FileAccessException(null, null, "exists; choose another name, or overwrite or append")
                    .withLocation(uri);
        }
        String folderUri = ProviderFolder.folderUri(uri);
        List<String> folderFiles = exists ? ProviderFolder.filesOf(provider, folderUri) : List.of();
        StorageProvider.StagedOutput staged = provider.create(folderUri);
        try {
            Path local = staged.localFile();
            WriteOptions localOptions = options;
            Map<String, String> downloaded = new HashMap<>();
            if (!folderFiles.isEmpty()) {
                for (String file : folderFiles) {
                    Path into = local.resolve(file);
                    Files.createDirectories(into.getParent());
                    if (options.mode() == WriteMode.APPEND) {
                        provider.copyTo(folderUri + "/" + file, into);
                        downloaded.put(file, stamp(into));
                    } else {
                        // empty stand-ins of the old files, so the backend applies its own rule of what a
                        // replacement may remove (Parquet refuses a folder holding other files); it never reads them
                        Files.createFile(into);
                    }
                }
            } else if (exists && options.mode() == WriteMode.APPEND) {
                provider.copyTo(uri, local);
            } else if (options.mode() == WriteMode.OVERWRITE) {
                localOptions = options.withMode(WriteMode.CREATE); // the staging file is new; the upload replaces
            }
            LOG.debug("writing {} through the staging location {}", uri, local);
            return new RemoteSink(registry.openSink(local, localOptions), provider, staged, folderUri, folderFiles,
                    downloaded, options.mode());
        } catch (IOException e) {
            staged.abort();
            throw new FileAccessException(staged.localFile(), null, "cannot stage " + uri + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            staged.abort();
            throw e;
        }
    }

    /** A file's size and modification time, which an append leaves as they were when it does not change the file. */
    private static String stamp(Path file) throws IOException {
        return Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis();
    }

    @Override
    public TableSink createTable(String key, TableLayout layout, ColumnSchema schema, long expectedRows) {
        return inner.createTable(key, layout, schema, expectedRows);
    }

    @Override
    public TableSink appendTo(String key) {
        return inner.appendTo(key);
    }

    @Override
    public void clearMonotonic(String key, Set<String> columns) {
        inner.clearMonotonic(key, columns);
    }

    @Override
    public void flush() {
        inner.flush();
    }

    /** Closes the staging file (its last commit) and uploads it under the URI. */
    @Override
    public void close() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            inner.close();
        } catch (RuntimeException e) {
            staged.abort();
            throw e;
        }
        if (!Files.isDirectory(staged.localFile())) {
            staged.commit();
            return;
        }
        try {
            uploadFolder(staged.localFile());
        } finally {
            staged.abort(); // removes the local staging folder; its files were moved to their own uploads
        }
    }

    /** Uploads each file of a written folder whole under its final name, then removes the old files left over. */
    private void uploadFolder(Path local) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(local)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new FileAccessException(local, null, "cannot list the staged dataset for " + folderUri + ": "
                    + e.getMessage(), e);
        }
        Set<String> written = new HashSet<>();
        for (Path file : files) {
            String relative = local.relativize(file).toString().replace(java.io.File.separatorChar, '/');
            written.add(relative);
            if (relative.startsWith(".") || relative.contains("/.")) {
                continue; // a backend's unfinished file, never published
            }
            try {
                String was = downloaded.get(relative);
                if (was != null && was.equals(stamp(file))) {
                    continue; // an append that left this file as it was downloaded
                }
                try (StorageProvider.StagedOutput out = provider.create(folderUri + "/" + relative)) {
                    Files.move(file, out.localFile(), StandardCopyOption.REPLACE_EXISTING);
                    out.commit();
                }
            } catch (IOException e) {
                throw new FileAccessException(file, null, "cannot upload to " + folderUri + "/" + relative + ": "
                        + e.getMessage(), e);
            }
        }
        if (mode != WriteMode.APPEND) {
            for (String old : previousFiles) {
                if (!written.contains(old)) {
                    provider.delete(folderUri + "/" + old);
                }
            }
        }
        LOG.debug("uploaded {} files of {}", files.size(), folderUri);
    }

    /** Abandons the staging file; nothing is uploaded. */
    @Override
    public void abort() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            inner.abort();
        } finally {
            staged.abort();
        }
    }
}
