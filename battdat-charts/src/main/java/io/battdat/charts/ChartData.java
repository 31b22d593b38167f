package io.battdat.charts;

import java.util.ArrayList;
import java.util.List;

/**
 * One chart ready to draw, whatever the renderer (JFreeChart for PNG/SVG, uPlot in the HTML report): title, axis
 * labels with units, and downsampled lines, each remembering how many points it stands for.
 */
public final class ChartData {
    final ChartKind kind;
    final String title;
    final String xLabel;
    final List<String> yLabels = new ArrayList<>();
    final List<Line> lines = new ArrayList<>();

    ChartData(ChartKind kind, String title, String xLabel, String yLabel) {
        this.kind = kind;
        this.title = title;
        this.xLabel = xLabel;
        this.yLabels.add(yLabel);
    }

    /**
     * One drawn line (compared by identity: its points are arrays).
     *
     * @param name  the legend name
     * @param x     the x values drawn
     * @param y     the y values drawn, one per x
     * @param axis  which y axis the line uses (0 the first)
     * @param total how many points the drawn ones stand for (more when downsampled)
     * @param color the stroke colour as {@code #rrggbb}
     */
    record Line(String name, double[] x, double[] y, int axis, long total, String color) {
    }

    /** The chart's kind. */
    public ChartKind kind() {
        return kind;
    }

    /** The title. */
    public String title() {
        return title;
    }

    /** The x axis label with unit. */
    public String xLabel() {
        return xLabel;
    }

    /** The y axis labels with units (a second or third when lines use other axes). */
    public List<String> yLabels() {
        return List.copyOf(yLabels);
    }

    /** How many lines. */
    public int lineCount() {
        return lines.size();
    }

    /** Points drawn over all lines. */
    public long shownPoints() {
        long n = 0;
        for (Line l : lines) {
            n += l.x().length;
        }
        return n;
    }

    /** Points the lines stand for. */
    public long totalPoints() {
        long n = 0;
        for (Line l : lines) {
            n += l.total();
        }
        return n;
    }

    /** The note shown on the chart: how many points it shows of how many. */
    public String pointsNote() {
        return String.format(java.util.Locale.ROOT, "%,d of %,d points shown%s", shownPoints(), totalPoints(),
                shownPoints() < totalPoints() ? " (downsampled, LTTB)" : "");
    }
}
