package io.battdat.spark;

/**
 * An answer about pushed filters that combines as the filters do: the answer for both filters, and for either.
 *
 * @param <T> the answer type itself
 */
interface FilterAnswer<T extends FilterAnswer<T>> {
    /** The answer for this filter and the other both holding. */
    T and(T other);

    /** The answer for this filter or the other holding. */
    T or(T other);
}
