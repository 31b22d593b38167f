package io.battdat.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BinaryOperator;

/**
 * A set held as a sorted list of disjoint, non-empty parts (row ranges, value intervals). Immutable; two sets are
 * equal when they are of the same kind and have the same parts, and a set prints as its list of parts.
 *
 * @param <P> the part
 */
abstract class SortedDisjoint<P> {
    private final List<P> parts;

    /** @param sortedDisjoint the parts, already sorted and disjoint (copied) */
    SortedDisjoint(List<P> sortedDisjoint) {
        this.parts = List.copyOf(sortedDisjoint);
    }

    /** The parts, sorted and disjoint, unmodifiable. */
    final List<P> parts() {
        return parts;
    }

    /** Whether the set is empty. */
    final boolean isEmpty() {
        return parts.isEmpty();
    }

    /**
     * The overlaps of this set's parts with the other set's, in order: walks both sorted lists together, moving past
     * whichever part ends first (both when they end together).
     *
     * @param overlap the overlap of two parts, or null when they have none
     * @param byEnd   orders parts by where they end
     */
    final List<P> overlaps(SortedDisjoint<P> other, BinaryOperator<P> overlap, Comparator<? super P> byEnd) {
        List<P> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < parts.size() && j < other.parts.size()) {
            P a = parts.get(i);
            P b = other.parts.get(j);
            P both = overlap.apply(a, b);
            if (both != null) {
                out.add(both);
            }
            // the part that ends first cannot meet any later part of the other set
            int c = byEnd.compare(a, b);
            if (c <= 0) {
                i++;
            }
            if (c >= 0) {
                j++;
            }
        }
        return out;
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && parts.equals(((SortedDisjoint<?>) o).parts);
    }

    @Override
    public final int hashCode() {
        return parts.hashCode();
    }

    @Override
    public final String toString() {
        return parts.toString();
    }
}
