package io.battdat.streaming;

import io.battdat.api.data.ColumnBatch;
import io.battdat.api.spi.TableInfo;

import java.util.Iterator;

/**
 * The rows of one table as columnar batches, in storage order ({@link BattdatEngine#batches}). A batch is valid
 * until the next call to {@link #next()} (backends refill one batch); copy what you keep. The file stays open until
 * {@link #close()}, also after the last batch; a read error thrown from {@code hasNext()}/{@code next()} closes it.
 */
public interface BatchStream extends Iterator<ColumnBatch>, AutoCloseable {

    /** The table being read. */
    TableInfo table();

    /** Closes the table and the file. Idempotent. */
    @Override
    void close();
}
