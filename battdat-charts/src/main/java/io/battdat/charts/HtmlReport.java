package io.battdat.charts;

import io.battdat.api.BattdatException;
import io.battdat.api.schema.ColumnInfo;
import io.battdat.api.schema.ColumnSchema;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.TableInfo;
import io.battdat.streaming.BattdatEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * One self-contained HTML file describing battdat files: metadata, every cell's tables (rows, columns, units,
 * descriptions) and interactive uPlot charts (drag to zoom, double-click to reset, hover for values, click a
 * legend entry to hide a line). uPlot's script and style are read from its webjar and inlined with the data, so
 * the page makes no network request. Size is bounded: every line is downsampled, points per line shrink as the
 * number of cells grows, and per-cell raw charts are drawn for the first {@value #RAW_CELLS} cells only.
 */
public final class HtmlReport {
    private static final Logger LOG = LoggerFactory.getLogger(HtmlReport.class);
    /** Cells that get voltage-capacity, dQ/dV and time-series charts; beyond, cycle charts only. */
    static final int RAW_CELLS = 20;
    /** Points over all lines of the report, about 20 bytes each as JSON: keeps a report near 5 MB at most. */
    static final int POINT_BUDGET = 250_000;

    private final BattdatEngine engine;

    /** A report writer on an engine. */
    public HtmlReport(BattdatEngine engine) {
        this.engine = engine;
    }

    /**
     * Writes the report of some files. A chart that cannot be drawn from a file (no cycles, no current) is
     * replaced by a line saying why; the others are drawn. Written to a sibling file and moved into place.
     *
     * @param files   battdat files
     * @param options cycles and time range for the raw charts
     * @param out     the HTML file
     * @return the number of charts drawn
     */
    public int write(List<Path> files, ChartOptions options, Path out) {
        int cellCount = 0;
        List<String> fileSections = new ArrayList<>();
        for (Path f : files) {
            try (StoredDataset ds = engine.open(f)) {
                fileSections.add(describe(f, ds));
                for (TableInfo t : ds.tables()) {
                    if (t.name().equals("raw_data")) {
                        cellCount++;
                    }
                }
            }
        }
        int rawCells = Math.min(cellCount, RAW_CELLS);
        // about 12 lines per raw cell (5 cycles twice, 3 time-series channels) and 4 per cell in cycle charts
        int perLine = (int) Math.max(100, Math.min(options.points(), POINT_BUDGET / Math.max(1, rawCells * 13L
                + cellCount * 4L)));
        ChartOptions lineOptions = ChartOptions.builder().cycles(options.cycles()).every(options.every())
                .timeRange(options.from(), options.to()).points(perLine).normalize(options.normalize()).build();
        List<String> charts = new ArrayList<>();
        List<String> notDrawn = new ArrayList<>();
        List<CellData> cycleCells = new ArrayList<>();
        CellDataReader reader = new CellDataReader(engine);
        int[] rawSeen = {0};
        for (Path f : files) {
            reader.readEach(f, lineOptions, Math.max(0, RAW_CELLS - rawSeen[0]), cell -> {
                if (rawSeen[0]++ < RAW_CELLS) {
                    for (ChartKind kind : List.of(ChartKind.VOLTAGE_CAPACITY, ChartKind.DQDV, ChartKind.TIMESERIES)) {
                        addChart(charts, notDrawn, kind, List.of(cell), lineOptions);
                    }
                }
                cell.dropRawPoints();
                cycleCells.add(cell);
            });
        }
        List<String> cycleCharts = new ArrayList<>();
        List<CellData> withCycles = cycleCells.stream().filter(c -> c.cycleCount() > 0).toList();
        for (CellData c : cycleCells) {
            if (c.cycleCount() == 0) {
                notDrawn.add(c.label + ": capacity and efficiency: " + (c.cyclesMissing == null ? "no cycles"
                        : c.cyclesMissing));
            }
        }
        if (!withCycles.isEmpty()) {
            addChart(cycleCharts, notDrawn, ChartKind.CAPACITY, withCycles, lineOptions);
            addChart(cycleCharts, notDrawn, ChartKind.EFFICIENCY, withCycles, lineOptions);
        }
        cycleCharts.addAll(charts);
        writeHtml(out, files, fileSections, cycleCharts, notDrawn);
        return cycleCharts.size();
    }

    private static void addChart(List<String> charts, List<String> notDrawn, ChartKind kind, List<CellData> cells,
                                 ChartOptions options) {
        try {
            ChartData data = Charts.build(kind, cells, options);
            if (data.lineCount() > 0) {
                charts.add(chartJson(data, "chart-" + kind.cliName() + "-" + charts.size()));
            }
        } catch (BattdatException e) {
            notDrawn.add(kind.cliName() + ": " + e.getMessage());
        }
    }

    private static String chartJson(ChartData data, String id) {
        StringBuilder sb = new StringBuilder(4096);
        sb.append("{\"id\":").append(str(id)).append(",\"kind\":").append(str(data.kind.cliName()))
                .append(",\"title\":").append(str(data.title)).append(",\"xLabel\":").append(str(data.xLabel))
                .append(",\"note\":").append(str(data.pointsNote())).append(",\"yLabels\":[");
        for (int i = 0; i < data.yLabels.size(); i++) {
            sb.append(i > 0 ? "," : "").append(str(data.yLabels.get(i)));
        }
        sb.append("],\"lines\":[");
        for (int l = 0; l < data.lines.size(); l++) {
            ChartData.Line line = data.lines.get(l);
            sb.append(l > 0 ? "," : "").append("{\"name\":").append(str(line.name())).append(",\"color\":")
                    .append(str(line.color())).append(",\"axis\":").append(line.axis()).append(",\"x\":");
            numbers(sb, line.x());
            sb.append(",\"y\":");
            numbers(sb, line.y());
            sb.append('}');
        }
        return sb.append("]}").toString();
    }

    private static void numbers(StringBuilder sb, double[] values) {
        sb.append('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            double v = values[i];
            if (!Double.isFinite(v)) {
                sb.append("null");
            } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                sb.append((long) v);
            } else {
                // eight significant digits: exact enough to draw, half the bytes of a full double
                sb.append(String.format(Locale.ROOT, "%.8g", v).replaceFirst("\\.?0+(e|$)", "$1"));
            }
        }
        sb.append(']');
    }

    private String describe(Path file, StoredDataset ds) {
        StringBuilder sb = new StringBuilder();
        sb.append("{\"file\":").append(str(file.getFileName().toString())).append(",\"format\":")
                .append(str(ds.formatName())).append(",\"metadata\":").append(str(ds.metadataJson()))
                .append(",\"tables\":[");
        int n = 0;
        for (TableInfo t : ds.tables()) {
            sb.append(n++ > 0 ? "," : "").append("{\"key\":").append(str(t.key())).append(",\"rows\":")
                    .append(t.rows()).append(",\"columns\":[");
            ColumnSchema schema = t.schema();
            List<String> names = t.layout().names();
            for (int c = 0; c < names.size(); c++) {
                ColumnInfo info = schema == null ? null : schema.columns().get(names.get(c));
                sb.append(c > 0 ? "," : "").append('[').append(str(names.get(c))).append(',')
                        .append(str(info == null || info.units() == null ? "" : info.units())).append(',')
                        .append(str(info == null || info.description() == null ? "" : info.description()))
                        .append(']');
            }
            sb.append("]}");
        }
        return sb.append("]}").toString();
    }

    /** A JSON string, safe inside a script element (no {@code </} in the output). */
    static String str(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '<' -> sb.append("\\u003c");
                case '>' -> sb.append("\\u003e");
                case '&' -> sb.append("\\u0026");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static void writeHtml(Path out, List<Path> files, List<String> fileSections, List<String> charts,
                                  List<String> notDrawn) {
        String uplotJs = webjarText("dist/uPlot.iife.min.js");
        String uplotCss = webjarText("dist/uPlot.min.css");
        String page = resourceText("report.html");
        StringBuilder data = new StringBuilder("{\"files\":[").append(String.join(",", fileSections))
                .append("],\"charts\":[").append(String.join(",", charts)).append("],\"notDrawn\":[");
        for (int i = 0; i < notDrawn.size(); i++) {
            data.append(i > 0 ? "," : "").append(str(notDrawn.get(i)));
        }
        data.append("]}");
        String title = "battdat report: " + String.join(", ", files.stream().map(p -> p.getFileName().toString())
                .toList());
        // the data goes in last, so nothing in it is taken for a placeholder
        String html = page.replace("REPORT_TITLE", escapeHtml(title))
                .replace("/*UPLOT_CSS*/", uplotCss.replace("</", "<\\/"))
                .replace("/*UPLOT_JS*/", uplotJs.replace("</script", "<\\/script"))
                .replace("/*REPORT_DATA*/", data.toString());
        WholeFile.write(out, tmp -> {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(html);
            }
        });
        LOG.debug("wrote {} ({} charts)", out, charts.size());
    }

    private static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String webjarText(String file) {
        String version;
        try (InputStream in = HtmlReport.class.getResourceAsStream(
                "/META-INF/maven/org.webjars.npm/uplot/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("uPlot's webjar is not on the class path");
            }
            Properties p = new Properties();
            p.load(in);
            version = p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text("/META-INF/resources/webjars/uplot/" + version + "/" + file);
    }

    private static String resourceText(String name) {
        return text("/io/battdat/charts/" + name);
    }

    private static String text(String resource) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
