package io.battdat.charts;

import java.util.ArrayList;
import java.util.List;

/** What to draw: which cycles, which time range, how many points per line. Built with {@link #builder()}. */
public final class ChartOptions {
    private final List<String> cycles;
    private final int every;
    private final double from;
    private final double to;
    private final int points;
    private final boolean normalize;

    private ChartOptions(Builder b) {
        this.cycles = List.copyOf(b.cycles);
        this.every = b.every;
        this.from = b.from;
        this.to = b.to;
        this.points = b.points;
        this.normalize = b.normalize;
    }

    /** A builder with the defaults: cycles chosen automatically, the whole time range, 2000 points per line. */
    public static Builder builder() {
        return new Builder();
    }

    /** The cycles asked for: numbers or {@code first}/{@code last}; empty to choose automatically. */
    public List<String> cycles() {
        return cycles;
    }

    /** Every N-th cycle (0 for none). */
    public int every() {
        return every;
    }

    /** Start of the time range in seconds of test_time (negative infinity for the start). */
    public double from() {
        return from;
    }

    /** End of the time range in seconds of test_time (positive infinity for the end). */
    public double to() {
        return to;
    }

    /** Points per drawn line at most. */
    public int points() {
        return points;
    }

    /** Whether capacity fade is divided by each line's first cycle. */
    public boolean normalize() {
        return normalize;
    }

    /** Builds {@link ChartOptions}. */
    public static final class Builder {
        private List<String> cycles = new ArrayList<>();
        private int every;
        private double from = Double.NEGATIVE_INFINITY;
        private double to = Double.POSITIVE_INFINITY;
        private int points = 2000;
        private boolean normalize;

        private Builder() {
        }

        /** The cycles to draw: numbers, {@code first} or {@code last}. */
        public Builder cycles(List<String> value) {
            cycles = new ArrayList<>(value);
            return this;
        }

        /** Draw every N-th cycle. */
        public Builder every(int value) {
            every = value;
            return this;
        }

        /** The time range in seconds of test_time. */
        public Builder timeRange(double start, double end) {
            from = start;
            to = end;
            return this;
        }

        /** Points per line at most (at least 10). */
        public Builder points(int value) {
            points = Math.max(10, value);
            return this;
        }

        /** Normalise capacity fade to the first cycle. */
        public Builder normalize(boolean value) {
            normalize = value;
            return this;
        }

        /** The options. */
        public ChartOptions build() {
            return new ChartOptions(this);
        }
    }
}
