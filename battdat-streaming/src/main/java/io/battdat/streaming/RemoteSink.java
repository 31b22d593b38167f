package io.battdat.streaming;

import io.battdat.api.spi.DatasetSink;
import io.battdat.api.spi.WriteMode;
import io.battdat.api.spi.WriteOptions;

/**
 * A dataset written to local staging and uploaded under its URI when closed ({@link RemoteStaging}), because HDF5
 * commits rewrite earlier bytes, which object stores cannot. Nothing appears under the URI before {@link #close()};
 * an abort (or a killed process) leaves only the local staging copy, never a partial file under a final name.
 */
final class RemoteSink extends ForwardingSink {
    private final RemoteStaging staging;
    private boolean finished;

    private RemoteSink(DatasetSink staged, RemoteStaging staging) {
        super(staged);
        this.staging = staging;
    }

    static DatasetSink open(StorageRegistry registry, String uri, WriteOptions options) {
        RemoteStaging staging = RemoteStaging.start(registry, uri, options.mode());
        try {
            WriteOptions local = options;
            if (options.mode() == WriteMode.OVERWRITE && !staging.existed()) {
                local = options.withMode(WriteMode.CREATE); // the staging location is new; the upload replaces
            }
            return new RemoteSink(registry.openSink(staging.localPath(), local), staging);
        } catch (RuntimeException e) {
            staging.abort();
            throw e;
        }
    }

    /** Closes the staged dataset (its last commit) and uploads it under the URI. */
    @Override
    public void close() {
        finish(true);
    }

    /** Abandons the staging file; nothing is uploaded. */
    @Override
    public void abort() {
        finish(false);
    }

    /**
     * Ends the sink once, whichever of close and abort comes first: uploads the staged dataset when {@code upload}
     * and its last commit succeeds, otherwise drops the staging copy.
     */
    private void finish(boolean upload) {
        if (finished) {
            return;
        }
        finished = true;
        if (!upload) {
            try {
                delegate.abort();
            } finally {
                staging.abort();
            }
            return;
        }
        try {
            delegate.close();
        } catch (RuntimeException e) {
            staging.abort();
            throw e;
        }
        staging.commit();
    }
}
