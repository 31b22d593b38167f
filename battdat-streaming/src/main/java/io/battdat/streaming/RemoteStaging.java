package io.battdat.streaming;

import io.battdat.api.ErrorLocation;
import io.battdat.api.FileAccessException;
import io.battdat.api.spi.StorageProvider;
import io.battdat.api.spi.WriteMode;
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
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A remote dataset written locally and uploaded when complete (docs/remote-storage.md section 3): a writer works on
 * {@link #localPath()}, then {@link #commit()} uploads what it left there, and {@link #abort()} uploads nothing.
 *
 * <p>What the writer leaves decides the upload. A file (HDF5) goes up through the provider's
 * {@link StorageProvider.StagedOutput}, whole or not at all under the final name. A folder (a Parquet dataset, one
 * file per table) goes up file by file, each through its own staged output, so each file appears whole under its
 * final name while the folder fills; after a replacement, the old files the new dataset does not have are deleted.
 * Before writing, a remote folder is mirrored for the writer: downloaded for an append (only the files it then
 * changes are uploaded again), or as empty stand-ins for a replacement, so the backend applies its own rule of what
 * it may replace (the Parquet backend refuses a folder holding other files) and never reads them.
 */
public final class RemoteStaging implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteStaging.class);

    private final StorageProvider provider;
    private final StorageProvider.StagedOutput staged;
    private final String folderUri;
    private final WriteMode mode;
    /** The remote folder's files before writing (relative names; empty for a file or a new location). */
    private final List<String> previousFiles;
    /** For an append to a folder: each downloaded file's size and modification time, to upload only changes. */
    private final Map<String, String> downloaded = new HashMap<>();
    private boolean finished;

    private RemoteStaging(StorageProvider provider, StorageProvider.StagedOutput staged, String folderUri,
                          WriteMode mode, List<String> previousFiles) {
        this.provider = provider;
        this.staged = staged;
        this.folderUri = folderUri;
        this.mode = mode;
        this.previousFiles = previousFiles;
    }

    /**
     * Starts writing a remote location: checks it against the mode, and prepares the local copy a writer works on
     * (an append's existing file or folder is downloaded first).
     *
     * @param registry the registry whose provider serves the URI's scheme
     * @param uri      the remote location, as the user wrote it
     * @param mode     how the writer will write it
     * @return the staging, whose {@link #localPath()} the writer writes
     * @throws FileAccessException when the location exists and the mode is {@link WriteMode#CREATE}, or staging fails
     */
    public static RemoteStaging start(StorageRegistry registry, String uri, WriteMode mode) {
        Objects.requireNonNull(mode, "mode");
        StorageProvider provider = registry.storageFor(uri);
        boolean exists = provider.exists(uri);
        if (exists && mode == WriteMode.CREATE) {
            throw new FileAccessException(ErrorLocation.NONE,
                    "exists; choose another name, or overwrite or append", null)
                    .withLocation(uri);
        }
        String folderUri = ProviderFolder.folderUri(uri);
        List<String> folderFiles = exists ? ProviderFolder.filesOf(provider, folderUri) : List.of();
        RemoteStaging staging = new RemoteStaging(provider, provider.create(folderUri), folderUri, mode, folderFiles);
        try {
            staging.mirror(uri, exists);
            return staging;
        } catch (RuntimeException e) {
            staging.abort();
            throw e;
        }
    }

    private void mirror(String uri, boolean exists) {
        Path local = localPath();
        try {
            for (String file : previousFiles) {
                Path into = local.resolve(file);
                Files.createDirectories(into.getParent());
                if (mode == WriteMode.APPEND) {
                    provider.copyTo(folderUri + "/" + file, into);
                    downloaded.put(file, stamp(into));
                } else {
                    Files.createFile(into);
                }
            }
        } catch (IOException e) {
            throw new FileAccessException(ErrorLocation.of(local), "cannot stage " + uri + ": " + e.getMessage(), e);
        }
        if (previousFiles.isEmpty() && exists && mode == WriteMode.APPEND) {
            provider.copyTo(uri, local);
        }
        LOG.debug("writing {} through the staging location {}", uri, local);
    }

    /** The local file or folder the writer writes; it exists before writing only when a remote one was mirrored. */
    public Path localPath() {
        return staged.localFile();
    }

    /**
     * Whether the writer finds a copy of the remote location at {@link #localPath()}: an append's download, or the
     * stand-ins of a replaced folder. When not, the local path is new.
     */
    public boolean existed() {
        return !previousFiles.isEmpty() || Files.exists(localPath());
    }

    /**
     * Uploads what the writer left at {@link #localPath()} and removes the local copy. Idempotent.
     *
     * @throws FileAccessException when an upload fails (files already uploaded stay; see the class comment)
     */
    public void commit() {
        if (finished) {
            return;
        }
        finished = true;
        if (!Files.isDirectory(localPath())) {
            staged.commit();
            return;
        }
        try {
            uploadFolder(localPath());
        } finally {
            staged.abort(); // removes the local folder; its files were moved to their own uploads
        }
    }

    /** Removes the local copy; nothing is uploaded. Idempotent, never fails. */
    public void abort() {
        finished = true;
        staged.abort();
    }

    /** Aborts unless committed. */
    @Override
    public void close() {
        if (!finished) {
            abort();
        }
    }

    private void uploadFolder(Path local) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(local)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new FileAccessException(ErrorLocation.of(local),
                    "cannot list the staged dataset for " + folderUri + ": " + e.getMessage(), e);
        }
        Set<String> written = new HashSet<>();
        int uploaded = 0;
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
                uploaded++;
            } catch (IOException e) {
                throw new FileAccessException(ErrorLocation.of(file),
                        "cannot upload to " + folderUri + "/" + relative + ": " + e.getMessage(), e);
            }
        }
        if (mode != WriteMode.APPEND) {
            for (String old : previousFiles) {
                if (!written.contains(old)) {
                    provider.delete(folderUri + "/" + old);
                }
            }
        }
        LOG.debug("uploaded {} of the {} files of {}", uploaded, files.size(), folderUri);
    }

    /** A file's size and modification time, which an append leaves as they were when it does not change the file. */
    private static String stamp(Path file) throws IOException {
        return Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis();
    }

    @Override
    public String toString() {
        return "RemoteStaging[" + folderUri + " via " + localPath() + "]";
    }
}
