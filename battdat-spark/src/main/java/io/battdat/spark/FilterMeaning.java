package io.battdat.spark;

import org.apache.spark.sql.sources.AlwaysFalse;
import org.apache.spark.sql.sources.AlwaysTrue;
import org.apache.spark.sql.sources.And;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.sources.Not;
import org.apache.spark.sql.sources.Or;

/**
 * What pushed filters mean for one kind of answer (the values a column may hold, whether a group of rows can
 * match): how answers combine under and, or and not, and the answer for every other filter. {@link #meaningOf}
 * is the one walk over Spark's filter tree, so every answer nests and, or and not the same way.
 *
 * @param <T> the answer
 */
abstract class FilterMeaning<T> {
    /** The answer for both filters holding. */
    abstract T and(T left, T right);

    /** The answer for either filter holding. */
    abstract T or(T left, T right);

    /** The answer for a negated filter, given the filter's own answer. */
    abstract T not(T answer);

    /** The answer for {@code AlwaysTrue} (true) or {@code AlwaysFalse} (false). */
    abstract T always(boolean value);

    /** The answer for a filter that is neither a combination of filters nor a constant. */
    abstract T leaf(Filter f);

    /** The answer for a filter. */
    final T meaningOf(Filter f) {
        if (f instanceof And a) {
            return and(meaningOf(a.left()), meaningOf(a.right()));
        }
        if (f instanceof Or o) {
            return or(meaningOf(o.left()), meaningOf(o.right()));
        }
        if (f instanceof Not n) {
            return not(meaningOf(n.child()));
        }
        if (f instanceof AlwaysTrue) {
            return always(true);
        }
        if (f instanceof AlwaysFalse) {
            return always(false);
        }
        return leaf(f);
    }
}
