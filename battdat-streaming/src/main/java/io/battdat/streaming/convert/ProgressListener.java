package io.battdat.streaming.convert;

/** Hears how far a conversion is; called on the converting thread, so implementations must be quick. */
public interface ProgressListener {
    /** Ignores everything. */
    ProgressListener NONE = (bytesRead, bytesTotal, rows) -> { };

    /**
     * @param bytesRead  input bytes consumed so far
     * @param bytesTotal the size of every input file together
     * @param rows       rows written so far, every table together
     */
    void progress(long bytesRead, long bytesTotal, long rows);
}
