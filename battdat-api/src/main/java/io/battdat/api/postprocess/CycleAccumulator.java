package io.battdat.api.postprocess;

import io.battdat.api.data.ColumnBatch;

/**
 * The per-table state of a {@link CycleSummarizer}: sees each cycle's rows as batches, then writes that cycle's
 * values. Batches are views valid during the call only.
 */
public interface CycleAccumulator {

    /** A new cycle starts; forget the previous one's state. */
    void beginCycle(long cycleNumber);

    /**
     * Rows {@code [from, to)} of a batch, all of the current cycle, in storage order.
     *
     * @param batch the batch (its layout is the context's)
     * @param from  first row
     * @param to    end row, exclusive
     */
    void rows(ColumnBatch batch, int from, int to);

    /**
     * The first row of the next cycle. Python's capacity integrals run up to and including it; summarizers that
     * do not need it ignore it. Not called after the last cycle.
     */
    void nextCycleFirstRow(ColumnBatch batch, int row);

    /**
     * The current cycle ended; write its values.
     *
     * @param out one slot per column of {@link CycleSummarizer#columns}, NaN until set
     */
    void endCycle(CycleValues out);
}
