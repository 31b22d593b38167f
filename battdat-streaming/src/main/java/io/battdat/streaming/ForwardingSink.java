package io.battdat.streaming;

import io.battdat.api.data.TableLayout;
import io.battdat.api.schema.ColumnSchema;
import io.battdat.api.spi.DatasetSink;
import io.battdat.api.spi.TableSink;

import java.util.Set;

/**
 * A dataset sink that hands every call to the backend's sink it wraps; the engine's wrappers (the monotonic guard,
 * the remote upload) override only the calls they add something to.
 */
abstract class ForwardingSink implements DatasetSink {
    /** The sink every call not overridden goes to. */
    final DatasetSink delegate;

    ForwardingSink(DatasetSink delegate) {
        this.delegate = delegate;
    }

    @Override
    public TableSink createTable(String key, TableLayout layout, ColumnSchema schema, long expectedRows) {
        return delegate.createTable(key, layout, schema, expectedRows);
    }

    @Override
    public TableSink appendTo(String key) {
        return delegate.appendTo(key);
    }

    @Override
    public void clearMonotonic(String key, Set<String> columns) {
        delegate.clearMonotonic(key, columns);
    }

    @Override
    public void flush() {
        delegate.flush();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public void abort() {
        delegate.abort();
    }
}
