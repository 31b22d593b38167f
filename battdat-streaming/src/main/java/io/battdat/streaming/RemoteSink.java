package io.battdat.streaming;

import io.battdat.api.BattdatException;
import io.battdat.api.FileAccessException;
import io.battdat.api.data.TableLayout;
import io.battdat.api.schema.ColumnSchema;
import io.battdat.api.spi.DatasetSink;
import io.battdat.api.spi.RandomAccessSource;
import io.battdat.api.spi.StorageProvider;
import io.battdat.api.spi.TableSink;
import io.battdat.api.spi.WriteMode;
import io.battdat.api.spi.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * A dataset written to a local staging file and uploaded under its URI when closed, because HDF5 commits rewrite
 * earlier bytes, which object stores cannot. Nothing appears under the URI before {@link #close()}; an abort (or a
 * killed process) leaves only the staging file, never a partial object under the final name.
 */
final class RemoteSink implements DatasetSink {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteSink.class);
    private static final int COPY_BYTES = 1 << 20;

    private final DatasetSink inner;
    private final StorageProvider.StagedOutput staged;
    private boolean finished;

    private RemoteSink(DatasetSink inner, StorageProvider.StagedOutput staged) {
        this.inner = inner;
        this.staged = staged;
    }

    static DatasetSink open(StorageRegistry registry, StorageProvider provider, String uri, WriteOptions options) {
        boolean exists = provider.exists(uri);
        if (exists && options.mode() == WriteMode.CREATE) {
            throw new FileAccessException(null, null, "exists; choose another name, or overwrite or append")
                    .withLocation(uri);
        }
        StorageProvider.StagedOutput staged = provider.create(uri);
        try {
            WriteOptions local = options;
            if (exists && options.mode() == WriteMode.APPEND) {
                provider.copyTo(uri, staged.localFile());
            } else if (options.mode() == WriteMode.OVERWRITE) {
                local = options.withMode(WriteMode.CREATE); // the staging file is new; the upload replaces
            }
            LOG.debug("writing {} through the staging file {}", uri, staged.localFile());
            return new RemoteSink(registry.openSink(staged.localFile(), local), staged);
        } catch (BattdatException e) {
            staged.abort();
            throw e;
        } catch (RuntimeException e) {
            staged.abort();
            throw e;
        }
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
        staged.commit();
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
