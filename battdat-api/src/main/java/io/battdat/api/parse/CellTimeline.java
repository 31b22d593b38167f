package io.battdat.api.parse;

/**
 * Continues cycle numbers and times across the files of one cell (docs/conversion.md section 1): file {@code i}'s
 * cycles are renumbered from the cycle after the previous file's last, and its times start where the previous file's
 * ended (so that file's last {@code test_time} repeats as the next file's first). Python takes each file's minimum
 * cycle and its first time as the origin; streaming takes the first row's values, which is the same for the
 * non-decreasing cycle numbers the RawData schema requires. A cycle number below the file's first is reported as an
 * error by {@link #cycle(long)} rather than written as a negative cycle.
 *
 * <p>The numbered parts of one recording (an export split by the cycler software, such as Arbin's
 * {@code _Wb_1.CSV}, {@code _Wb_2.CSV}) are not separate tests: {@link #continueFile()} starts such a part keeping
 * the first part's origin, so its cycles and times continue unchanged instead of being stacked.
 */
public final class CellTimeline {
    private long startCycle;
    private double startTime;
    private boolean first;
    private long firstCycle;
    private long maxCycle;
    private double firstTime;
    private double maxTime;
    private boolean timeSeen;
    private int fileNumber = -1;

    /** Starts the next file; returns its 0-based {@code file_number}. */
    public int startFile() {
        if (fileNumber >= 0) {
            endFile();
        }
        fileNumber++;
        first = true;
        timeSeen = false;
        return fileNumber;
    }

    /**
     * Starts the next part of the same recording; returns its 0-based {@code file_number}. Raw cycles and times keep
     * the origin of the recording's first part (the part continues where the previous one stopped), so a cycle that
     * runs across the split keeps one number.
     */
    public int continueFile() {
        if (fileNumber < 0) {
            return startFile();
        }
        fileNumber++;
        return fileNumber;
    }

    private void endFile() {
        if (!first) {
            startCycle += maxCycle - firstCycle + 1;
        }
        if (timeSeen) {
            startTime = maxTime;
        }
    }

    /** The current file's 0-based number. */
    public int fileNumber() {
        return fileNumber;
    }

    /**
     * The battdat {@code cycle_number} of a raw cycle index of the current file.
     *
     * @throws IllegalArgumentException when the index is below the file's first (cycles must not decrease); parsers
     *                                  turn it into a {@link io.battdat.api.BadFormatException} naming the line,
     *                                  as they do with a number that does not parse
     */
    public long cycle(long rawCycle) {
        if (first) {
            first = false;
            firstCycle = rawCycle;
            maxCycle = rawCycle;
        } else if (rawCycle < firstCycle) {
            throw new IllegalArgumentException("cycle index " + rawCycle + " is below the file's first cycle index "
                    + firstCycle + " (cycle numbers must not decrease)");
        } else if (rawCycle > maxCycle) {
            maxCycle = rawCycle;
        }
        return rawCycle - firstCycle + startCycle;
    }

    /** The battdat {@code test_time} (seconds) of a raw time of the current file (seconds, any origin). */
    public double time(double rawTime) {
        if (!timeSeen) {
            timeSeen = true;
            firstTime = rawTime;
            maxTime = Double.NEGATIVE_INFINITY;
        }
        double t = rawTime - firstTime + startTime;
        if (t > maxTime) {
            maxTime = t;
        }
        return t;
    }
}
