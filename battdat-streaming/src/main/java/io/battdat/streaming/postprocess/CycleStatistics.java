package io.battdat.streaming.postprocess;

import io.battdat.api.BadFormatException;
import io.battdat.api.ErrorLocation;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.postprocess.CycleAccumulator;
import io.battdat.api.postprocess.CycleSummarizer;
import io.battdat.api.postprocess.CycleValues;
import io.battdat.api.postprocess.DerivedColumn;
import io.battdat.api.postprocess.TableContext;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Runs {@link CycleSummarizer}s over one raw table in a single pass, batch by batch, holding no rows: each cycle
 * is seen by every accumulator as the slices of the batches it spans, then its boundary row (the next cycle's
 * first), then closed. Usable on any batch source (a file's {@code BatchStream}, a Spark partition that holds
 * whole cycles): {@link #start}, {@link Run#accept} each batch, {@link Run#finish}.
 *
 * <p>Checked on every row, before any summarizer sees it: {@code cycle_number} never decreases; inside a cycle
 * {@code test_time} never decreases; {@code test_time}, {@code current} and {@code voltage} are not NaN. A
 * violation is a {@link BadFormatException} naming file, table and row, never a silently wrong number.
 */
public final class CycleStatistics {
    /** The columns every summary reads and checks, whatever its summarizers. */
    public static final List<String> CHECKED_COLUMNS = List.of("cycle_number", "test_time", "current", "voltage");

    private CycleStatistics() {
    }

    /**
     * Summarizes a whole batch source.
     *
     * @param context     the table (its layout must be the batches')
     * @param batches     the batches in storage order (views are fine)
     * @param summarizers the summarizers, in column order
     * @return one row per cycle
     */
    public static CycleTable summarize(TableContext context, Iterator<ColumnBatch> batches,
                                       List<CycleSummarizer> summarizers) {
        Run run = start(context, summarizers);
        while (batches.hasNext()) {
            run.accept(batches.next());
        }
        return run.finish();
    }

    /** Starts a summary of one table. */
    public static Run start(TableContext context, List<CycleSummarizer> summarizers) {
        return new Run(context, summarizers);
    }

    /** A summary in progress; one thread. */
    public static final class Run {
        private final TableContext context;
        private final CycleAccumulator[] accumulators;
        private final int[] offsets;
        private final CycleTable table;
        private final int cycleColumn;
        private final int timeColumn;
        private final int currentColumn;
        private final int voltageColumn;
        private final long[][] longScratch = new long[1][];
        private final double[][] scratch = new double[3][];
        private final Slot slot = new Slot();
        private long rowsSeen;
        private boolean inCycle;
        private long cycle;
        private double lastTime;

        private Run(TableContext context, List<CycleSummarizer> summarizers) {
            this.context = context;
            this.cycleColumn = RawColumns.require(context, "cycle_number", "summarize");
            this.timeColumn = RawColumns.require(context, "test_time", "summarize");
            this.currentColumn = RawColumns.require(context, "current", "summarize");
            this.voltageColumn = RawColumns.require(context, "voltage", "summarize");
            List<DerivedColumn> columns = new ArrayList<>();
            this.accumulators = new CycleAccumulator[summarizers.size()];
            this.offsets = new int[summarizers.size()];
            for (int s = 0; s < summarizers.size(); s++) {
                offsets[s] = columns.size();
                columns.addAll(summarizers.get(s).columns(context));
                accumulators[s] = summarizers.get(s).start(context);
            }
            this.table = new CycleTable(columns);
        }

        /** The next batch, in storage order. */
        public void accept(ColumnBatch batch) {
            int n = batch.rowCount();
            long[] cyc = RawColumns.longs(batch, cycleColumn, longScratch, 0);
            double[] t = RawColumns.doubles(batch, timeColumn, scratch, 0);
            double[] current = RawColumns.doubles(batch, currentColumn, scratch, 1);
            double[] voltage = RawColumns.doubles(batch, voltageColumn, scratch, 2);
            int segment = 0;
            for (int i = 0; i < n; i++) {
                long c = cyc[i];
                double ti = t[i];
                if (Double.isNaN(ti) || Double.isNaN(current[i]) || Double.isNaN(voltage[i])) {
                    throw bad(i, "NaN in " + (Double.isNaN(ti) ? "test_time" : Double.isNaN(current[i]) ? "current"
                            : "voltage") + "; remove or fill such rows before summarizing");
                }
                if (!inCycle) {
                    begin(c);
                } else if (c != cycle) {
                    if (c < cycle) {
                        throw bad(i, "cycle_number goes back from " + cycle + " to " + c
                                + "; cycles must be stored in order");
                    }
                    for (CycleAccumulator a : accumulators) {
                        a.rows(batch, segment, i);
                        a.nextCycleFirstRow(batch, i);
                    }
                    close();
                    begin(c);
                    segment = i;
                } else if (ti < lastTime) {
                    throw bad(i, "test_time goes back from " + lastTime + " to " + ti + " inside cycle " + c);
                }
                lastTime = ti;
            }
            if (n > segment) {
                for (CycleAccumulator a : accumulators) {
                    a.rows(batch, segment, n);
                }
            }
            rowsSeen += n;
        }

        private BadFormatException bad(int i, String what) {
            long row = rowsSeen + i;
            return new BadFormatException(ErrorLocation.of(context.file(), context.table(), row),
                    "row " + row + ": " + what, null);
        }

        private void begin(long c) {
            inCycle = true;
            cycle = c;
            for (CycleAccumulator a : accumulators) {
                a.beginCycle(c);
            }
        }

        private void close() {
            slot.row = table.addRow(cycle);
            for (int s = 0; s < accumulators.length; s++) {
                slot.offset = offsets[s];
                accumulators[s].endCycle(slot);
            }
        }

        /** Closes the last cycle and returns the table (empty when no row was seen). */
        public CycleTable finish() {
            if (inCycle) {
                close();
                inCycle = false;
            }
            return table;
        }

        private final class Slot implements CycleValues {
            int row;
            int offset;

            @Override
            public void set(int column, double value) {
                table.set(row, offset + column, value);
            }
        }
    }
}
