package io.battdat.streaming.postprocess;

import io.battdat.api.data.ColumnBatch;
import io.battdat.api.postprocess.CycleAccumulator;
import io.battdat.api.postprocess.CycleValues;
import io.battdat.api.postprocess.DerivedColumn;
import io.battdat.api.postprocess.TableContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;

/**
 * Python's {@code CycleTimesSummarizer}: {@code cycle_start} is the cycle's first {@code test_time};
 * {@code cycle_duration} is the next cycle's start minus this start when the next cycle number is this one plus
 * one, else (a gap, or the last cycle) the cycle's last time minus its first. Logs Python's two warnings (a cycle
 * of one row; missing cycle numbers) once per table.
 */
public final class CycleTimesSummarizer extends BuiltInPlugin.Summarizer {
    private static final Logger LOG = LoggerFactory.getLogger(CycleTimesSummarizer.class);
    private static final List<DerivedColumn> COLUMNS = List.of(
            DerivedColumn.ofFloat("cycle_start", "Time at the start of a cycle", "s"),
            DerivedColumn.ofFloat("cycle_duration", "Duration of this cycle", "s"));

    /** For {@code ServiceLoader}. */
    public CycleTimesSummarizer() {
        super("cycle-times", Set.of("test_time", "cycle_number"), context -> COLUMNS);
    }

    @Override
    public CycleAccumulator start(TableContext context) {
        int time = require(context, "test_time");
        int cycle = require(context, "cycle_number");
        return new Accumulator(context, time, cycle);
    }

    private static final class Accumulator implements CycleAccumulator {
        private final TableContext context;
        private final int timeColumn;
        private final int cycleColumn;
        private long cycle;
        private double first;
        private double last;
        private long rows;
        private double nextStart;
        private boolean nextIsSuccessor;
        private boolean warnedSingle;
        private boolean warnedMissing;

        Accumulator(TableContext context, int timeColumn, int cycleColumn) {
            this.context = context;
            this.timeColumn = timeColumn;
            this.cycleColumn = cycleColumn;
        }

        @Override
        public void beginCycle(long cycleNumber) {
            cycle = cycleNumber;
            rows = 0;
            nextIsSuccessor = false;
        }

        @Override
        public void rows(ColumnBatch batch, int from, int to) {
            if (to <= from) {
                return;
            }
            // test_time does not decrease inside a cycle (CycleStatistics checks it), so min/max are the ends
            if (rows == 0) {
                first = batch.column(timeColumn).getDouble(from);
            }
            last = batch.column(timeColumn).getDouble(to - 1);
            rows += to - from;
        }

        @Override
        public void nextCycleFirstRow(ColumnBatch batch, int row) {
            long next = batch.column(cycleColumn).getLong(row);
            nextIsSuccessor = next == cycle + 1;
            nextStart = batch.column(timeColumn).getDouble(row);
            if (!nextIsSuccessor && !warnedMissing) {
                warnedMissing = true;
                LOG.warn("{} {}: Some cycles are missing from the dataframe. Time durations for those cycles may be "
                        + "too short (cycle {} is followed by {})", context.file(), context.table(), cycle, next);
            }
        }

        @Override
        public void endCycle(CycleValues out) {
            if (rows == 1 && !warnedSingle) {
                warnedSingle = true;
                LOG.warn("{} {}: Some cycles have only one measurements (cycle {}).", context.file(), context.table(),
                        cycle);
            }
            out.set(0, first);
            out.set(1, nextIsSuccessor ? nextStart - first : last - first);
        }
    }
}
