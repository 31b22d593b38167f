package io.battdat.streaming.postprocess;

import io.battdat.api.BadFormatException;
import io.battdat.api.ErrorLocation;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.postprocess.DerivedColumn;
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
public final class TimeEnhancer extends BuiltInPlugin.AddingEnhancer {
    private static final List<DerivedColumn> COLUMNS = List.of(
            DerivedColumn.ofFloat("cycle_time", "Time since the beginning of a cycle", "s"));

    /** For {@code ServiceLoader}. */
    public TimeEnhancer() {
        super("cycle-time", COLUMNS, Stage::new);
    }

    private static final class Stage extends AddingStage {
        private double start;
        private double last;

        Stage(TableContext context, Consumer<ColumnBatch> downstream) {
            super(context, COLUMNS, downstream, "TimeEnhancer");
        }

        @Override
        protected void compute(ColumnBatch batch, int n) {
            long[] cyc = cycles(batch);
            double[] t = times(batch);
            double[] out = added(0);
            for (int i = 0; i < n; i++) {
                if (startsCycle(cyc, i, "; cycle_time needs each cycle's rows together")) {
                    start = t[i];
                } else if (!(t[i] >= last)) {
                    long row = rowsSeen + i;
                    throw new BadFormatException(ErrorLocation.of(context.file(), context.table(), row), "row " + row
                            + ": test_time goes back from " + last + " to " + t[i] + " inside cycle " + cycle, null);
                }
                last = t[i];
                out[i] = t[i] - start;
            }
        }
    }
}
