package io.battdat.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Rows of a table as sorted, disjoint, non-empty ranges {@code [first, end)}. Immutable. */
final class RowRanges extends SortedDisjoint<RowRanges.Range> {
    /**
     * Rows {@code [first, end)}.
     *
     * @param first the first row
     * @param end   the row after the last
     */
    record Range(long first, long end) implements Serializable {
        long rows() {
            return end - first;
        }

        /** The rows in both ranges, or null when they do not overlap. */
        Range overlap(Range other) {
            long from = Math.max(first, other.first);
            long to = Math.min(end, other.end);
            return from < to ? new Range(from, to) : null;
        }
    }

    private static final RowRanges NONE = new RowRanges(List.of());

    private RowRanges(List<Range> sortedDisjoint) {
        super(sortedDisjoint);
    }

    /** No rows. */
    static RowRanges none() {
        return NONE;
    }

    /** Rows {@code [first, end)}; none when {@code end <= first}. */
    static RowRanges of(long first, long end) {
        return end <= first ? NONE : new RowRanges(List.of(new Range(first, end)));
    }

    /** The ranges, sorted and disjoint. */
    List<Range> ranges() {
        return parts();
    }

    /** Rows in all ranges. */
    long rows() {
        long n = 0;
        for (Range r : ranges()) {
            n += r.rows();
        }
        return n;
    }

    /** Rows in either. */
    RowRanges or(RowRanges other) {
        List<Range> all = new ArrayList<>(ranges());
        all.addAll(other.ranges());
        all.sort(Comparator.comparingLong(Range::first));
        List<Range> out = new ArrayList<>();
        for (Range r : all) {
            Range last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && r.first() <= last.end()) {
                out.set(out.size() - 1, new Range(last.first(), Math.max(last.end(), r.end())));
            } else {
                out.add(r);
            }
        }
        return new RowRanges(out);
    }

    /** Rows in both. */
    RowRanges and(RowRanges other) {
        return new RowRanges(overlaps(other, Range::overlap, Comparator.comparingLong(Range::end)));
    }
}
