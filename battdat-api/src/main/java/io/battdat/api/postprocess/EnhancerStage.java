package io.battdat.api.postprocess;

import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.TableLayout;

/** One table going through a {@link RawDataEnhancer}: batches in, batches with the added columns out. */
public interface EnhancerStage {

    /** The columns of the batches handed downstream. */
    TableLayout outputLayout();

    /** Takes the next batch in storage order; may hand on zero or more batches (a stage may hold rows back). */
    void accept(ColumnBatch batch);

    /** No more input: hand on every row still held. */
    void finish();
}
