package io.battdat.api.spi;

import io.battdat.api.data.TableLayout;
import io.battdat.api.schema.ColumnSchema;

/** A dataset open for writing. Closing flushes every table. */
public interface DatasetSink extends AutoCloseable {

    /**
     * Creates a table ({@code raw_data} or {@code cell_a/raw_data}; the prefix group is created when missing).
     *
     * @param expectedRows a hint for chunk sizing, as PyTables' {@code expectedrows}
     */
    TableSink createTable(String key, TableLayout layout, ColumnSchema schema, long expectedRows);

    /** Opens an existing table for appending. */
    TableSink appendTo(String key);

    /**
     * Rewrites a table's stored column schema so the named columns are no longer declared monotonic, before rows
     * that decrease in them are committed ({@link MonotonicPolicy#CLEAR_DECLARATION}). Must leave the file readable
     * with the old or the new schema if the process dies at any instant. Backends that cannot do that refuse.
     *
     * @param key     the table, as given to {@link #createTable} or {@link #appendTo}
     * @param columns the columns whose declaration is cleared
     * @throws io.battdat.api.UnsupportedFeatureException when this backend cannot rewrite the table's schema
     *                                                    safely; the default always refuses
     */
    default void clearMonotonic(String key, java.util.Set<String> columns) {
        throw new io.battdat.api.UnsupportedFeatureException(io.battdat.api.ErrorLocation.of(null, key),
                "this storage backend cannot rewrite a stored "
                + "column schema; copy to a new file instead", null);
    }

    /** Flushes every table. */
    void flush();

    /**
     * Completes the dataset: every buffered row is written and the file is complete under its name.
     */
    @Override
    void close();

    /**
     * Gives up: a new file is removed (nothing appears under its name), an existing one keeps every row of its last
     * completed flush. Call it instead of {@link #close()} when writing failed part-way; it must not commit the rows
     * buffered since the last flush. Idempotent, and a no-op after {@link #close()}.
     */
    void abort();
}
