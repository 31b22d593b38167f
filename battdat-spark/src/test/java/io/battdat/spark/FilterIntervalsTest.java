package io.battdat.spark;

import org.apache.spark.sql.sources.And;
import org.apache.spark.sql.sources.EqualNullSafe;
import org.apache.spark.sql.sources.EqualTo;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.sources.GreaterThan;
import org.apache.spark.sql.sources.GreaterThanOrEqual;
import org.apache.spark.sql.sources.In;
import org.apache.spark.sql.sources.IsNotNull;
import org.apache.spark.sql.sources.LessThan;
import org.apache.spark.sql.sources.LessThanOrEqual;
import org.apache.spark.sql.sources.Not;
import org.apache.spark.sql.sources.Or;
import org.apache.spark.sql.sources.StringStartsWith;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The values of a column that pushed filters allow, as intervals (no Spark session needed). */
class FilterIntervalsTest {
    private static final String C = "cycle_number";

    private static ValueIntervals.Interval closed(double lo, double hi) {
        return new ValueIntervals.Interval(lo, false, hi, false);
    }

    private static List<ValueIntervals.Interval> of(Filter... filters) {
        return FilterIntervals.of(filters, C).intervals();
    }

    @Test
    void comparisonsAreHalfLinesAndAndIntersects() {
        assertEquals(List.of(new ValueIntervals.Interval(500, false, Double.POSITIVE_INFINITY, false)),
                of(new GreaterThanOrEqual(C, 500L)));
        assertEquals(List.of(new ValueIntervals.Interval(Double.NEGATIVE_INFINITY, false, 7, true)),
                of(new LessThan(C, 7)));
        assertEquals(List.of(new ValueIntervals.Interval(3, true, 9, false)),
                of(new GreaterThan(C, 3L), new LessThanOrEqual(C, 9.0)));
        assertEquals(List.of(new ValueIntervals.Interval(3, true, 9, false)),
                of(new And(new GreaterThan(C, 3L), new LessThanOrEqual(C, 9.0))));
        assertTrue(FilterIntervals.of(new Filter[] {new GreaterThan(C, 9L), new LessThan(C, 9L)}, C).isEmpty());
        assertTrue(FilterIntervals.of(new Filter[] {new GreaterThan(C, 9L), new LessThanOrEqual(C, 9L)}, C).isEmpty());
        assertEquals(List.of(closed(9, 9)), of(new GreaterThanOrEqual(C, 9L), new LessThanOrEqual(C, 9L)));
    }

    @Test
    void equalityAndInArePointsAndOrUnites() {
        assertEquals(List.of(closed(7, 7)), of(new EqualTo(C, 7)));
        assertEquals(List.of(closed(7, 7)), of(new EqualNullSafe(C, 7L)));
        assertEquals(List.of(closed(3, 3), closed(900, 900)), of(new In(C, new Object[] {900L, 3L, null, 3L})));
        assertEquals(List.of(closed(3, 3), new ValueIntervals.Interval(10, false, 20, true)),
                of(new Or(new EqualTo(C, 3L), new And(new GreaterThanOrEqual(C, 10L), new LessThan(C, 20L)))));
        // touching ends merge when one of them is closed
        assertEquals(List.of(new ValueIntervals.Interval(Double.NEGATIVE_INFINITY, false, 20, true)),
                of(new Or(new LessThan(C, 10L), new And(new GreaterThanOrEqual(C, 10L), new LessThan(C, 20L)))));
        assertEquals(2, of(new Or(new LessThan(C, 10L), new GreaterThan(C, 10L))).size());
        assertTrue(FilterIntervals.of(new Filter[] {new EqualTo(C, null)}, C).isEmpty());
        assertTrue(FilterIntervals.of(new Filter[] {new In(C, new Object[0])}, C).isEmpty());
    }

    @Test
    void whatCannotBeExpressedAllowsEverything() {
        assertTrue(FilterIntervals.of(new Filter[] {new GreaterThan("voltage", 3.0)}, C).isAll());
        assertTrue(FilterIntervals.of(new Filter[] {new Not(new EqualTo(C, 3L))}, C).isAll());
        assertTrue(FilterIntervals.of(new Filter[] {new StringStartsWith(C, "1")}, C).isAll());
        assertTrue(FilterIntervals.of(new Filter[] {new EqualTo(C, "7")}, C).isAll());
        assertTrue(FilterIntervals.of(new Filter[] {new IsNotNull(C)}, C).isAll());
        assertTrue(FilterIntervals.of(new Filter[] {new EqualTo(C, new BigDecimal("7"))}, C).isAll());
        assertTrue(FilterIntervals.of(new Filter[] {new GreaterThan(C, Double.NaN)}, C).isAll());
        assertTrue(FilterIntervals.of(new Filter[] {new GreaterThan(C, (1L << 53) + 1)}, C).isAll(), "beyond 2^53");
        assertTrue(FilterIntervals.of(new Filter[] {new In(C, new Object[] {3L, 1L << 60})}, C).isAll());
        // an or with an unconstrained side constrains nothing; an and with one keeps the other side
        assertTrue(FilterIntervals.of(new Filter[] {new Or(new EqualTo(C, 3L), new EqualTo("voltage", 3.0))}, C)
                .isAll());
        assertEquals(List.of(closed(3, 3)), of(new And(new EqualTo(C, 3L), new Not(new EqualTo("voltage", 3.0)))));
    }

    @Test
    void manyPointsAreCappedKeepingTheWidestGaps() {
        Object[] values = new Object[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = (long) i * 10;
        }
        values[999] = 1_000_000L; // the widest gap stays a gap
        List<ValueIntervals.Interval> capped = of(new In(C, values));
        assertEquals(ValueIntervals.MAX_INTERVALS, capped.size());
        assertEquals(closed(1_000_000, 1_000_000), capped.get(capped.size() - 1));
        assertEquals(0, capped.get(0).low());
        ValueIntervals set = FilterIntervals.of(new Filter[] {new In(C, values)}, C);
        for (Object v : values) {
            double d = ((Long) v).doubleValue();
            assertTrue(capped.stream().anyMatch(iv -> iv.reachesLow(d) && !iv.beyondHigh(d)), "keeps " + d);
        }
        assertFalse(set.isAll());
        for (int i = 1; i < capped.size(); i++) {
            assertTrue(capped.get(i - 1).high() < capped.get(i).low(), "sorted and disjoint");
        }
    }
}
