package io.battdat.streaming.postprocess;

import io.battdat.api.BadFormatException;
import io.battdat.api.ErrorLocation;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.postprocess.ConsistencyChecker;
import io.battdat.api.postprocess.TableCheck;
import io.battdat.api.postprocess.TableContext;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Python's {@code SignConventionChecker} on {@code raw_data}, streamed: among the rows with |current| above the
 * minimum, the rolling window of {@code signWindowSeconds} ending at each row (at least 4 rows) whose sample
 * standard deviation of current is smallest (the first of equals) marks the most stable period; the voltage
 * should rise with time there if its mean current is positive (charging), fall if negative. A warning, in
 * Python's words, when the sign of cov(voltage, test_time) differs from the sign of the mean current.
 *
 * <p>Held: the rows of one window, plus a copy of the best window so far; at most a quarter of
 * {@link io.battdat.api.postprocess.PostProcessOptions#maxCycleRows()} rows per window (262,144 by default,
 * about 12 MB with the copy), beyond which the check stops with a {@link BadFormatException} that says to
 * shorten the window.
 */
public final class SignConventionChecker extends BuiltInPlugin implements ConsistencyChecker {

    /** For {@code ServiceLoader}. */
    public SignConventionChecker() {
        super("sign-convention");
    }

    @Override
    public boolean checks(String tableName) {
        return tableName.equals("raw_data");
    }

    @Override
    public TableCheck start(TableContext context) {
        return new Check(context);
    }

    private static final class Check implements TableCheck {
        private final TableContext context;
        private final int timeColumn;
        private final int currentColumn;
        private final int voltageColumn;
        private final double window;
        private final double minimum;
        private final int maxWindowRows;
        private final double[][] scratch = new double[3][];
        // the window's kept rows, a ring [head, head + size)
        private double[] wt = new double[64];
        private double[] wi = new double[64];
        private double[] wv = new double[64];
        private int head;
        private int size;
        // Welford state of the window's currents, and how many of its newest currents are equal
        private double mean;
        private double squares;
        private int sameRun;
        private double lastCurrent = Double.NaN;
        private long kept;
        private long rowsSeen;
        private double lastTime = Double.NEGATIVE_INFINITY;
        private double bestStd = Double.POSITIVE_INFINITY;
        private double bestTime = Double.NaN;
        private double[] bestT = new double[0];
        private double[] bestI = new double[0];
        private double[] bestV = new double[0];
        private int bestSize;

        Check(TableContext context) {
            this.context = context;
            this.timeColumn = RawColumns.require(context, "test_time", "SignConventionChecker");
            this.currentColumn = RawColumns.require(context, "current", "SignConventionChecker");
            this.voltageColumn = RawColumns.require(context, "voltage", "SignConventionChecker");
            this.window = context.options().signWindowSeconds();
            this.minimum = context.options().signMinimumCurrent();
            this.maxWindowRows = Math.max(16, context.options().maxCycleRows() / 4);
        }

        @Override
        public void accept(ColumnBatch batch) {
            int n = batch.rowCount();
            double[] t = RawColumns.doubles(batch, timeColumn, scratch, 0);
            double[] current = RawColumns.doubles(batch, currentColumn, scratch, 1);
            double[] voltage = RawColumns.doubles(batch, voltageColumn, scratch, 2);
            for (int r = 0; r < n; r++) {
                double c = current[r];
                if (!(c > minimum || c < -minimum)) {
                    continue; // NaN and small currents are dropped, as Python's query does
                }
                double time = t[r];
                if (!(time >= lastTime)) {
                    long row = rowsSeen + r;
                    throw new BadFormatException(ErrorLocation.of(context.file(), context.table(), row), "row " + row
                            + ": test_time goes back from " + lastTime + " to " + time
                            + "; the sign check needs time in order", null);
                }
                lastTime = time;
                kept++;
                while (size > 0 && wt[head] <= time - window) {
                    remove();
                }
                if (size >= maxWindowRows) {
                    long row = rowsSeen + r;
                    throw new BadFormatException(ErrorLocation.of(context.file(), context.table(), row),
                            "row " + row + ": more than "
                            + maxWindowRows + " rows with current fall in one window of " + window + " s; "
                            + "use a shorter window (PostProcessOptions signWindowSeconds)", null);
                }
                add(time, c, voltage[r]);
                if (size >= 4) {
                    double std = sameRun >= size ? 0.0 : Math.sqrt(Math.max(0.0, squares / (size - 1)));
                    if (std < bestStd) {
                        bestStd = std;
                        bestTime = time;
                        snapshot(time);
                    }
                }
            }
            rowsSeen += n;
        }

        private void add(double time, double c, double v) {
            if (size == wt.length) {
                grow();
            }
            int at = (head + size) % wt.length;
            wt[at] = time;
            wi[at] = c;
            wv[at] = v;
            size++;
            double delta = c - mean;
            mean += delta / size;
            squares += delta * (c - mean);
            sameRun = c == lastCurrent ? sameRun + 1 : 1;
            lastCurrent = c;
        }

        private void remove() {
            double c = wi[head];
            head = (head + 1) % wt.length;
            size--;
            if (size == 0) {
                mean = 0;
                squares = 0;
                return;
            }
            double delta = c - mean;
            mean -= delta / size;
            squares -= delta * (c - mean);
        }

        private void grow() {
            int n = wt.length * 2;
            double[] t2 = new double[n];
            double[] i2 = new double[n];
            double[] v2 = new double[n];
            for (int k = 0; k < size; k++) {
                int from = (head + k) % wt.length;
                t2[k] = wt[from];
                i2[k] = wi[from];
                v2[k] = wv[from];
            }
            wt = t2;
            wi = i2;
            wv = v2;
            head = 0;
        }

        /** Keeps the window's rows strictly before {@code time} (Python's second query is strict on both ends). */
        private void snapshot(double time) {
            if (bestT.length < size) {
                bestT = new double[wt.length];
                bestI = new double[wt.length];
                bestV = new double[wt.length];
            }
            bestSize = 0;
            for (int k = 0; k < size; k++) {
                int at = (head + k) % wt.length;
                if (wt[at] < time) {
                    bestT[bestSize] = wt[at];
                    bestI[bestSize] = wi[at];
                    bestV[bestSize] = wv[at];
                    bestSize++;
                }
            }
        }

        @Override
        public List<String> finish() {
            if (kept < 4) {
                throw new BadFormatException(ErrorLocation.of(context.file(), context.table()),
                        "Insufficient data to judge the sign "
                        + "convention (only " + kept + "). Consider raising the minimum current threshold.", null);
            }
            if (Double.isNaN(bestTime)) {
                throw new BadFormatException(ErrorLocation.of(context.file(), context.table()), "no window of " + window
                        + " s holds 4 rows with current; the sign convention cannot be judged", null);
            }
            double meanCurrent = Double.NaN;
            double covariance = Double.NaN;
            if (bestSize > 0) {
                double si = 0;
                double st = 0;
                double sv = 0;
                for (int k = 0; k < bestSize; k++) {
                    si += bestI[k];
                    st += bestT[k];
                    sv += bestV[k];
                }
                meanCurrent = si / bestSize;
                if (bestSize > 1) {
                    double mt = st / bestSize;
                    double mv = sv / bestSize;
                    double sum = 0;
                    for (int k = 0; k < bestSize; k++) {
                        sum += (bestV[k] - mv) * (bestT[k] - mt);
                    }
                    covariance = sum / (bestSize - 1);
                }
            }
            // NaN compares unequal to every sign, as np.sign(nan) != np.sign(x) in Python
            if (Double.isNaN(covariance) || Double.isNaN(meanCurrent)
                    || Math.signum(covariance) != Math.signum(meanCurrent)) {
                return List.of(String.format(Locale.ROOT, "Potential sign error in current. Average current between "
                                + "test_time=%.1fs and test_time=%.1f is %.1e A and the covariance between the voltage "
                                + "and current is %.1e V-s. The current and this covariance should have the same sign.",
                        bestTime - window, bestTime, meanCurrent, covariance));
            }
            return List.of();
        }

        @Override
        public String toString() {
            return "SignConventionCheck" + Arrays.asList(context.table(), kept);
        }
    }
}
