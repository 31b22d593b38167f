package io.battdat.cli;

import io.battdat.charts.ChartOptions;
import io.battdat.charts.HtmlReport;
import io.battdat.streaming.Battdat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;

/** {@code battdat report FILE... --out report.html}: a self-contained interactive HTML report. */
@Command(name = "report", mixinStandardHelpOptions = true,
        header = "Write one self-contained, interactive HTML report of one or more files.",
        description = {
                "The report shows each file's metadata (battery, cycling protocol, source), every table with its",
                "rows, columns, units and descriptions, and interactive charts: capacity fade and efficiency of every",
                "cell, and per cell voltage against cycled capacity, dQ/dV and the time series. Drag to zoom,",
                "double-click to reset, hover for values, click the legend to hide a line. The chart library and",
                "the data are inside the file: it opens offline and makes no network request. Lines are downsampled",
                "so the report stays small (a few MB at most) for any input; reading takes at most two streaming",
                "passes per cell (one when the file has cycle_stats), in bounded memory (runs with -Xmx64m).",
                "A chart that cannot be drawn (no current, no cycles) is listed with the reason; the others are drawn.",
                "Examples: battdat report cell.h5 --out cell.html",
                "          battdat report a.h5 b.h5 --cycles 1,100,last --out cells.html",
                "          JAVA_OPTS=-Xmx64m battdat report big.h5 --out big.html"})
final class ReportCommand extends Subcommand {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "battdat files (HDF5 or Parquet).")
    List<Path> files;

    @Option(names = "--out", required = true, paramLabel = "F", description = "The HTML file to write.")
    Path out;

    @Mixin
    ChartSelection selection;

    @Override
    public Integer call() {
        ChartOptions options = selection.options().build();
        int charts = new HtmlReport(Battdat.engine()).write(files, options, out);
        long size = out.toFile().length();
        out().println("wrote " + out + ": " + charts + " charts, "
                + String.format(java.util.Locale.ROOT, "%.1f", size / 1e6) + " MB");
        return 0;
    }
}
