package io.battdat.cli;

import io.battdat.charts.ChartOptions;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** The options that choose what a chart shows (cycles, time range, points): {@code plot}'s and {@code report}'s. */
final class ChartSelection {
    @Option(names = "--cycles", split = ",", paramLabel = "C", description = {"Cycles for voltage-capacity and",
            "dqdv: numbers, first, last (e.g. 1,10,100,last). Default: up to five spread over the test."})
    List<String> cycles = new ArrayList<>();

    @Option(names = "--every", paramLabel = "N", description = "Draw every N-th cycle (with or instead of --cycles).")
    int every;

    @Option(names = "--from", paramLabel = "S", description = "Time series start, in seconds of test_time.")
    Double from;

    @Option(names = "--to", paramLabel = "S", description = "Time series end, in seconds of test_time.")
    Double to;

    @Option(names = "--points", paramLabel = "N", defaultValue = "2000", description = {"Points per line at most",
            "(default ${DEFAULT-VALUE}; an HTML report of many cells uses fewer)."})
    int points;

    /** Chart options with these choices; the command adds its own. */
    ChartOptions.Builder options() {
        return ChartOptions.builder().cycles(cycles).every(every)
                .timeRange(from == null ? Double.NEGATIVE_INFINITY : from, to == null ? Double.POSITIVE_INFINITY : to)
                .points(points);
    }
}
