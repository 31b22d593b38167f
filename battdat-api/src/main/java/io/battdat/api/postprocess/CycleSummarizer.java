package io.battdat.api.postprocess;

import java.util.List;
import java.util.Set;

/**
 * Computes named values, one row per cycle, from a raw table streamed once in storage order (Python's
 * {@code CycleSummarizer}). The engine groups rows into cycles by {@code cycle_number} (which must not decrease)
 * and calls, per table: {@link #start}, then for each cycle {@link CycleAccumulator#beginCycle},
 * {@link CycleAccumulator#rows} one or more times, {@link CycleAccumulator#nextCycleFirstRow} unless it is the
 * last cycle, and {@link CycleAccumulator#endCycle}.
 *
 * <p>Implementations are stateless factories, found with {@code ServiceLoader}; the state lives in the
 * accumulator, one per table, used by one thread.
 */
public interface CycleSummarizer {

    /** The post-processing SPI version this implementation was built against; return {@link PostProcessSpi#VERSION}. */
    int spiVersion();

    /** A short unique name, such as {@code cycle-times}. */
    String name();

    /**
     * The columns produced for a table of these columns, in output order. Columns the table cannot give (say
     * temperature statistics without {@code temperature}) are left out rather than filled with NaN.
     *
     * @param context the table about to be summarized
     * @return the columns, possibly empty; never including {@code cycle_number}, which the engine writes
     */
    List<DerivedColumn> columns(TableContext context);

    /**
     * The raw columns this summarizer may read, by name, so the engine can decode only the columns a summary needs
     * (a table read for {@code cycle_number}, {@code test_time}, {@code current} and {@code voltage} skips the
     * others). Name every column {@link #columns} or the accumulator looks at, present or not. The default,
     * {@code null}, means any column: the engine then streams every column, which is always correct.
     *
     * @return the column names, or null for every column
     */
    default Set<String> inputColumns() {
        return null;
    }

    /**
     * An accumulator for one table.
     *
     * @throws io.battdat.api.SchemaViolationException when a column the summarizer needs is missing (the message
     *                                                 names file, table and column)
     */
    CycleAccumulator start(TableContext context);
}
