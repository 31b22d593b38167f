package io.battdat.spark;

import java.util.List;

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
