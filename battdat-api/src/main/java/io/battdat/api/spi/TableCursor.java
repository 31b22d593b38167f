package io.battdat.api.spi;

import io.battdat.api.data.ColumnBatch;

/**
 * Streams one table as batches, in storage order. The batch returned by {@link #batch()} is valid until the
 * next {@link #next()} or {@link #close()}. A failure part-way (a corrupt chunk) is thrown from {@code next()};
 * rows of earlier batches were complete and correct.
 */
public interface TableCursor extends AutoCloseable {

    /** The table being read. */
    TableInfo table();

    /** Advances to the next non-empty batch; false at the end of the table. */
    boolean next();

    /** The current batch. */
    ColumnBatch batch();

    /** Releases the cursor's buffers and threads; the dataset stays open. Idempotent. */
    @Override
    void close();
}
