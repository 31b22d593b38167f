package io.battdat.streaming;

import io.battdat.api.data.ColumnBatch;
import io.battdat.api.spi.TableInfo;

import java.util.Iterator;

/**
 * The rows of one table as columnar batches, in storage order. A batch is valid until the next call to
 * {@link #next()}; the file stays open until {@link #close()}.
 */
public interface BatchStream extends Iterator<ColumnBatch>, AutoCloseable {

    /** The table being read. */
    TableInfo table();

    /** Closes the table and the file. Idempotent. */
    @Override
    void close();
}
