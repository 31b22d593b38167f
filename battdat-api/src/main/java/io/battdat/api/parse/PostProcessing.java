package io.battdat.api.parse;

/**
 * What the engine derives from a {@code raw_data} table while streaming it to storage (docs/conversion.md section 3),
 * so that no parser carries its own copy. Applied in this order, each step buffering at most one step or cycle of rows:
 * <ol>
 *   <li>{@code dropDuplicateDigits >= 0}: {@code drop_cycles} - rows whose ({@code test_time} rounded to that many
 *       decimals, half to even; {@code voltage}; {@code current}) repeat an earlier row of the same rounded time
 *       are dropped (docs/conversion.md section 2; exact for non-decreasing time, which raw data has). Python's
 *       rule, for parity: it is only as fine as {@code test_time}, so a parser whose time column is coarser than
 *       the sampling (whole seconds) loses distinct rows with it; such a parser should take a finer time column
 *       and ask for nothing here;</li>
 *   <li>{@code restCurrent >= 0}: {@code state} from {@code current}: {@code resting} when |I| is at most
 *       ({@code restInclusive}) or below the threshold, {@code charging} when positive, else {@code discharging};
 *       a parser that writes {@code state} itself sets a negative threshold;</li>
 *   <li>{@code steps}: {@code step_index} (AddSteps: a change of {@code state}, counted from 0 in each cycle);</li>
 *   <li>{@code method}: {@code method} (AddMethod, per step);</li>
 *   <li>{@code substeps}: {@code substep_index} (AddSubSteps: a change of {@code method}, from 0 in each cycle).</li>
 * </ol>
 * Derived columns are appended after the parser's columns, in that order.
 *
 * @param dropDuplicateDigits decimals of the time rounding of {@code drop_cycles}, or -1 to keep every row
 * @param restCurrent         the rest-current threshold in A, or a negative value to keep the parser's states
 * @param restInclusive       whether |I| equal to the threshold is rest (AddState) or not (Arbin's reader)
 * @param steps               add {@code step_index}
 * @param method              add {@code method}
 * @param substeps            add {@code substep_index}
 */
public record PostProcessing(int dropDuplicateDigits, double restCurrent, boolean restInclusive, boolean steps,
                             boolean method, boolean substeps) {

    /** Nothing derived: the parser's rows are stored as they are. */
    public static PostProcessing none() {
        return new PostProcessing(-1, -1, true, false, false, false);
    }

    /** AddState (1e-4 A, inclusive), AddSteps, AddMethod, AddSubSteps, without de-duplication. */
    public static PostProcessing tagging() {
        return new PostProcessing(-1, 1e-4, true, true, true, true);
    }

    /** A copy that runs {@code drop_cycles} with this rounding first. */
    public PostProcessing withDropDuplicates(int digits) {
        return new PostProcessing(digits, restCurrent, restInclusive, steps, method, substeps);
    }

    /** A copy with another state rule; a negative threshold keeps the parser's {@code state} column. */
    public PostProcessing withState(double threshold, boolean inclusive) {
        return new PostProcessing(dropDuplicateDigits, threshold, inclusive, steps, method, substeps);
    }

    /** Whether any column is derived or any row dropped. */
    public boolean isEmpty() {
        return dropDuplicateDigits < 0 && restCurrent < 0 && !steps && !method && !substeps;
    }
}
