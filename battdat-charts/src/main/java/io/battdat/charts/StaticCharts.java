package io.battdat.charts;

import io.battdat.api.InvalidUseException;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Static figures with JFreeChart: PNG (at a chosen dpi) or SVG (JFreeSVG). Runs headless. The file is written
 * next to its destination and moved over it when complete, so a failed run never leaves a partial picture.
 */
public final class StaticCharts {
    private StaticCharts() {
    }

    /** The JFreeChart of a chart: lines, one range axis per y label, the title and the points note. */
    public static JFreeChart toJFreeChart(ChartData data) {
        XYPlot plot = new XYPlot();
        NumberAxis x = new NumberAxis(data.xLabel);
        x.setAutoRangeIncludesZero(false);
        if (data.kind == ChartKind.CAPACITY || data.kind == ChartKind.EFFICIENCY) {
            x.setStandardTickUnits(NumberAxis.createIntegerTickUnits()); // cycles are whole numbers
        }
        plot.setDomainAxis(x);
        for (int a = 0; a < data.yLabels.size(); a++) {
            NumberAxis y = new NumberAxis(data.yLabels.get(a));
            y.setAutoRangeIncludesZero(false);
            plot.setRangeAxis(a, y);
            XYSeriesCollection collection = new XYSeriesCollection();
            XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true,
                    data.kind == ChartKind.CAPACITY || data.kind == ChartKind.EFFICIENCY);
            int s = 0;
            for (ChartData.Line line : data.lines) {
                if (line.axis() != a) {
                    continue;
                }
                // autoSort off: the points are already in drawing order; duplicates allowed (rests repeat x)
                XYSeries series = new XYSeries(line.name(), false, true);
                for (int i = 0; i < line.x().length; i++) {
                    if (Double.isFinite(line.y()[i])) {
                        series.add(line.x()[i], line.y()[i], false);
                    }
                }
                collection.addSeries(series);
                renderer.setSeriesPaint(s, Color.decode(line.color()));
                renderer.setSeriesStroke(s, new BasicStroke(1.5f));
                renderer.setSeriesShape(s, new java.awt.geom.Ellipse2D.Double(-2, -2, 4, 4));
                s++;
            }
            plot.setDataset(a, collection);
            plot.setRenderer(a, renderer);
            plot.mapDatasetToRangeAxis(a, a);
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        JFreeChart chart = new JFreeChart(data.title, new Font(Font.SANS_SERIF, Font.BOLD, 14), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        TextTitle note = new TextTitle(data.pointsNote(), new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        chart.addSubtitle(note);
        return chart;
    }

    /** Refuses a destination that is neither .png nor .svg, before any file is read. */
    public static void checkDestination(Path out) {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".png") && !name.endsWith(".svg")) {
            throw new InvalidUseException("--out must end in .png or .svg: " + out);
        }
    }

    /**
     * Writes a chart to a PNG or SVG file, chosen by the extension.
     *
     * @param width  the width in points (1/96 inch for PNG at 96 dpi)
     * @param height the height in points
     * @param dpi    the PNG's resolution: the image is {@code width * dpi / 96} pixels wide
     */
    public static void write(ChartData data, Path out, int width, int height, int dpi) {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (width < 50 || height < 50 || width > 20000 || height > 20000 || dpi < 10 || dpi > 1200) {
            throw new InvalidUseException("--width/--height must be 50..20000 and --dpi 10..1200");
        }
        JFreeChart chart = toJFreeChart(data);
        WholeFile.write(out, tmp -> {
            if (name.endsWith(".svg")) {
                // the workaround draws rotated labels as glyph outlines; as SVG text they stay searchable
                org.jfree.chart.text.TextUtils.setUseDrawRotatedStringWorkaround(false);
                SVGGraphics2D g = new SVGGraphics2D(width, height);
                chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
                Files.writeString(tmp, g.getSVGDocument(), StandardCharsets.UTF_8);
            } else if (name.endsWith(".png")) {
                double scale = dpi / 96.0;
                long pixels = Math.round(width * scale) * Math.round(height * scale);
                if (pixels > 100_000_000L) {
                    throw new InvalidUseException("a " + width + "x" + height + " picture at " + dpi
                            + " dpi would have " + pixels + " pixels; at most 100 million");
                }
                BufferedImage image = new BufferedImage((int) Math.round(width * scale),
                        (int) Math.round(height * scale), BufferedImage.TYPE_INT_RGB);
                Graphics2D g = image.createGraphics();
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.scale(scale, scale);
                chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
                g.dispose();
                try (OutputStream os = Files.newOutputStream(tmp)) {
                    ImageIO.write(image, "png", os);
                }
            } else {
                throw new InvalidUseException("--out must end in .png or .svg: " + out);
            }
        });
    }
}
