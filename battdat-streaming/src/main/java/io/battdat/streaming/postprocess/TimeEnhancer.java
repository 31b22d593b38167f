package io.battdat.streaming.postprocess;

import io.battdat.api.BadFormatException;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.postprocess.DerivedColumn;
import io.battdat.api.postprocess.EnhancerStage;
import io.battdat.api.postprocess.RawDataEnhancer;
import io.battdat.api.postprocess.TableContext;

import java.util.List;
import java.util.function.Consumer;

/**
 * Python's {@code TimeEnhancer} for tables that have {@code test_time}: {@code cycle_time} is {@code test_time}
 * minus the smallest {@code test_time} of the row's cycle. Streamed, the smallest is the cycle's first row, so
 * {@code test_time} must not decrease inside a cycle (else a {@link BadFormatException} naming the row). Python's
 * other case, deriving {@code test_time} from a {@code date_time} column, does not arise: battdat files store
 * time as float seconds.
 */
public final class TimeEnhancer extends BuiltInPlugin.WithFixedColumns implements RawDataEnhancer {
    private static final List<DerivedColumn> COLUMNS = List.of(
            DerivedColumn.ofFloat("cycle_time", "Time since the beginning of a cycle", "s"));

    /** For {@code ServiceLoader}. */
    public TimeEnhancer() {
        super("cycle-time", COLUMNS);
    }

    @Override
    public EnhancerStage start(TableContext context, Consumer<ColumnBatch> downstream) {
        return new Stage(context, downstream);
    }

    private static final class Stage extends AddingStage {
        private final int cycleColumn;
        private final int timeColumn;
        private final long[][] longScratch = new long[1][];
        private final double[][] scratch = new double[1][];
        private boolean started;
        private long cycle;
        private double start;
        private double last;

        Stage(TableContext context, Consumer<ColumnBatch> downstream) {
            super(context, COLUMNS, downstream);
            this.cycleColumn = RawColumns.require(context, "cycle_number", "TimeEnhancer");
            this.timeColumn = RawColumns.require(context, "test_time", "TimeEnhancer");
        }

        @Override
        protected void compute(ColumnBatch batch, int n) {
            long[] cyc = RawColumns.longs(batch, cycleColumn, longScratch, 0);
            double[] t = RawColumns.doubles(batch, timeColumn, scratch, 0);
            double[] out = added(0);
            for (int i = 0; i < n; i++) {
                if (!started || cyc[i] != cycle) {
                    if (started && cyc[i] < cycle) {
                        long row = rowsSeen + i;
                        throw new BadFormatException(context.file(), context.table(), row, "row " + row
                                + ": cycle_number goes back from " + cycle + " to " + cyc[i]
                                + "; cycle_time needs each cycle's rows together", null);
                    }
                    started = true;
                    cycle = cyc[i];
                    start = t[i];
                } else if (!(t[i] >= last)) {
                    long row = rowsSeen + i;
                    throw new BadFormatException(context.file(), context.table(), row, "row " + row
                            + ": test_time goes back from " + last + " to " + t[i] + " inside cycle " + cycle, null);
                }
                last = t[i];
                out[i] = t[i] - start;
            }
        }
    }
}
