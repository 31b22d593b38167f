package io.battdat.charts;

import java.util.Arrays;

/**
 * Points of one line in bounded memory when their number is not known in advance: each point has an x and
 * {@code channels} values. Every {@code stride}-th point offered is kept; when the buffer is full, every other
 * kept point is dropped and the stride doubles, so memory stays at {@code capacity} points however long the
 * input. The final picture is then drawn with {@link Lttb} from what is kept.
 */
public final class PointBuffer {
    private final int capacity;
    private final double[] x;
    private final double[][] values;
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
    }

    /** Offers the next point; {@code v} holds one value per channel and is not kept. */
    public void add(double xValue, double... v) {
        if (offered++ % stride != 0) {
            return;
        }
        if (size == capacity) {
            halve();
            if ((offered - 1) % stride != 0) {
                return;
            }
        }
        x[size] = xValue;
        for (int c = 0; c < values.length; c++) {
            values[c][size] = v[c];
        }
        size++;
    }

    private void halve() {
        int kept = 0;
        for (int i = 0; i < size; i += 2) {
            x[kept] = x[i];
            for (double[] channel : values) {
                channel[kept] = channel[i];
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

    /** How many points are kept. */
    public int size() {
        return size;
    }

    /** The kept x values (a copy). */
    public double[] x() {
        return Arrays.copyOf(x, size);
    }

    /** The kept values of a channel (a copy). */
    public double[] channel(int c) {
        return Arrays.copyOf(values[c], size);
    }
}
