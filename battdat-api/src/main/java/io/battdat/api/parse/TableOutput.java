package io.battdat.api.parse;

import io.battdat.api.data.ColumnBatch;

/** Where a parser sends the rows of one declared table. */
public interface TableOutput {

    /**
     * Takes the batch's rows. The engine copies what it keeps before returning, so the parser may refill the
     * same batch right after. The batch's layout must be the one declared.
     */
    void write(ColumnBatch batch);
}
