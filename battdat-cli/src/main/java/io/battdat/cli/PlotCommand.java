package io.battdat.cli;

import io.battdat.charts.CellData;
import io.battdat.charts.CellDataReader;
import io.battdat.charts.ChartData;
import io.battdat.charts.ChartKind;
import io.battdat.charts.ChartOptions;
import io.battdat.charts.Charts;
import io.battdat.charts.StaticCharts;
import io.battdat.streaming.Battdat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code battdat plot FILE... --chart K --out F.png|F.svg}: one static chart. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        header = "Draw one chart of one or more files as PNG or SVG.")
final class PlotCommand extends Subcommand {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "battdat files (HDF5 or Parquet).")
    List<Path> files;

    @Option(names = "--chart", required = true, paramLabel = "K",
            description = "capacity, efficiency, voltage-capacity, dqdv or timeseries.")
    String chart;

    @Option(names = "--out", required = true, paramLabel = "F", description = "The picture: F.png or F.svg.")
    Path out;

    @Mixin
    ChartSelection selection;

    @Option(names = "--normalize", description = "capacity: divide by each line's first cycle.")
    boolean normalize;

    @Option(names = "--width", defaultValue = "900", description = "Width in points (default ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "600", description = "Height in points (default ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--dpi", defaultValue = "96", description = {"PNG resolution (default ${DEFAULT-VALUE}: one",
            "pixel per point); 192 doubles the pixels."})
    int dpi;

    @Override
    public Integer call() {
        System.setProperty("java.awt.headless", "true");
        ChartKind kind = ChartKind.of(chart);
        StaticCharts.checkDestination(out);
        ChartOptions options = selection.options().normalize(normalize).build();
        CellDataReader reader = new CellDataReader(Battdat.engine());
        List<CellData> cells = new ArrayList<>();
        for (Path f : files) {
            cells.addAll(reader.read(f, options, kind.needsRawPoints()));
        }
        ChartData data = Charts.build(kind, cells, options);
        StaticCharts.write(data, out, width, height, dpi);
        out().println("wrote " + out + ": " + data.title() + "; " + data.pointsNote());
        return 0;
    }
}
