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

    /** One drawn line. */
    static final class Line {
        final String name;
        final double[] x;
        final double[] y;
        final int axis;
        final long total;
        final String color;

        Line(String name, double[] x, double[] y, int axis, long total, String color) {
            this.name = name;
            this.x = x;
            this.y = y;
            this.axis = axis;
            this.total = total;
            this.color = color;
        }
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
            n += l.x.length;
        }
        return n;
    }

    /** Points the lines stand for. */
    public long totalPoints() {
        long n = 0;
        for (Line l : lines) {
            n += l.total;
        }
        return n;
    }

    /** The note shown on the chart: how many points it shows of how many. */
    public String pointsNote() {
        return String.format(java.util.Locale.ROOT, "%,d of %,d points shown%s", shownPoints(), totalPoints(),
                shownPoints() < totalPoints() ? " (downsampled, LTTB)" : "");
    }
}
