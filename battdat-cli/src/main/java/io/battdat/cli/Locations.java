package io.battdat.cli;

import io.battdat.api.BattdatException;
import io.battdat.api.InvalidUseException;
import io.battdat.api.spi.WriteMode;
import io.battdat.streaming.RemoteStaging;
import io.battdat.streaming.StorageRegistry;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * File arguments that may be URIs ({@code hdfs://namenode/lake/a.h5}, {@code s3a://bucket/a.h5}): kept as the user
 * wrote them (a {@link Path} would fold {@code s3a://b} to {@code s3a:/b}) and turned into paths only when local.
 */
final class Locations {
    private Locations() {
    }

    /** Whether a location is a URI other than {@code file:}. */
    static boolean isRemote(String location) {
        return StorageRegistry.isUri(location) && !location.regionMatches(true, 0, "file:", 0, 5);
    }

    /** The local path of a location, or null for a remote one. */
    static Path localPath(String location) {
        if (!StorageRegistry.isUri(location)) {
            return Path.of(location);
        }
        return isRemote(location) ? null : Path.of(java.net.URI.create(location));
    }

    /** The local path of a location, refusing a remote one for an action that works on local files only. */
    static Path requireLocal(String location, String action) {
        Path p = localPath(location);
        if (p == null) {
            throw new InvalidUseException(action + " works on local files only, not " + location
                    + "; copy it here first with `battdat copy " + location + " LOCAL.h5`");
        }
        return p;
    }

    /** An error located at a location: remote locations are set as the exception's location. */
    static BattdatException at(BattdatException e, String location) {
        return isRemote(location) ? e.withLocation(location) : e;
    }

    /**
     * Runs a writer of a new file or dataset folder: at the path itself when local; for a URI, on a local staging
     * copy that is uploaded when the writer returns (nothing appears under the URI if it fails; a Parquet folder
     * is uploaded file by file, each whole).
     */
    static void writeNew(StorageRegistry registry, String location, Consumer<Path> writer) {
        Path local = localPath(location);
        if (local != null) {
            writer.accept(local);
            return;
        }
        try (RemoteStaging staged = RemoteStaging.start(registry, location, WriteMode.OVERWRITE)) {
            writer.accept(staged.localPath());
            staged.commit();
        }
    }
}
