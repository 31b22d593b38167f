package io.battdat.streaming.postprocess;

import io.battdat.api.BadFormatException;
import io.battdat.api.ErrorLocation;
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
 * An enhancer stage that appends float64 columns computed row by row within cycles: each input batch is copied into
 * one reused output batch (its columns, then the added ones) and handed on. Subclasses fill the added columns; this
 * class reads {@code cycle_number} and {@code test_time} for them and tells where a cycle starts.
 */
abstract class AddingStage implements EnhancerStage {
    protected final TableContext context;
    private final Consumer<ColumnBatch> downstream;
    private final TableLayout outLayout;
    private final int inColumns;
    private final int cycleColumn;
    private final int timeColumn;
    private final long[][] cycleScratch = new long[1][];
    private final double[][] timeScratch = new double[1][];
    private BatchBuffer out;
    protected long rowsSeen;
    /** Whether a row was seen, so {@link #cycle} holds its cycle number. */
    private boolean started;
    /** The cycle number of the last row seen. */
    protected long cycle;

    /**
     * @param who the plugin's name, for the message when the table lacks {@code cycle_number} or {@code test_time}
     */
    AddingStage(TableContext context, List<DerivedColumn> added, Consumer<ColumnBatch> downstream, String who) {
        this.context = context;
        this.downstream = downstream;
        TableLayout in = context.layout();
        List<ColumnSpec> specs = new ArrayList<>(in.columns());
        for (DerivedColumn c : added) {
            if (in.contains(c.name())) {
                throw new SchemaViolationException(ErrorLocation.of(context.file(), context.table()),
                        "the table already has a '"
                        + c.name() + "' column; drop it first or do not ask for it again", null);
            }
            specs.add(ColumnSpec.of(c.name(), StorageType.FLOAT64));
        }
        this.inColumns = in.size();
        this.outLayout = TableLayout.of(specs);
        this.cycleColumn = RawColumns.require(context, "cycle_number", who);
        this.timeColumn = RawColumns.require(context, "test_time", who);
    }

    /** The batch's {@code cycle_number} values. */
    protected final long[] cycles(ColumnBatch batch) {
        return RawColumns.longs(batch, cycleColumn, cycleScratch, 0);
    }

    /** The batch's {@code test_time} values. */
    protected final double[] times(ColumnBatch batch) {
        return RawColumns.doubles(batch, timeColumn, timeScratch, 0);
    }

    /**
     * Whether row {@code i} of the batch starts a cycle (the table's first row, or a new {@code cycle_number}),
     * which then becomes {@link #cycle}.
     *
     * @param why appended to the message when the cycle number goes back
     * @throws BadFormatException naming the row when the cycle number is below the previous row's
     */
    protected final boolean startsCycle(long[] cycles, int i, String why) {
        if (started && cycles[i] == cycle) {
            return false;
        }
        if (started && cycles[i] < cycle) {
            long row = rowsSeen + i;
            throw new BadFormatException(ErrorLocation.of(context.file(), context.table(), row), "row " + row
                    + ": cycle_number goes back from " + cycle + " to " + cycles[i] + why, null);
        }
        started = true;
        cycle = cycles[i];
        return true;
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
