package io.battdat.api.postprocess;

/** Where a {@link CycleAccumulator} writes one cycle's values; every slot starts as NaN. */
public interface CycleValues {

    /**
     * Sets one value.
     *
     * @param column index into the summarizer's {@link CycleSummarizer#columns} list
     * @param value  the value (NaN for "not computed")
     */
    void set(int column, double value);
}
