package io.battdat.charts;

/**
 * Largest-triangle-three-buckets downsampling (Steinarsson, 2013): keeps the first and last point and, from each
 * of {@code threshold - 2} equal buckets in between, the point forming the largest triangle with the point kept
 * from the previous bucket and the mean of the next bucket. Peaks and troughs survive, which a stride would drop.
 */
public final class Lttb {
    private Lttb() {
    }

    /**
     * The indices to keep.
     *
     * @param x         the x values, in drawing order
     * @param y         the y values
     * @param n         how many of the points are used (a prefix of the arrays)
     * @param threshold how many points to keep at most (at least 3 to mean anything)
     * @return increasing indices into the arrays; all of {@code 0..n-1} when {@code n <= threshold}
     */
    public static int[] select(double[] x, double[] y, int n, int threshold) {
        if (n <= threshold || threshold < 3) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] kept = new int[threshold];
        double bucketSize = (double) (n - 2) / (threshold - 2);
        int a = 0;
        kept[0] = 0;
        for (int b = 0; b < threshold - 2; b++) {
            int start = (int) Math.floor(b * bucketSize) + 1;
            int end = Math.min((int) Math.floor((b + 1) * bucketSize) + 1, n - 1);
            int nextStart = end;
            int nextEnd = Math.min((int) Math.floor((b + 2) * bucketSize) + 1, n);
            double meanX = 0;
            double meanY = 0;
            int count = 0;
            for (int j = nextStart; j < nextEnd; j++) {
                if (Double.isFinite(y[j])) {
                    meanX += x[j];
                    meanY += y[j];
                    count++;
                }
            }
            if (count == 0) {
                meanX = x[n - 1];
                meanY = y[n - 1];
            } else {
                meanX /= count;
                meanY /= count;
            }
            double best = -1;
            int chosen = start;
            for (int j = start; j < end; j++) {
                double area = Math.abs((x[a] - meanX) * (y[j] - y[a]) - (x[a] - x[j]) * (meanY - y[a]));
                if (area > best) {
                    best = area;
                    chosen = j;
                }
            }
            kept[b + 1] = chosen;
            a = chosen;
        }
        kept[threshold - 1] = n - 1;
        return kept;
    }
}
