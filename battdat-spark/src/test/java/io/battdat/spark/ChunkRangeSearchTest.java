package io.battdat.spark;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Binary search for the chunks that can hold values of a set, with a fake column (no file, no Spark). */
class ChunkRangeSearchTest {

    /** The chunk-aligned rows that hold the rows whose value lies in the set, found by reading every row. */
    private static RowRanges bruteForce(long[] column, int chunkRows, ValueIntervals set) {
        RowRanges out = RowRanges.none();
        for (int r = 0; r < column.length; r++) {
            double v = column[r];
            if (set.intervals().stream().anyMatch(iv -> iv.reachesLow(v) && !iv.beyondHigh(v))) {
                long chunk = r / chunkRows;
                out = out.or(RowRanges.of(chunk * chunkRows, Math.min(column.length, (chunk + 1) * chunkRows)));
            }
        }
        return out;
    }

    @Test
    void findsEveryMatchingRowAndFewExtraChunks() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            int rows = 1 + random.nextInt(5000);
            int chunkRows = 1 + random.nextInt(300);
            long[] column = new long[rows];
            for (int r = 1; r < rows; r++) {
                column[r] = column[r - 1] + (random.nextInt(4) == 0 ? 1 : 0);
            }
            long max = column[rows - 1];
            ValueIntervals set = switch (round % 4) {
                case 0 -> ValueIntervals.point(random.nextInt((int) max + 3) - 1);
                case 1 -> ValueIntervals.atLeast(random.nextInt((int) max + 3) - 1, random.nextBoolean());
                case 2 -> ValueIntervals.atMost(random.nextInt((int) max + 3) - 1, random.nextBoolean());
                default -> ValueIntervals.points(new double[] {random.nextInt((int) max + 1),
                        random.nextInt((int) max + 1), max + 5});
            };
            ChunkRangeSearch search = new ChunkRangeSearch(rows, chunkRows, r -> column[(int) r]);
            RowRanges found = search.rowsWithin(set).orElseThrow();
            RowRanges needed = bruteForce(column, chunkRows, set);
            assertEquals(needed, found.and(needed), "every needed chunk is kept, round " + round);
            // at most one extra chunk in front of each interval
            assertTrue(found.rows() <= needed.rows() + (long) set.intervals().size() * chunkRows,
                    "round " + round + ": " + found + " vs " + needed);
        }
    }

    @Test
    void probesGrowWithTheLogarithmOfTheChunkCount() {
        for (long chunks : new long[] {1_000, 1_000_000, 1_000_000_000L}) {
            long chunkRows = 4096;
            long rows = chunks * chunkRows - 7;
            AtomicInteger probes = new AtomicInteger();
            ChunkRangeSearch search = new ChunkRangeSearch(rows, chunkRows, r -> {
                probes.incrementAndGet();
                return r / 3_700; // cycle_number of a cycle of 3,700 rows
            });
            long cycle = rows / 3_700 / 3;
            RowRanges found = search.rowsWithin(ValueIntervals.point(cycle)).orElseThrow();
            long log2 = 64 - Long.numberOfLeadingZeros(chunks);
            assertTrue(probes.get() <= 2 * log2 + 2, chunks + " chunks: " + probes + " probes");
            assertEquals(probes.get(), search.probes(), "no row probed twice");
            assertTrue(found.rows() <= 3 * chunkRows, found.toString());
            long firstRowOfCycle = cycle * 3_700;
            RowRanges.Range r = found.ranges().get(0);
            assertTrue(r.first() <= firstRowOfCycle && r.end() >= firstRowOfCycle + 3_700, found.toString());
        }
    }

    @Test
    void aTableOutsideTheSetCostsTwoProbes() {
        AtomicInteger probes = new AtomicInteger();
        ChunkRangeSearch search = new ChunkRangeSearch(10_000_000, 1000, r -> {
            probes.incrementAndGet();
            return 100 + r / 1000;
        });
        assertEquals(Optional.of(RowRanges.none()), search.rowsWithin(ValueIntervals.atLeast(1e6, false)));
        assertEquals(Optional.of(RowRanges.none()), search.rowsWithin(ValueIntervals.atMost(100, true)));
        assertEquals(2, probes.get());
    }

    @Test
    void probesThatDecreaseOrHoldNaNGiveNoAnswer() {
        ChunkRangeSearch reversed = new ChunkRangeSearch(200_000, 1000, r -> 199 - r / 1000);
        assertTrue(reversed.rowsWithin(ValueIntervals.point(50)).isEmpty());
        assertEquals(199_999, reversed.violationRow());

        // cycles 0..99, then 50..99 again: the search for 60 probes row 75,000 (cycle 75), then row 105,000
        // (cycle 55) and sees the decrease
        ChunkRangeSearch restart = new ChunkRangeSearch(150_000, 1000, r -> r < 100_000 ? r / 1000 : r / 1000 - 50);
        assertTrue(restart.rowsWithin(ValueIntervals.point(60)).isEmpty());
        assertTrue(restart.violationRow() >= 0);

        ChunkRangeSearch nan = new ChunkRangeSearch(100_000, 1000, r -> r == 99_999 ? Double.NaN : r);
        assertTrue(nan.rowsWithin(ValueIntervals.atLeast(5, false)).isEmpty());
        assertEquals(99_999, nan.violationRow());
    }

    @Test
    void unchunkedAndEmptyTables() {
        ChunkRangeSearch whole = new ChunkRangeSearch(100, 0, r -> r);
        assertEquals(RowRanges.of(0, 100), whole.rowsWithin(ValueIntervals.point(50)).orElseThrow());
        assertEquals(RowRanges.none(), whole.rowsWithin(ValueIntervals.point(500)).orElseThrow());
        ChunkRangeSearch empty = new ChunkRangeSearch(0, 10, r -> {
            throw new AssertionError("no row to probe");
        });
        assertEquals(RowRanges.none(), empty.rowsWithin(ValueIntervals.point(5)).orElseThrow());
    }
}
