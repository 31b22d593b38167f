package io.battdat.api.spi;

/**
 * What a write does when appended rows would break a column schema's promise that a column is monotonic (values
 * never decrease from one row to the next, docs/format.md section 5.1): an appended value below the table's last
 * committed value, or below the appended row before it. Readers trust the promise (the Spark data source skips rows
 * by it), so a false one gives wrong query results.
 */
public enum MonotonicPolicy {
    /** Refuse the append with a {@link io.battdat.api.SchemaViolationException}; none of its rows is committed. */
    REFUSE,
    /**
     * Shift the appended {@code cycle_number} values so the numbering continues: the shift starts at 0, and whenever
     * an appended row's shifted value would fall below the last value written to the table, the shift grows so that
     * row gets that last value + 1; the shift then applies to every later appended row. Other monotonic columns
     * are still refused when they decrease.
     */
    RENUMBER_CYCLES,
    /**
     * Keep the rows as they are and rewrite the table's stored column schema with {@code monotonic: false} for each
     * column that decreases, before any of the rows is committed, so no reader trusts a false promise. Backends that
     * cannot rewrite a stored schema safely refuse with a message saying what to do instead.
     */
    CLEAR_DECLARATION,
    /**
     * {@link #RENUMBER_CYCLES} for {@code cycle_number}, then {@link #CLEAR_DECLARATION} for any other column that
     * still decreases (overlapping data usually restarts {@code test_time} too).
     */
    RENUMBER_CYCLES_AND_CLEAR_OTHERS;

    /**
     * The policy of the two user-facing switches (the CLI's {@code --renumber-cycles} and
     * {@code --allow-non-monotonic}, the Spark writer's {@code renumberCycles} and {@code allowNonMonotonic}).
     *
     * @param renumberCycles    shift appended cycle numbers to continue the numbering
     * @param clearDeclarations store rows that break a monotonic column and clear its declaration
     * @return {@link #REFUSE} when neither is set
     */
    public static MonotonicPolicy of(boolean renumberCycles, boolean clearDeclarations) {
        if (renumberCycles) {
            return clearDeclarations ? RENUMBER_CYCLES_AND_CLEAR_OTHERS : RENUMBER_CYCLES;
        }
        return clearDeclarations ? CLEAR_DECLARATION : REFUSE;
    }

    /** Whether appended {@code cycle_number} values are shifted to continue the numbering. */
    public boolean renumbersCycles() {
        return this == RENUMBER_CYCLES || this == RENUMBER_CYCLES_AND_CLEAR_OTHERS;
    }

    /** Whether a column that decreases gets its declaration cleared instead of the append being refused. */
    public boolean clearsDeclarations() {
        return this == CLEAR_DECLARATION || this == RENUMBER_CYCLES_AND_CLEAR_OTHERS;
    }
}
