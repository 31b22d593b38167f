package io.battdat.charts;

import java.util.Arrays;

/**
 * Points of one line in bounded memory when their number is not known in advance: each point has an x and
 * {@code channels} values. Points arrive in groups of {@code stride}; from each group the one whose first channel
 * is farthest from the last kept point's is kept, so a spike inside a group survives (a plain stride would drop
 * it). When the buffer is full, neighbouring kept points are merged pairwise by the same rule and the stride
 * doubles, so memory stays at {@code capacity} points however long the input. The picture is then drawn with
 * {@link Lttb} from what is kept.
 */
public final class PointBuffer {
    private final int capacity;
    private final double[] x;
    private final double[][] values;
    private final double[] candidate;
    private double candidateX;
    private double candidateDistance = -1;
    private long inGroup;
    private int size;
    private long offered;
    private long stride = 1;

    /**
     * @param channels how many values each point carries besides x
     * @param capacity how many points to hold at most (even, at least 4)
     */
    public PointBuffer(int channels, int capacity) {
        this.capacity = Math.max(4, capacity & ~1);
        this.x = new double[this.capacity];
        this.values = new double[channels][this.capacity];
        this.candidate = new double[channels];
    }

    /** Offers the next point; {@code v} holds one value per channel and is not kept. */
    public void add(double xValue, double... v) {
        offered++;
        double reference = size == 0 ? v[0] : values[0][size - 1];
        double distance = Double.isNaN(v[0]) ? 0 : Math.abs(v[0] - reference);
        if (inGroup == 0 || distance > candidateDistance) {
            candidateX = xValue;
            System.arraycopy(v, 0, candidate, 0, candidate.length);
            candidateDistance = distance;
        }
        if (++inGroup >= stride) {
            commit();
        }
    }

    private void commit() {
        if (inGroup == 0) {
            return;
        }
        if (size == capacity) {
            halve();
        }
        x[size] = candidateX;
        for (int c = 0; c < values.length; c++) {
            values[c][size] = candidate[c];
        }
        size++;
        inGroup = 0;
        candidateDistance = -1;
    }

    private void halve() {
        int kept = 0;
        for (int i = 0; i + 1 < size; i += 2) {
            double reference = kept == 0 ? values[0][i] : values[0][kept - 1];
            int pick = Math.abs(values[0][i + 1] - reference) > Math.abs(values[0][i] - reference) ? i + 1 : i;
            if (kept == 0) {
                pick = i;
            }
            x[kept] = x[pick];
            for (double[] channel : values) {
                channel[kept] = channel[pick];
            }
            kept++;
        }
        size = kept;
        stride *= 2;
    }

    /** How many points were offered. */
    public long offered() {
        return offered;
    }

    /** How many points are kept (the last, incomplete group included). */
    public int size() {
        commit();
        return size;
    }

    /** The kept x values (a copy). */
    public double[] x() {
        commit();
        return Arrays.copyOf(x, size);
    }

    /** The kept values of a channel (a copy). */
    public double[] channel(int c) {
        commit();
        return Arrays.copyOf(values[c], size);
    }
}
