package io.battdat.spark;

import org.apache.spark.sql.sources.EqualNullSafe;
import org.apache.spark.sql.sources.EqualTo;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.sources.GreaterThan;
import org.apache.spark.sql.sources.GreaterThanOrEqual;
import org.apache.spark.sql.sources.In;
import org.apache.spark.sql.sources.IsNotNull;
import org.apache.spark.sql.sources.IsNull;
import org.apache.spark.sql.sources.LessThan;
import org.apache.spark.sql.sources.LessThanOrEqual;
import org.apache.spark.sql.sources.StringContains;
import org.apache.spark.sql.sources.StringEndsWith;
import org.apache.spark.sql.sources.StringStartsWith;

/**
 * Decides whether a pushed filter can hold anywhere in a group of rows (a table, a batch) from what is known of
 * the group: the exact value of the {@code file} and {@code cell} columns, and the range of numeric columns.
 * Answers are three-valued; only {@link Tri#FALSE} lets a caller skip the group, and it is given only when no
 * row can match. Spark still applies every filter to the rows read, so an unknown answer costs time, never rows.
 */
final class Pruning {
    /** A filter's truth over a group of rows. */
    enum Tri implements FilterAnswer<Tri> {
        /** Every row matches. */
        TRUE,
        /** No row matches. */
        FALSE,
        /** Some rows may match. */
        UNKNOWN;

        @Override
        public Tri and(Tri o) {
            return this == FALSE || o == FALSE ? FALSE : this == TRUE && o == TRUE ? TRUE : UNKNOWN;
        }

        @Override
        public Tri or(Tri o) {
            return this == TRUE || o == TRUE ? TRUE : this == FALSE && o == FALSE ? FALSE : UNKNOWN;
        }

        Tri not() {
            return this == TRUE ? FALSE : this == FALSE ? TRUE : UNKNOWN;
        }

        static Tri of(boolean b) {
            return b ? TRUE : FALSE;
        }
    }

    /** What is known of a group of rows. */
    interface Facts {
        /** Whether the column holds one known value (possibly null) in every row of the group. */
        boolean hasValue(String column);

        /** That value (a String, or null). */
        String value(String column);

        /** {min, max} of a numeric column without nulls or NaNs in the group, or null when not known. */
        double[] range(String column);
    }

    private Pruning() {
    }

    /** Whether the group can be skipped: some filter holds for no row of it. */
    static boolean skip(Filter[] filters, Facts facts) {
        Truth truth = new Truth(facts);
        for (Filter f : filters) {
            if (truth.meaningOf(f) == Tri.FALSE) {
                return true;
            }
        }
        return false;
    }

    /** A filter's truth over the group of rows that {@code facts} describe. */
    private static final class Truth extends FilterMeaning<Tri> {
        private final Facts facts;

        Truth(Facts facts) {
            this.facts = facts;
        }

        @Override
        Tri not(Tri answer) {
            return answer.not();
        }

        @Override
        Tri always(boolean value) {
            return Tri.of(value);
        }

        @Override
        Tri leaf(Filter f) {
            return Pruning.leaf(f, facts);
        }
    }

    /** The truth of a filter on one column (neither a combination of filters nor a constant). */
    private static Tri leaf(Filter f, Facts facts) {
        if (f instanceof EqualTo e) {
            return equal(e.attribute(), e.value(), facts, false);
        }
        if (f instanceof EqualNullSafe e) {
            return equal(e.attribute(), e.value(), facts, true);
        }
        if (f instanceof In in) {
            Tri any = Tri.FALSE;
            for (Object v : in.values()) {
                any = any.or(equal(in.attribute(), v, facts, false));
            }
            return any;
        }
        if (f instanceof IsNull n) {
            return nullness(n.attribute(), facts, true);
        }
        if (f instanceof IsNotNull n) {
            return nullness(n.attribute(), facts, false);
        }
        if (f instanceof StringStartsWith s) {
            return text(s.attribute(), facts, v -> v.startsWith(s.value()));
        }
        if (f instanceof StringEndsWith s) {
            return text(s.attribute(), facts, v -> v.endsWith(s.value()));
        }
        if (f instanceof StringContains s) {
            return text(s.attribute(), facts, v -> v.contains(s.value()));
        }
        if (f instanceof GreaterThan g) {
            return compare(g.attribute(), g.value(), facts, 1, false);
        }
        if (f instanceof GreaterThanOrEqual g) {
            return compare(g.attribute(), g.value(), facts, 1, true);
        }
        if (f instanceof LessThan l) {
            return compare(l.attribute(), l.value(), facts, -1, false);
        }
        if (f instanceof LessThanOrEqual l) {
            return compare(l.attribute(), l.value(), facts, -1, true);
        }
        return Tri.UNKNOWN;
    }

    private interface TextTest {
        boolean test(String value);
    }

    private static Tri text(String column, Facts facts, TextTest test) {
        if (!facts.hasValue(column)) {
            return Tri.UNKNOWN;
        }
        String v = facts.value(column);
        return v == null ? Tri.FALSE : Tri.of(test.test(v));
    }

    private static Tri nullness(String column, Facts facts, boolean wantNull) {
        if (facts.hasValue(column)) {
            return Tri.of((facts.value(column) == null) == wantNull);
        }
        if (facts.range(column) != null) {
            return Tri.of(!wantNull);
        }
        return Tri.UNKNOWN;
    }

    private static Tri equal(String column, Object value, Facts facts, boolean nullSafe) {
        if (facts.hasValue(column)) {
            String v = facts.value(column);
            if (value == null || v == null) {
                return nullSafe ? Tri.of(value == v) : Tri.FALSE;
            }
            return value instanceof String s ? Tri.of(s.equals(v)) : Tri.UNKNOWN;
        }
        double[] range = facts.range(column);
        if (range == null) {
            return Tri.UNKNOWN;
        }
        if (value == null) {
            return Tri.FALSE; // the column has no nulls in the group
        }
        double d = exact(value);
        if (Double.isNaN(d) || !exact(range)) {
            return Tri.UNKNOWN;
        }
        return d < range[0] || d > range[1] ? Tri.FALSE : Tri.UNKNOWN;
    }

    /** Beyond 2^53 a long does not convert to double exactly; ranges there are not used. */
    private static final double EXACT = 0x1p53;

    /** The value as a double when it converts exactly (boxed primitives within 2^53), else NaN. */
    static double exact(Object value) {
        if (value instanceof Double || value instanceof Float || value instanceof Long || value instanceof Integer
                || value instanceof Short || value instanceof Byte) {
            double d = ((Number) value).doubleValue();
            return Math.abs(d) < EXACT ? d : Double.NaN;
        }
        return Double.NaN;
    }

    private static boolean exact(double[] range) {
        return Math.abs(range[0]) < EXACT && Math.abs(range[1]) < EXACT;
    }

    /** {@code column > value} (sign 1) or {@code column < value} (sign -1), or-equal when {@code inclusive}. */
    private static Tri compare(String column, Object value, Facts facts, int sign, boolean inclusive) {
        double[] range = facts.range(column);
        double d = exact(value);
        if (range == null || Double.isNaN(d) || !exact(range)) {
            return Tri.UNKNOWN;
        }
        double best = sign > 0 ? range[1] : range[0];
        boolean none = sign > 0 ? (inclusive ? best < d : best <= d) : (inclusive ? best > d : best >= d);
        return none ? Tri.FALSE : Tri.UNKNOWN;
    }
}
