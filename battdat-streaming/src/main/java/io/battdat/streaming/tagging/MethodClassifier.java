package io.battdat.streaming.tagging;

import java.util.Arrays;

/**
 * AddMethod of docs/conversion.md section 3 for one step (one {@code (cycle_number, step_index)} group): labels its
 * rows with a control method. Short steps by duration and state; long rests as {@code rest}; long non-rest steps are
 * split where the second derivative of the normalised voltage or current peaks (Savitzky-Golay, window 5, order 4, on
 * an even time grid; scipy's {@code find_peaks} with distance 5 and prominence 1e-3), and each part is labelled by how
 * much the current moves against the voltage. Scratch arrays are reused from step to step.
 */
final class MethodClassifier {
    private static final int MIN_POINTS = 5;
    private static final int PEAK_DISTANCE = 5;
    private static final double PROMINENCE = 1e-3;

    private final double shortPeriod;
    private double[] v = new double[0];
    private double[] c = new double[0];
    private double[] grid = new double[0];
    private double[] vs = new double[0];
    private double[] cs = new double[0];
    private double[] d2v = new double[0];
    private double[] d2c = new double[0];
    private double[] d2vBack = new double[0];
    private double[] d2cBack = new double[0];
    private int[] peaks = new int[0];
    private int[] splits = new int[0];

    /** @param shortPeriod the short-step threshold in seconds (30 in Python) */
    MethodClassifier(double shortPeriod) {
        this.shortPeriod = shortPeriod;
    }

    /**
     * Labels the {@code n} rows of a step.
     *
     * @param t          test times
     * @param voltage    voltages (not modified)
     * @param current    currents (not modified)
     * @param n          rows in the step
     * @param firstState the state code of the step's first row
     * @param out        method codes, written at {@code [0, n)}
     */
    void classify(double[] t, double[] voltage, double[] current, int n, byte firstState, byte[] out) {
        boolean rest = firstState == Labels.RESTING;
        if (t[n - 1] - t[0] < shortPeriod) {
            Arrays.fill(out, 0, n, rest ? Labels.SHORT_REST : n < MIN_POINTS ? Labels.SHORT_NONREST : Labels.PULSE);
        } else if (rest) {
            Arrays.fill(out, 0, n, Labels.REST);
        } else if (n < MIN_POINTS) {
            Arrays.fill(out, 0, n, Labels.METHOD_UNKNOWN);
        } else {
            controlAnalysis(t, voltage, current, n, out);
        }
    }

    private void controlAnalysis(double[] t, double[] voltage, double[] current, int n, byte[] out) {
        v = normalised(voltage, n, v);
        c = normalised(current, n, c);
        double[] dv2;
        double[] dc2;
        if (uneven(t, n)) {
            int m = 2 * n;
            grid = grow(grid, m);
            double t0 = t[0];
            double t1 = t[0];
            for (int k = 0; k < n; k++) {
                t0 = Math.min(t0, t[k]);
                t1 = Math.max(t1, t[k]);
            }
            for (int k = 0; k < m; k++) {
                grid[k] = k == m - 1 ? t1 : t0 + (t1 - t0) * k / (m - 1);
            }
            vs = interpolate(t, v, n, grid, m, vs);
            cs = interpolate(t, c, n, grid, m, cs);
            d2v = secondDerivative(vs, m, d2v);
            d2c = secondDerivative(cs, m, d2c);
            d2vBack = interpolate(grid, d2v, m, t, n, d2vBack);
            d2cBack = interpolate(grid, d2c, m, t, n, d2cBack);
            dv2 = d2vBack;
            dc2 = d2cBack;
        } else {
            d2v = secondDerivative(v, n, d2v);
            d2c = secondDerivative(c, n, d2c);
            dv2 = d2v;
            dc2 = d2c;
        }
        int cp = findPeaks(dc2, n, 0);
        int vp = findPeaks(dv2, n, cp);
        int count = cp + vp;
        Arrays.sort(peaks, 0, count);
        splits = grow(splits, count + 2);
        int s = 0;
        splits[s++] = 0;
        for (int k = 0; k < count; k++) {
            if (peaks[k] != splits[s - 1]) {
                splits[s++] = peaks[k];
            }
        }
        if (splits[s - 1] != n) {
            splits[s++] = n;
        }
        for (int k = 0; k + 1 < s; k++) {
            int lo = splits[k];
            int hi = splits[k + 1];
            double si = std(c, lo, hi);
            double sv = std(v, lo, hi);
            double r = si / Math.max(si + sv, 1e-6);
            byte m = r > 0.66 ? Labels.CONSTANT_VOLTAGE : r < 0.33 ? Labels.CONSTANT_CURRENT : Labels.OTHER;
            Arrays.fill(out, lo, hi, m);
        }
    }

    private static double[] normalised(double[] x, int n, double[] into) {
        double[] out = grow(into, n);
        double min = Double.POSITIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            min = Math.min(min, x[k]);
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            out[k] = x[k] - min;
            max = Math.max(max, out[k]);
        }
        double d = Math.max(max, 1e-6);
        for (int k = 0; k < n; k++) {
            out[k] /= d;
        }
        return out;
    }

    /** numpy: {@code dt.std() / dt.mean() > 1e-6}, population standard deviation. */
    private static boolean uneven(double[] t, int n) {
        double mean = (t[n - 1] - t[0]) / (n - 1);
        double ss = 0;
        for (int k = 1; k < n; k++) {
            double d = t[k] - t[k - 1] - mean;
            ss += d * d;
        }
        return Math.sqrt(ss / (n - 1)) / mean > 1e-6;
    }

    /** Linear interpolation of (xs, ys) at the points {@code at}, both ascending. */
    private static double[] interpolate(double[] xs, double[] ys, int n, double[] at, int m, double[] into) {
        double[] out = grow(into, m);
        int j = 0;
        for (int k = 0; k < m; k++) {
            double x = at[k];
            while (j < n - 2 && xs[j + 1] < x) {
                j++;
            }
            double x0 = xs[j];
            double x1 = xs[j + 1];
            out[k] = x1 == x0 ? ys[j + 1] : ys[j] + (ys[j + 1] - ys[j]) * (x - x0) / (x1 - x0);
        }
        return out;
    }

    /**
     * scipy's {@code savgol_filter(y, 5, 4, deriv=2)} with unit spacing and the default {@code interp} edges: a
     * degree-4 fit through 5 points is their interpolating polynomial, so the filter is the 5-point finite
     * difference, centred inside and one-sided on the first and last two points.
     */
    private static double[] secondDerivative(double[] y, int n, double[] into) {
        double[] out = grow(into, n);
        for (int k = 2; k < n - 2; k++) {
            out[k] = (-y[k - 2] + 16 * y[k - 1] - 30 * y[k] + 16 * y[k + 1] - y[k + 2]) / 12;
        }
        out[0] = (35 * y[0] - 104 * y[1] + 114 * y[2] - 56 * y[3] + 11 * y[4]) / 12;
        out[1] = (11 * y[0] - 20 * y[1] + 6 * y[2] + 4 * y[3] - y[4]) / 12;
        int e = n - 5;
        out[n - 2] = (-y[e] + 4 * y[e + 1] + 6 * y[e + 2] - 20 * y[e + 3] + 11 * y[e + 4]) / 12;
        out[n - 1] = (11 * y[e] - 56 * y[e + 1] + 114 * y[e + 2] - 104 * y[e + 3] + 35 * y[e + 4]) / 12;
        return out;
    }

    /**
     * scipy's {@code find_peaks(x, distance=5, prominence=1e-3)}: local maxima (a plateau's middle), thinned so
     * that no two are closer than the distance (higher first), kept when their prominence reaches the threshold.
     * Appends the peak positions to {@link #peaks} from {@code at}; returns how many.
     */
    private int findPeaks(double[] x, int n, int at) {
        peaks = grow(peaks, at + n);
        int found = 0;
        int k = 1;
        while (k < n - 1) {
            if (x[k - 1] < x[k]) {
                int ahead = k + 1;
                while (ahead < n - 1 && x[ahead] == x[k]) {
                    ahead++;
                }
                if (x[ahead] < x[k]) {
                    peaks[at + found++] = (k + ahead - 1) / 2;
                    k = ahead;
                }
            }
            k++;
        }
        if (found == 0) {
            return 0;
        }
        boolean[] keep = new boolean[found];
        Arrays.fill(keep, true);
        Integer[] order = new Integer[found];
        for (int i = 0; i < found; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(x[peaks[at + a]], x[peaks[at + b]]));
        for (int oi = found - 1; oi >= 0; oi--) {
            int j = order[oi];
            if (!keep[j]) {
                continue;
            }
            for (int l = j - 1; l >= 0 && peaks[at + j] - peaks[at + l] < PEAK_DISTANCE; l--) {
                keep[l] = false;
            }
            for (int r = j + 1; r < found && peaks[at + r] - peaks[at + j] < PEAK_DISTANCE; r++) {
                keep[r] = false;
            }
        }
        int kept = 0;
        for (int i = 0; i < found; i++) {
            if (keep[i] && prominence(x, n, peaks[at + i]) >= PROMINENCE) {
                peaks[at + kept++] = peaks[at + i];
            }
        }
        return kept;
    }

    private static double prominence(double[] x, int n, int peak) {
        double h = x[peak];
        double leftMin = h;
        for (int i = peak; i >= 0 && x[i] <= h; i--) {
            leftMin = Math.min(leftMin, x[i]);
        }
        double rightMin = h;
        for (int i = peak; i < n && x[i] <= h; i++) {
            rightMin = Math.min(rightMin, x[i]);
        }
        return h - Math.max(leftMin, rightMin);
    }

    private static double std(double[] x, int lo, int hi) {
        int n = hi - lo;
        double mean = 0;
        for (int k = lo; k < hi; k++) {
            mean += x[k];
        }
        mean /= n;
        double ss = 0;
        for (int k = lo; k < hi; k++) {
            double d = x[k] - mean;
            ss += d * d;
        }
        return Math.sqrt(ss / n);
    }

    private static double[] grow(double[] a, int n) {
        return a.length >= n ? a : new double[Math.max(n, a.length * 2)];
    }

    private static int[] grow(int[] a, int n) {
        return a.length >= n ? a : Arrays.copyOf(a, Math.max(n, a.length * 2));
    }
}
