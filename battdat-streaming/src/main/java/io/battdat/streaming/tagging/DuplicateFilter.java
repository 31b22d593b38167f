package io.battdat.streaming.tagging;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Python's {@code drop_cycles} (docs/conversion.md section 2) as a row filter: a row is a duplicate when its ({@code
 * test_time} rounded to {@code digits} decimals, half to even as numpy; {@code voltage}; {@code current}) equals an
 * earlier row's. Raw data has non-decreasing time, so equal rounded times are consecutive: the filter remembers only
 * the (voltage, current) pairs of the current rounded time, which keeps memory bounded and the result exact. When
 * time goes backwards, pairs of earlier times are forgotten; {@link #timeWentBackwards()} tells the caller to warn.
 */
final class DuplicateFilter {
    private final double scale;
    private double time = Double.NaN;
    private boolean timeSeen;
    private double[] pairs = new double[32];
    private int pairCount;
    private boolean backwards;
    /** Past {@link #LINEAR_LIMIT} pairs of one time (pathological input), a hash set keeps the check linear. */
    private Set<Pair> many;
    private static final int LINEAR_LIMIT = 2 * 256;

    private record Pair(long voltage, long current) {
        static Pair of(double v, double i) {
            // doubleToLongBits folds every NaN into one; +0.0 and -0.0 are equal as in numpy
            return new Pair(Double.doubleToLongBits(v == 0 ? 0.0 : v), Double.doubleToLongBits(i == 0 ? 0.0 : i));
        }
    }

    DuplicateFilter(int digits) {
        this.scale = Math.pow(10, digits);
    }

    /** Whether the row repeats an earlier one (and so is dropped); remembers it otherwise. */
    boolean isDuplicate(double testTime, double voltage, double current) {
        double rounded = Math.rint(testTime * scale) / scale;
        if (!timeSeen || !same(rounded, time)) {
            if (timeSeen && rounded < time) {
                backwards = true;
            }
            timeSeen = true;
            time = rounded;
            pairCount = 0;
            many = null;
        } else if (many != null) {
            return !many.add(Pair.of(voltage, current));
        } else {
            for (int k = 0; k < pairCount; k += 2) {
                if (same(pairs[k], voltage) && same(pairs[k + 1], current)) {
                    return true;
                }
            }
        }
        if (pairCount == LINEAR_LIMIT) {
            many = new HashSet<>();
            for (int k = 0; k < pairCount; k += 2) {
                many.add(Pair.of(pairs[k], pairs[k + 1]));
            }
            many.add(Pair.of(voltage, current));
            return false;
        }
        if (pairCount + 2 > pairs.length) {
            pairs = Arrays.copyOf(pairs, pairs.length * 2);
        }
        pairs[pairCount++] = voltage;
        pairs[pairCount++] = current;
        return false;
    }

    /** Whether time ever decreased (then duplicates across the decrease were not looked for). */
    boolean timeWentBackwards() {
        return backwards;
    }

    // pandas' duplicated() treats NaN as equal to NaN
    private static boolean same(double a, double b) {
        return a == b || (a != a && b != b);
    }
}
