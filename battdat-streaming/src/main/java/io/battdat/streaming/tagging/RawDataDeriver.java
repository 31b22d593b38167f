package io.battdat.streaming.tagging;

import io.battdat.api.BadFormatException;
import io.battdat.api.ErrorLocation;
import io.battdat.api.data.BatchBuffer;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.DoubleColumn;
import io.battdat.api.data.LongColumn;
import io.battdat.api.data.StorageType;
import io.battdat.api.data.StringColumn;
import io.battdat.api.data.TableLayout;
import io.battdat.api.parse.PostProcessing;
import io.battdat.api.parse.TableOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The streaming post-processing of docs/conversion.md section 3 for one {@code raw_data} table: takes the parser's
 * batches, drops duplicates, derives {@code state}, {@code step_index}, {@code method} and {@code substep_index} as
 * {@link PostProcessing} asks, and hands finished batches on. What it keeps: one step of rows when {@code method}
 * is derived (AddMethod looks at a whole step), else nothing past the batch at hand; plus one output batch.
 *
 * <p>AddSteps/AddSubSteps count changes over the table and subtract each cycle's first count, which equals
 * Python's "minus the group minimum" for the non-decreasing cycle numbers raw data has. A step longer than
 * {@link #MAX_STEP_ROWS} rows (or the limit given to the constructor) is classified in parts of that size (logged),
 * so memory stays bounded on any input.
 */
public final class RawDataDeriver implements TableOutput {
    private static final Logger LOG = LoggerFactory.getLogger(RawDataDeriver.class);
    /** The most rows of one step held for AddMethod (about 10 MB per float64 column). */
    static final int MAX_STEP_ROWS = 1 << 20;

    private final Path file;
    private final String table;
    private final TableLayout inLayout;
    private final TableLayout outLayout;
    private final PostProcessing plan;
    private final Consumer<ColumnBatch> downstream;
    private final DuplicateFilter duplicates;
    private final MethodClassifier classifier;
    private final int inState;
    private final int outState;
    private final int outStep;
    private final int outMethod;
    private final int outSubstep;
    private final BatchBuffer out;
    private final int maxStepRows;

    // the step being gathered (all rows when no method is derived): input columns plus parallel codes
    private final BatchBuffer held;
    private byte[] heldState = new byte[1024];
    private long[] heldStep = new long[1024];
    private long[] heldCycle = new long[1024];
    private byte[] heldMethod = new byte[1024];

    private long rowsIn;
    private long rowsOut;
    private long dropped;
    private byte previousState = -1;
    private long stepCount;
    private long stepBase;
    private long previousStep = -1;
    private long previousCycle = Long.MIN_VALUE;
    private byte previousMethod = -1;
    private long substepCount;
    private long substepBase;
    private long previousSubCycle = Long.MIN_VALUE;
    private boolean warnedLongStep;

    /**
     * @param file       the input file (for messages)
     * @param table      the table name
     * @param inLayout   the parser's columns; {@code test_time}, {@code voltage}, {@code current} as float64 and
     *                   {@code cycle_number} as an integer when steps are derived
     * @param plan       what to derive
     * @param batchRows  rows per output batch
     * @param downstream takes each finished batch (valid during the call)
     */
    public RawDataDeriver(Path file, String table, TableLayout inLayout, PostProcessing plan, int batchRows,
                          Consumer<ColumnBatch> downstream) {
        this(file, table, inLayout, plan, batchRows, MAX_STEP_ROWS, downstream);
    }

    /**
     * A deriver that holds at most {@code maxStepRows} rows of one step for AddMethod (longer steps are classified
     * in parts of that size); the other parameters are those of
     * {@link #RawDataDeriver(Path, String, TableLayout, PostProcessing, int, Consumer)}.
     */
    public RawDataDeriver(Path file, String table, TableLayout inLayout, PostProcessing plan, int batchRows,
                          int maxStepRows, Consumer<ColumnBatch> downstream) {
        this.file = file;
        this.table = table;
        this.inLayout = inLayout;
        this.plan = plan;
        this.downstream = downstream;
        this.maxStepRows = maxStepRows;
        boolean deriveState = plan.restCurrent() >= 0;
        if (deriveState && inLayout.contains("state")) {
            throw new IllegalArgumentException("the parser writes 'state' and asks the engine to derive it");
        }
        requireDoubles("test_time", plan.dropDuplicateDigits() >= 0 || plan.method());
        requireDoubles("voltage", plan.dropDuplicateDigits() >= 0 || plan.method());
        requireDoubles("current", plan.dropDuplicateDigits() >= 0 || deriveState || plan.method());
        boolean needState = plan.steps() || plan.method();
        if (needState && !deriveState && !inLayout.contains("state")) {
            throw new IllegalArgumentException("step or method derivation needs a 'state' column or a state rule");
        }
        this.inState = inLayout.indexOf("state");
        List<ColumnSpec> specs = new ArrayList<>(inLayout.columns());
        this.outState = deriveState ? add(specs, ColumnSpec.string("state", Labels.STATE_WIDTH)) : -1;
        this.outStep = plan.steps() ? add(specs, ColumnSpec.of("step_index", StorageType.INT64)) : -1;
        this.outMethod = plan.method() ? add(specs, ColumnSpec.string("method", Labels.METHOD_WIDTH)) : -1;
        this.outSubstep = plan.substeps() ? add(specs, ColumnSpec.of("substep_index", StorageType.INT64)) : -1;
        if (plan.substeps() && !plan.method() && !inLayout.contains("method")) {
            throw new IllegalArgumentException("substep derivation needs 'method'");
        }
        this.outLayout = TableLayout.of(specs);
        this.out = BatchBuffer.allocate(outLayout, batchRows);
        this.held = BatchBuffer.allocate(inLayout, batchRows);
        this.duplicates = plan.dropDuplicateDigits() >= 0 ? new DuplicateFilter(plan.dropDuplicateDigits()) : null;
        this.classifier = plan.method() ? new MethodClassifier(30.0) : null;
    }

    private void requireDoubles(String name, boolean needed) {
        if (needed && (!inLayout.contains(name) || inLayout.column(inLayout.indexOf(name)).type() != StorageType.FLOAT64)) {
            throw new IllegalArgumentException("post-processing needs a float64 column '" + name + "'");
        }
    }

    private static int add(List<ColumnSpec> specs, ColumnSpec spec) {
        if (specs.stream().anyMatch(s -> s.name().equals(spec.name()))) {
            throw new IllegalArgumentException("the parser writes '" + spec.name() + "' and asks the engine to derive it");
        }
        specs.add(spec);
        return specs.size() - 1;
    }

    /** The columns of the batches handed on: the parser's, then the derived ones. */
    public TableLayout outputLayout() {
        return outLayout;
    }

    @Override
    public void write(ColumnBatch batch) {
        if (!batch.layout().equals(inLayout)) {
            throw new IllegalArgumentException("batch layout " + batch.layout() + " differs from the declared " + inLayout);
        }
        int n = batch.rowCount();
        double[] t = inLayout.contains("test_time") && duplicates != null ? batch.doubles("test_time").buffer() : null;
        double[] v = duplicates != null ? batch.doubles("voltage").buffer() : null;
        double[] c = plan.restCurrent() >= 0 || duplicates != null ? batch.doubles("current").buffer() : null;
        long[] cycles = inLayout.contains("cycle_number") ? ((LongColumn) batch.column("cycle_number")).buffer() : null;
        StringColumn states = inState >= 0 ? (StringColumn) batch.column(inState) : null;
        int runStart = -1;
        for (int r = 0; r < n; r++) {
            rowsIn++;
            if (duplicates != null && duplicates.isDuplicate(t[r], v[r], c[r])) {
                runStart = appendRun(batch, runStart, r);
                dropped++;
                continue;
            }
            byte state = states != null ? Labels.stateCode(states, r)
                    : c != null ? stateOf(c[r]) : Labels.UNKNOWN;
            long cycle = cycles == null ? 0 : cycles[r];
            if (cycle < previousCycle && previousCycle != Long.MIN_VALUE && (plan.steps() || plan.method())) {
                long row = rowsOut + held.rowCount() + (runStart < 0 ? 0 : r - runStart);
                throw new BadFormatException(ErrorLocation.of(file, table, row),
                        "cycle_number decreases from " + previousCycle + " to " + cycle
                                + "; steps are counted per cycle and need non-decreasing cycle numbers", null);
            }
            if (previousState >= 0 && state != previousState) {
                stepCount++;
            }
            if (cycle != previousCycle) {
                stepBase = stepCount;
            }
            long step = stepCount - stepBase;
            boolean newStep = previousState < 0 || cycle != previousCycle || step != previousStep;
            previousState = state;
            previousCycle = cycle;
            previousStep = step;
            int position = held.rowCount() + (runStart < 0 ? 0 : r - runStart);
            if (classifier != null && (newStep || position >= maxStepRows) && position > 0) {
                runStart = appendRun(batch, runStart, r);
                closeStep(position >= maxStepRows && !newStep);
                position = 0;
            }
            if (runStart < 0) {
                runStart = r;
            }
            ensureHeld(position + 1);
            heldState[position] = state;
            heldStep[position] = step;
            heldCycle[position] = cycle;
        }
        appendRun(batch, runStart, n);
        if (classifier == null) {
            closeStep(false);
        }
    }

    private byte stateOf(double current) {
        double a = Math.abs(current);
        double th = plan.restCurrent();
        if (plan.restInclusive() ? a <= th : a < th) {
            return Labels.RESTING;
        }
        return current > 0 ? Labels.CHARGING : Labels.DISCHARGING;
    }

    private int appendRun(ColumnBatch batch, int runStart, int end) {
        if (runStart >= 0 && end > runStart) {
            held.appendRows(batch, runStart, end);
        }
        return -1;
    }

    private void ensureHeld(int rows) {
        if (rows > heldState.length) {
            int size = Math.max(rows, heldState.length * 2);
            heldState = Arrays.copyOf(heldState, size);
            heldStep = Arrays.copyOf(heldStep, size);
            heldCycle = Arrays.copyOf(heldCycle, size);
            heldMethod = Arrays.copyOf(heldMethod, size);
        }
    }

    /** Labels the held rows (one step, or everything when no method is derived) and hands them on. */
    private void closeStep(boolean partOfLongStep) {
        int n = held.rowCount();
        if (n == 0) {
            return;
        }
        if (partOfLongStep && !warnedLongStep) {
            warnedLongStep = true;
            LOG.warn("{}: {}: a step longer than {} rows; its control method is determined in parts of that size",
                    file, table, maxStepRows);
        }
        if (classifier != null) {
            classifier.classify(held.doubles("test_time").buffer(), held.doubles("voltage").buffer(),
                    held.doubles("current").buffer(), n, heldState[0], heldMethod);
        }
        for (int from = 0; from < n; ) {
            int count = Math.min(out.capacity(), n - from);
            emit(from, count);
            from += count;
        }
        held.clear();
    }

    private void emit(int from, int count) {
        for (int col = 0; col < inLayout.size(); col++) {
            out.copyColumnRows(held, col, from, 0, count);
        }
        StringColumn stateOut = outState >= 0 ? (StringColumn) out.column(outState) : null;
        long[] stepOut = outStep >= 0 ? ((LongColumn) out.column(outStep)).buffer() : null;
        StringColumn methodOut = outMethod >= 0 ? (StringColumn) out.column(outMethod) : null;
        long[] substepOut = outSubstep >= 0 ? ((LongColumn) out.column(outSubstep)).buffer() : null;
        StringColumn methodIn = outSubstep >= 0 && outMethod < 0 ? (StringColumn) held.column("method") : null;
        for (int k = 0; k < count; k++) {
            int h = from + k;
            if (stateOut != null) {
                Labels.putState(stateOut, k, heldState[h]);
            }
            if (stepOut != null) {
                stepOut[k] = heldStep[h];
            }
            if (methodOut != null) {
                Labels.putMethod(methodOut, k, heldMethod[h]);
            }
            if (substepOut != null) {
                byte m = methodIn != null ? methodCode(methodIn, h) : heldMethod[h];
                if (previousMethod >= 0 && m != previousMethod) {
                    substepCount++;
                }
                if (heldCycle[h] != previousSubCycle) {
                    substepBase = substepCount;
                    previousSubCycle = heldCycle[h];
                }
                previousMethod = m;
                substepOut[k] = substepCount - substepBase;
            }
        }
        out.setRowCount(count);
        downstream.accept(out);
        rowsOut += count;
        out.clear();
    }

    private static byte methodCode(StringColumn column, int row) {
        for (byte m = 0; m <= Labels.OTHER; m++) {
            if (column.contentEquals(row, Labels.methodName(m))) {
                return m;
            }
        }
        return Labels.OTHER;
    }

    /** Ends the table: the last step is labelled and handed on. Warns when duplicate detection was partial. */
    public void finish() {
        closeStep(false);
        if (duplicates != null && duplicates.timeWentBackwards()) {
            LOG.warn("{}: {}: test_time decreases somewhere; duplicate rows were only looked for among rows of equal "
                    + "consecutive times", file, table);
        }
    }

    /** Rows received from the parser. */
    public long rowsIn() {
        return rowsIn;
    }

    /** Rows handed on. */
    public long rowsOut() {
        return rowsOut;
    }

    /** Rows dropped as duplicates. */
    public long rowsDropped() {
        return dropped;
    }
}
