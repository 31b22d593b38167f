package io.battdat.streaming.postprocess;

import io.battdat.api.SchemaViolationException;
import io.battdat.api.data.BatchBuffer;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.DoubleColumn;
import io.battdat.api.data.StorageType;
import io.battdat.api.data.TableLayout;
import io.battdat.api.postprocess.DerivedColumn;
import io.battdat.api.postprocess.EnhancerStage;
import io.battdat.api.postprocess.TableContext;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * An enhancer stage that appends float64 columns computed row by row: each input batch is copied into one reused
 * output batch (its columns, then the added ones) and handed on. Subclasses fill the added columns.
 */
abstract class AddingStage implements EnhancerStage {
    protected final TableContext context;
    private final Consumer<ColumnBatch> downstream;
    private final TableLayout outLayout;
    private final int inColumns;
    private BatchBuffer out;
    protected long rowsSeen;

    AddingStage(TableContext context, List<DerivedColumn> added, Consumer<ColumnBatch> downstream) {
        this.context = context;
        this.downstream = downstream;
        TableLayout in = context.layout();
        List<ColumnSpec> specs = new ArrayList<>(in.columns());
        for (DerivedColumn c : added) {
            if (in.contains(c.name())) {
                throw new SchemaViolationException(context.file(), context.table(), "the table already has a '"
                        + c.name() + "' column; drop it first or do not ask for it again");
            }
            specs.add(ColumnSpec.of(c.name(), StorageType.FLOAT64));
        }
        this.inColumns = in.size();
        this.outLayout = TableLayout.of(specs);
    }

    @Override
    public TableLayout outputLayout() {
        return outLayout;
    }

    @Override
    public void accept(ColumnBatch batch) {
        int n = batch.rowCount();
        if (out == null || out.capacity() < n) {
            out = BatchBuffer.allocate(outLayout, Math.max(n, 1));
        }
        for (int c = 0; c < inColumns; c++) {
            out.copyColumnRows(batch, c, 0, 0, n);
        }
        out.setRowCount(n);
        out.setFirstRow(batch.firstRow());
        compute(batch, n);
        rowsSeen += n;
        downstream.accept(out);
    }

    /** The i-th added column of the output batch. */
    protected final double[] added(int i) {
        return ((DoubleColumn) out.column(inColumns + i)).buffer();
    }

    /** Fills the added columns for the batch's {@code n} rows. */
    protected abstract void compute(ColumnBatch batch, int n);

    @Override
    public void finish() {
        // nothing held back
    }
}
