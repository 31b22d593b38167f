package io.battdat.spark;

import org.apache.spark.sql.sources.EqualNullSafe;
import org.apache.spark.sql.sources.EqualTo;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.sources.GreaterThan;
import org.apache.spark.sql.sources.GreaterThanOrEqual;
import org.apache.spark.sql.sources.In;
import org.apache.spark.sql.sources.IsNull;
import org.apache.spark.sql.sources.LessThan;
import org.apache.spark.sql.sources.LessThanOrEqual;

import java.util.Arrays;

/**
 * The values of one stored numeric column that the pushed filters allow: a necessary condition, as intervals.
 * A row whose value lies outside can match no filter. What cannot be expressed exactly (a filter on another
 * column, {@code Not}, strings, numbers that do not convert exactly to double, NaN) allows every value, so the
 * answer only ever loses precision, never rows. The column must be stored (it then holds no nulls).
 */
final class FilterIntervals extends FilterMeaning<ValueIntervals> {
    private final String column;

    private FilterIntervals(String column) {
        this.column = column;
    }

    /** The values of {@code column} that every one of {@code filters} (combined with and) allows. */
    static ValueIntervals of(Filter[] filters, String column) {
        FilterIntervals allowed = new FilterIntervals(column);
        ValueIntervals out = ValueIntervals.all();
        for (Filter f : filters) {
            out = out.and(allowed.meaningOf(f));
            if (out.isEmpty()) {
                break;
            }
        }
        return out;
    }

    /** The values of {@code column} that {@code f} allows. */
    static ValueIntervals of(Filter f, String column) {
        return new FilterIntervals(column).meaningOf(f);
    }

    /** Every value: the complement of intervals that may hold more than asked would drop values that match. */
    @Override
    ValueIntervals not(ValueIntervals answer) {
        return ValueIntervals.all();
    }

    @Override
    ValueIntervals always(boolean value) {
        return value ? ValueIntervals.all() : ValueIntervals.none();
    }

    @Override
    ValueIntervals leaf(Filter f) {
        if (f instanceof EqualTo e && e.attribute().equals(column)) {
            return equal(e.value());
        }
        if (f instanceof EqualNullSafe e && e.attribute().equals(column)) {
            return equal(e.value()); // a stored column has no nulls: "<=> null" matches nothing
        }
        if (f instanceof IsNull n && n.attribute().equals(column)) {
            return ValueIntervals.none();
        }
        if (f instanceof In in && in.attribute().equals(column)) {
            return in(in.values());
        }
        if (f instanceof GreaterThan g && g.attribute().equals(column)) {
            return bound(g.value(), true, true);
        }
        if (f instanceof GreaterThanOrEqual g && g.attribute().equals(column)) {
            return bound(g.value(), true, false);
        }
        if (f instanceof LessThan l && l.attribute().equals(column)) {
            return bound(l.value(), false, true);
        }
        if (f instanceof LessThanOrEqual l && l.attribute().equals(column)) {
            return bound(l.value(), false, false);
        }
        return ValueIntervals.all();
    }

    private static ValueIntervals equal(Object value) {
        if (value == null) {
            return ValueIntervals.none();
        }
        double d = Pruning.exact(value);
        return Double.isNaN(d) ? ValueIntervals.all() : ValueIntervals.point(d);
    }

    private static ValueIntervals in(Object[] values) {
        double[] points = new double[values.length];
        int n = 0;
        for (Object v : values) {
            if (v == null) {
                continue; // "= null" is never true
            }
            double d = Pruning.exact(v);
            if (Double.isNaN(d)) {
                return ValueIntervals.all();
            }
            points[n++] = d;
        }
        return ValueIntervals.points(Arrays.copyOf(points, n));
    }

    private static ValueIntervals bound(Object value, boolean lower, boolean open) {
        if (value == null) {
            return ValueIntervals.none(); // a comparison with null is never true
        }
        double d = Pruning.exact(value);
        if (Double.isNaN(d)) {
            return ValueIntervals.all();
        }
        return lower ? ValueIntervals.atLeast(d, open) : ValueIntervals.atMost(d, open);
    }
}
