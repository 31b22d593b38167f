package io.battdat.api.parse;

import java.util.Objects;

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
 * <p>Immutable; start from {@link #none()} or {@link #tagging()} and change with the {@code with*} methods (the
 * constructor is private so that steps can be added without breaking callers).
 */
public final class PostProcessing {
    private final int dropDuplicateDigits;
    private final double restCurrent;
    private final boolean restInclusive;
    private final boolean steps;
    private final boolean method;
    private final boolean substeps;

    private PostProcessing(int dropDuplicateDigits, double restCurrent, boolean restInclusive, boolean steps,
                           boolean method, boolean substeps) {
        this.dropDuplicateDigits = dropDuplicateDigits;
        this.restCurrent = restCurrent;
        this.restInclusive = restInclusive;
        this.steps = steps;
        this.method = method;
        this.substeps = substeps;
    }

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

    /** A copy that adds {@code step_index} (AddSteps) or not. */
    public PostProcessing withSteps(boolean value) {
        return new PostProcessing(dropDuplicateDigits, restCurrent, restInclusive, value, method, substeps);
    }

    /** A copy that adds {@code method} (AddMethod) or not. */
    public PostProcessing withMethod(boolean value) {
        return new PostProcessing(dropDuplicateDigits, restCurrent, restInclusive, steps, value, substeps);
    }

    /** A copy that adds {@code substep_index} (AddSubSteps) or not. */
    public PostProcessing withSubsteps(boolean value) {
        return new PostProcessing(dropDuplicateDigits, restCurrent, restInclusive, steps, method, value);
    }

    /** Decimals of the time rounding of {@code drop_cycles}, or -1 to keep every row. */
    public int dropDuplicateDigits() {
        return dropDuplicateDigits;
    }

    /** The rest-current threshold in A, or a negative value to keep the parser's states. */
    public double restCurrent() {
        return restCurrent;
    }

    /** Whether |I| equal to the threshold is rest (AddState) or not (Arbin's reader). */
    public boolean restInclusive() {
        return restInclusive;
    }

    /** Whether {@code step_index} is added. */
    public boolean steps() {
        return steps;
    }

    /** Whether {@code method} is added. */
    public boolean method() {
        return method;
    }

    /** Whether {@code substep_index} is added. */
    public boolean substeps() {
        return substeps;
    }

    /** Whether any column is derived or any row dropped. */
    public boolean isEmpty() {
        return dropDuplicateDigits < 0 && restCurrent < 0 && !steps && !method && !substeps;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PostProcessing p && dropDuplicateDigits == p.dropDuplicateDigits
                && Double.compare(restCurrent, p.restCurrent) == 0 && restInclusive == p.restInclusive
                && steps == p.steps && method == p.method && substeps == p.substeps;
    }

    @Override
    public int hashCode() {
        return Objects.hash(dropDuplicateDigits, restCurrent, restInclusive, steps, method, substeps);
    }

    /** The fields in the form a record would print them. */
    @Override
    public String toString() {
        return "PostProcessing[dropDuplicateDigits=" + dropDuplicateDigits + ", restCurrent=" + restCurrent
                + ", restInclusive=" + restInclusive + ", steps=" + steps + ", method=" + method + ", substeps="
                + substeps + "]";
    }
}
