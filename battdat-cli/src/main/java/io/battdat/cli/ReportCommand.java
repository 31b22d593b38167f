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
        header = "Write one self-contained, interactive HTML report of one or more files.")
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
