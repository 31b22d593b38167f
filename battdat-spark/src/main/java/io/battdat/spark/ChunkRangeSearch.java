package io.battdat.spark;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finds, in a table whose column never decreases, the chunks that can hold a value of a {@link ValueIntervals}
 * set, by binary search over the chunks' first rows. Rows whose value lies in one interval are contiguous, so
 * each interval costs two searches of {@code log2(chunks)} probes; the first and the last row are probed first,
 * so a table whose values all lie outside the set costs two probes. Probed values are cached, and every new one
 * is checked against its cached neighbours: a smaller value after a larger one, or a NaN, shows the column is not
 * monotonic after all, and the search then gives no answer rather than a wrong one.
 */
final class ChunkRangeSearch {
    /** Reads the column's value at a row (a row within the table). */
    @FunctionalInterface
    interface Probe {
        double valueAt(long row);
    }

    private final long rows;
    private final long chunkRows;
    private final long chunks;
    private final Probe probe;
    private final TreeMap<Long, Double> probed = new TreeMap<>();
    private long violationRow = -1;

    /**
     * @param rows      rows in the table
     * @param chunkRows rows per chunk, 0 when the table is not chunked (it is then one chunk)
     * @param probe     reads the column's value at a row
     */
    ChunkRangeSearch(long rows, long chunkRows, Probe probe) {
        this.rows = rows;
        this.chunkRows = chunkRows > 0 ? chunkRows : Math.max(1, rows);
        this.chunks = rows == 0 ? 0 : (rows + this.chunkRows - 1) / this.chunkRows;
        this.probe = probe;
    }

    /**
     * The chunk-aligned rows that hold every row whose value lies in {@code values}, or empty when the probes
     * showed the column decreasing or holding NaN (see {@link #violationRow()}).
     */
    Optional<RowRanges> rowsWithin(ValueIntervals values) {
        RowRanges out = RowRanges.none();
        if (rows == 0) {
            return Optional.of(out);
        }
        try {
            for (ValueIntervals.Interval iv : values.intervals()) {
                out = out.or(rowsWithin(iv));
            }
        } catch (NotMonotonic e) {
            return Optional.empty();
        }
        return Optional.of(out);
    }

    /** A row whose probed value broke monotonicity, or -1. */
    long violationRow() {
        return violationRow;
    }

    /** Number of distinct rows probed so far. */
    int probes() {
        return probed.size();
    }

    private RowRanges rowsWithin(ValueIntervals.Interval iv) {
        // both ends first, so that a table whose first value exceeds its last is caught before anything is pruned
        double first = value(0);
        double last = value(rows - 1);
        if (iv.beyondHigh(first) || !iv.reachesLow(last)) {
            return RowRanges.none();
        }
        // the last chunk that starts below the interval: matching rows cannot start before it
        long lo = 0;
        long hi = chunks - 1;
        if (iv.low() != Double.NEGATIVE_INFINITY) {
            while (lo < hi) {
                long mid = (lo + hi + 1) >>> 1;
                if (iv.reachesLow(value(mid * chunkRows))) {
                    hi = mid - 1;
                } else {
                    lo = mid;
                }
            }
        }
        long firstChunk = lo;
        // the first chunk that starts above the interval: matching rows end before it
        lo = firstChunk + 1;
        hi = chunks;
        if (iv.high() != Double.POSITIVE_INFINITY) {
            while (lo < hi) {
                long mid = (lo + hi) >>> 1;
                if (iv.beyondHigh(value(mid * chunkRows))) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
        } else {
            lo = chunks;
        }
        return RowRanges.of(firstChunk * chunkRows, Math.min(rows, lo * chunkRows));
    }

    private double value(long row) {
        Double cached = probed.get(row);
        if (cached != null) {
            return cached;
        }
        double v = probe.valueAt(row);
        probed.put(row, v);
        Map.Entry<Long, Double> before = probed.lowerEntry(row);
        Map.Entry<Long, Double> after = probed.higherEntry(row);
        if (Double.isNaN(v) || (before != null && before.getValue() > v) || (after != null && after.getValue() < v)) {
            violationRow = row;
            throw new NotMonotonic();
        }
        return v;
    }

    /** Ends a search whose probes contradict monotonicity. */
    private static final class NotMonotonic extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotMonotonic() {
            super(null, null, false, false);
        }
    }
}
