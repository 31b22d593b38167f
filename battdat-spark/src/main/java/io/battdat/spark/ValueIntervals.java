package io.battdat.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A set of numbers as a sorted list of disjoint, non-empty intervals, each end open or closed and possibly
 * infinite. Immutable. Built from pushed filters by {@link FilterIntervals}; a set that would need more than
 * {@link #MAX_INTERVALS} intervals keeps the widest gaps and covers the rest, so it may hold more numbers than
 * asked (it is a necessary condition, never a sufficient one).
 */
final class ValueIntervals extends SortedDisjoint<ValueIntervals.Interval> implements FilterAnswer<ValueIntervals> {
    /** Beyond this many intervals the narrowest gaps are filled: each interval costs a binary search per table. */
    static final int MAX_INTERVALS = 64;

    /**
     * The numbers between {@code low} and {@code high}.
     *
     * @param low      lower end, possibly negative infinity
     * @param lowOpen  whether {@code low} itself is excluded
     * @param high     upper end, possibly positive infinity
     * @param highOpen whether {@code high} itself is excluded
     */
    record Interval(double low, boolean lowOpen, double high, boolean highOpen) {
        boolean isEmpty() {
            return low > high || (low == high && (lowOpen || highOpen));
        }

        /** The numbers in both intervals, or null when there are none. */
        Interval overlap(Interval b) {
            Interval both = new Interval(
                    Math.max(low, b.low), low == b.low ? lowOpen || b.lowOpen : low > b.low ? lowOpen : b.lowOpen,
                    Math.min(high, b.high),
                    high == b.high ? highOpen || b.highOpen : high < b.high ? highOpen : b.highOpen);
            return both.isEmpty() ? null : both;
        }

        /** Whether {@code v} is at or beyond the lower end (false for NaN). */
        boolean reachesLow(double v) {
            return lowOpen ? v > low : v >= low;
        }

        /** Whether {@code v} lies above the upper end (false for NaN). */
        boolean beyondHigh(double v) {
            return highOpen ? v >= high : v > high;
        }

        @Override
        public String toString() {
            return (lowOpen ? "(" : "[") + low + ", " + high + (highOpen ? ")" : "]");
        }
    }

    private static final Comparator<Interval> BY_LOW = (a, b) -> {
        int c = Double.compare(a.low, b.low);
        return c != 0 ? c : Boolean.compare(a.lowOpen, b.lowOpen); // closed first: it starts earlier
    };

    private static final ValueIntervals ALL = new ValueIntervals(List.of(new Interval(
            Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false)));
    private static final ValueIntervals NONE = new ValueIntervals(List.of());

    private ValueIntervals(List<Interval> sortedDisjoint) {
        super(sortedDisjoint);
    }

    /** Every number. */
    static ValueIntervals all() {
        return ALL;
    }

    /** No number. */
    static ValueIntervals none() {
        return NONE;
    }

    /** The single number {@code v}. */
    static ValueIntervals point(double v) {
        return new ValueIntervals(List.of(new Interval(v, false, v, false)));
    }

    /** The given numbers (any order, repeats allowed). */
    static ValueIntervals points(double[] values) {
        List<Interval> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(new Interval(v, false, v, false));
        }
        return normalized(out);
    }

    /** The numbers above {@code v}, or at or above it when not {@code open}. */
    static ValueIntervals atLeast(double v, boolean open) {
        return normalized(List.of(new Interval(v, open, Double.POSITIVE_INFINITY, false)));
    }

    /** The numbers below {@code v}, or at or below it when not {@code open}. */
    static ValueIntervals atMost(double v, boolean open) {
        return normalized(List.of(new Interval(Double.NEGATIVE_INFINITY, false, v, open)));
    }

    /** The intervals, sorted and disjoint. */
    List<Interval> intervals() {
        return parts();
    }

    /** Whether this is every number, so it constrains nothing. */
    boolean isAll() {
        return intervals().size() == 1 && intervals().get(0).equals(ALL.intervals().get(0));
    }

    /** The numbers in both sets. */
    @Override
    public ValueIntervals and(ValueIntervals other) {
        return new ValueIntervals(overlaps(other, Interval::overlap, ValueIntervals::compareHigh));
    }

    /** The numbers in either set. */
    @Override
    public ValueIntervals or(ValueIntervals other) {
        if (isAll() || other.isEmpty()) {
            return this;
        }
        if (other.isAll() || isEmpty()) {
            return other;
        }
        List<Interval> both = new ArrayList<>(intervals());
        both.addAll(other.intervals());
        return normalized(both);
    }

    private static int compareHigh(Interval a, Interval b) {
        int c = Double.compare(a.high, b.high);
        return c != 0 ? c : Boolean.compare(!a.highOpen, !b.highOpen); // open ends first
    }

    /** Sorts, merges overlapping or touching intervals, drops empty ones, then caps the count. */
    private static ValueIntervals normalized(List<Interval> given) {
        List<Interval> sorted = new ArrayList<>(given.size());
        for (Interval iv : given) {
            if (!iv.isEmpty()) {
                sorted.add(iv);
            }
        }
        sorted.sort(BY_LOW);
        List<Interval> merged = new ArrayList<>();
        for (Interval iv : sorted) {
            Interval last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && (iv.low < last.high || (iv.low == last.high && !(iv.lowOpen && last.highOpen)))) {
                merged.set(merged.size() - 1, hull(last, iv));
            } else {
                merged.add(iv);
            }
        }
        return new ValueIntervals(merged.size() > MAX_INTERVALS ? capped(merged) : merged);
    }

    /** From {@code first} to whichever of the two ends later. */
    private static Interval hull(Interval first, Interval second) {
        return compareHigh(first, second) >= 0 ? new Interval(first.low, first.lowOpen, first.high, first.highOpen)
                : new Interval(first.low, first.lowOpen, second.high, second.highOpen);
    }

    /** Keeps the {@code MAX_INTERVALS - 1} widest gaps between the sorted intervals and covers the others. */
    private static List<Interval> capped(List<Interval> merged) {
        int gaps = merged.size() - 1;
        Integer[] order = new Integer[gaps];
        for (int g = 0; g < gaps; g++) {
            order[g] = g;
        }
        // gap g lies between interval g and g + 1; widest first, ties by position so the result is deterministic
        Arrays.sort(order, (x, y) -> {
            int c = Double.compare(gap(merged, y), gap(merged, x));
            return c != 0 ? c : Integer.compare(x, y);
        });
        boolean[] kept = new boolean[gaps];
        for (int k = 0; k < MAX_INTERVALS - 1; k++) {
            kept[order[k]] = true;
        }
        List<Interval> out = new ArrayList<>(MAX_INTERVALS);
        Interval current = merged.get(0);
        for (int g = 0; g < gaps; g++) {
            Interval next = merged.get(g + 1);
            if (kept[g]) {
                out.add(current);
                current = next;
            } else {
                current = hull(current, next);
            }
        }
        out.add(current);
        return out;
    }

    private static double gap(List<Interval> merged, int g) {
        return merged.get(g + 1).low - merged.get(g).high;
    }
}
