package io.battdat.spark;

import org.apache.spark.sql.sources.AlwaysFalse;
import org.apache.spark.sql.sources.AlwaysTrue;
import org.apache.spark.sql.sources.And;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.sources.Not;
import org.apache.spark.sql.sources.Or;

/**
 * What pushed filters mean for one kind of answer (the values a column may hold, whether a group of rows can
 * match): the answer for a negation and for every filter that is not a combination; answers combine under and
 * and or by themselves, as {@link FilterAnswer}s. {@link #meaningOf} is the one walk over Spark's filter tree,
 * so every kind of answer nests and, or and not the same way.
 *
 * @param <T> the answer
 */
abstract class FilterMeaning<T extends FilterAnswer<T>> {
    /** The answer for a negated filter, given the filter's own answer. */
    abstract T not(T answer);

    /** The answer for {@code AlwaysTrue} (true) or {@code AlwaysFalse} (false). */
    abstract T always(boolean value);

    /** The answer for a filter that is neither a combination of filters nor a constant. */
    abstract T leaf(Filter f);

    /** The answer for a filter. */
    final T meaningOf(Filter f) {
        if (f instanceof And a) {
            return meaningOf(a.left()).and(meaningOf(a.right()));
        }
        if (f instanceof Or o) {
            return meaningOf(o.left()).or(meaningOf(o.right()));
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
