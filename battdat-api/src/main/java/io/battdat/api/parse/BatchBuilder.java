package io.battdat.api.parse;

import io.battdat.api.data.BatchBuffer;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.TableLayout;

/**
 * Fills a fixed-size batch row by row and hands it to a {@link TableOutput} when full. The batch never grows, so a
 * parser may keep references to its columns' arrays ({@code batch().doubles("voltage").buffer()}) for the whole
 * run: the hot loop then writes primitives and allocates nothing.
 */
public final class BatchBuilder {
    private final BatchBuffer batch;
    private final TableOutput output;
    private final int capacity;
    private int rows;
    private long total;

    /**
     * @param layout    the table's columns
     * @param output    where full batches go
     * @param batchRows rows per batch
     */
    public BatchBuilder(TableLayout layout, TableOutput output, int batchRows) {
        this.batch = BatchBuffer.allocate(layout, batchRows);
        this.output = output;
        this.capacity = batchRows;
    }

    /** The batch being filled; its column arrays stay the same for the builder's life. */
    public BatchBuffer batch() {
        return batch;
    }

    /** Index in the batch of the row being filled. */
    public int row() {
        return rows;
    }

    /** Ends the row being filled; sends the batch when full. */
    public void commit() {
        rows++;
        total++;
        if (rows == capacity) {
            send();
        }
    }

    /** Sends the rows filled so far (end of input). */
    public void finish() {
        if (rows > 0) {
            send();
        }
    }

    /** Rows committed so far. */
    public long rowsCommitted() {
        return total;
    }

    private void send() {
        batch.setRowCount(rows);
        output.write(batch);
        batch.clear();
        rows = 0;
    }
}
