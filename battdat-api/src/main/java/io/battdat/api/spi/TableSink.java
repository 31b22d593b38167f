package io.battdat.api.spi;

import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.TableLayout;

/** Appends rows to one table of a {@link DatasetSink}. */
public interface TableSink {

    /** The table's stored columns. */
    TableLayout layout();

    /** Buffers rows {@code [from, to)} of a batch whose layout equals {@link #layout()}. */
    void append(ColumnBatch batch, int from, int to);

    /**
     * Makes every buffered row durable in the file (readable by other programs, surviving a crash of this
     * process) and returns how many rows this call wrote.
     */
    long flush();

    /** Rows written by completed flushes. */
    long rowsWritten();
}
