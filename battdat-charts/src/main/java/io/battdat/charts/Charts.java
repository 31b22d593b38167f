package io.battdat.charts;

import io.battdat.api.ErrorLocation;
import io.battdat.api.KeyNotFoundException;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns {@link CellData} into {@link ChartData}: picks the columns, downsamples each line with {@link Lttb},
 * labels axes with units from the column schema and colours lines (cells by a palette, cycles by cycle number).
 */
public final class Charts {
    private static final String[] PALETTE = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
            "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
    /** Voltage bin width of dQ/dV, in volts. */
    static final double DQDV_BIN = 0.005;
    /** Bins each side of the centred moving average of dQ/dV. */
    static final int DQDV_HALF_WINDOW = 3;

    private Charts() {
    }

    /**
     * Builds a chart of every cell given.
     *
     * @throws KeyNotFoundException when no cell has what the chart needs; the message names the file and what is
     *                              missing
     */
    public static ChartData build(ChartKind kind, List<CellData> cells, ChartOptions options) {
        CellData first = cells.get(0);
        String title = cells.size() == 1 ? kind.heading() + ": " + first.title : kind.heading() + ": "
                + cells.size() + " cells";
        ChartData chart = switch (kind) {
            case CAPACITY -> new ChartData(kind, title, "Cycle", options.normalize()
                    ? "Capacity / first cycle's" : "Capacity (A-hr)");
            case EFFICIENCY -> new ChartData(kind, title, "Cycle", "Efficiency (ratio)");
            case VOLTAGE_CAPACITY -> new ChartData(kind, title, "Capacity cycled in the cycle ("
                    + unitOfCharge(first) + ")", "Voltage (" + first.unit("voltage", "V") + ")");
            case DQDV -> new ChartData(kind, title, "Voltage (" + first.unit("voltage", "V") + ")",
                    "dQ/dV (A-hr/V)");
            case TIMESERIES -> new ChartData(kind, title, "Test time (" + first.unit("test_time", "s") + ")",
                    "Voltage (" + first.unit("voltage", "V") + ")");
        };
        int cellIndex = 0;
        for (CellData cell : cells) {
            String prefix = cells.size() > 1 ? cell.label + " " : "";
            String color = PALETTE[cellIndex++ % PALETTE.length];
            switch (kind) {
                case CAPACITY -> {
                    requireCycles(cell, kind);
                    boolean single = cells.size() == 1;
                    addCycleLine(chart, prefix + "discharge", cell.cycles, normalized(cell.dischargeCapacity,
                            options), single ? PALETTE[0] : color, options);
                    if (single) {
                        addCycleLine(chart, prefix + "charge", cell.cycles, normalized(cell.chargeCapacity,
                                options), PALETTE[1], options);
                    }
                }
                case EFFICIENCY -> {
                    requireCycles(cell, kind);
                    boolean single = cells.size() == 1;
                    addCycleLine(chart, prefix + "coulombic", cell.cycles, cell.coulombicEfficiency,
                            single ? PALETTE[0] : color, options);
                    addCycleLine(chart, prefix + "energy", cell.cycles, cell.energyEfficiency,
                            single ? PALETTE[1] : darker(color), options);
                }
                case VOLTAGE_CAPACITY, DQDV -> {
                    requireCurves(cell, kind);
                    long lo = cell.curves.keySet().stream().min(Long::compare).orElse(0L);
                    long hi = cell.curves.keySet().stream().max(Long::compare).orElse(0L);
                    for (Map.Entry<Long, PointBuffer> e : cell.curves.entrySet()) {
                        String c = cells.size() == 1 ? cycleColor(e.getKey(), lo, hi) : color;
                        String name = prefix + "cycle " + e.getKey();
                        PointBuffer p = e.getValue();
                        if (kind == ChartKind.VOLTAGE_CAPACITY) {
                            addLine(chart, name, p.x(), p.channel(0), 0, p.offered(), c, options.points());
                        } else {
                            // its points are voltage bins, not raw rows: the note counts bins
                            double[][] d = dqdv(p.x(), p.channel(0), p.channel(1));
                            addLine(chart, name, d[0], d[1], 0, d[0].length, c, options.points());
                        }
                    }
                }
                case TIMESERIES -> {
                    if (cell.timeSeries == null) {
                        throw new KeyNotFoundException(ErrorLocation.of(Path.of(cell.file)), cell.label
                                + ": raw_data lacks test_time or voltage, which the time series needs", null);
                    }
                    PointBuffer p = cell.timeSeries;
                    if (p.size() == 0) {
                        throw new KeyNotFoundException(ErrorLocation.of(Path.of(cell.file)), cell.label
                                + ": no rows in the time range asked for", null);
                    }
                    double[] t = p.x();
                    double[] v = p.channel(0);
                    // one selection for all channels, from voltage: the lines share their x values
                    int[] keep = Lttb.select(t, v, t.length, options.points());
                    addSelected(chart, prefix + "voltage", t, v, keep, 0, p.offered(), color);
                    if (cell.hasCurrent) {
                        int axis = axis(chart, "Current (" + cell.unit("current", "A") + ")");
                        addSelected(chart, prefix + "current", t, p.channel(1), keep, axis, p.offered(),
                                cells.size() == 1 ? PALETTE[1] : darker(color));
                    }
                    if (cell.hasTemperature) {
                        int axis = axis(chart, "Temperature (" + cell.unit("temperature", "C") + ")");
                        addSelected(chart, prefix + "temperature", t, p.channel(2), keep, axis, p.offered(),
                                cells.size() == 1 ? PALETTE[2] : darker(darker(color)));
                    }
                }
            }
        }
        return chart;
    }

    private static String unitOfCharge(CellData cell) {
        String current = cell.unit("current", "A");
        return current.equals("A") ? "A-hr" : current + "-hr";
    }

    private static int axis(ChartData chart, String label) {
        int i = chart.yLabels.indexOf(label);
        if (i >= 0) {
            return i;
        }
        chart.yLabels.add(label);
        return chart.yLabels.size() - 1;
    }

    private static void requireCycles(CellData cell, ChartKind kind) {
        if (cell.cyclesMissing != null || cell.cycles.length == 0) {
            throw new KeyNotFoundException(ErrorLocation.of(Path.of(cell.file)), cell.label + ": no cycles to draw "
                    + kind.cliName() + " from: " + (cell.cyclesMissing == null ? "no cycles" : cell.cyclesMissing),
                    null);
        }
    }

    private static void requireCurves(CellData cell, ChartKind kind) {
        if (!cell.hasCycleNumber || !cell.hasCurrent) {
            throw new KeyNotFoundException(ErrorLocation.of(Path.of(cell.file)), cell.label + ": raw_data lacks "
                    + (!cell.hasCycleNumber ? "cycle_number" : "current") + ", which " + kind.cliName() + " needs",
                    null);
        }
        requireCycles(cell, kind);
        if (cell.curves.isEmpty()) {
            throw new KeyNotFoundException(ErrorLocation.of(Path.of(cell.file)),
                    cell.label + ": no cycle chosen to draw", null);
        }
    }

    private static double[] normalized(double[] values, ChartOptions options) {
        if (!options.normalize()) {
            return values;
        }
        double base = Double.NaN;
        for (double v : values) {
            if (Double.isFinite(v) && v != 0) {
                base = v;
                break;
            }
        }
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] / base;
        }
        return out;
    }

    private static void addCycleLine(ChartData chart, String name, double[] cycles, double[] y, String color,
                                     ChartOptions options) {
        addLine(chart, name, cycles, y, 0, cycles.length, color, options.points());
    }

    private static void addLine(ChartData chart, String name, double[] x, double[] y, int axis, long total,
                                String color, int points) {
        int[] keep = Lttb.select(x, y, x.length, points);
        addSelected(chart, name, x, y, keep, axis, total, color);
    }

    private static void addSelected(ChartData chart, String name, double[] x, double[] y, int[] keep, int axis,
                                    long total, String color) {
        double[] sx = new double[keep.length];
        double[] sy = new double[keep.length];
        for (int i = 0; i < keep.length; i++) {
            sx[i] = x[keep[i]];
            sy[i] = y[keep[i]];
        }
        chart.lines.add(new ChartData.Line(name, sx, sy, axis, Math.max(total, keep.length), color));
    }

    /**
     * dQ/dV of the discharge part of a cycle (rows with negative current; the charge part when there is none):
     * points are put into voltage bins {@value #DQDV_BIN} V wide and each bin's mean capacity taken; the
     * derivative is the difference of neighbouring bins' capacity over their voltage difference, then smoothed by
     * a centred moving average over {@code 2 * DQDV_HALF_WINDOW + 1} bins. Binning first stops the noise of
     * nearly equal voltage readings from dividing by almost zero.
     *
     * @return {voltage bin centres (ascending), dQ/dV}
     */
    static double[][] dqdv(double[] capacity, double[] voltage, double[] current) {
        boolean anyDischarge = false;
        for (double a : current) {
            if (a < 0) {
                anyDischarge = true;
                break;
            }
        }
        double sign = anyDischarge ? -1 : 1;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < voltage.length; i++) {
            if (current[i] * sign > 0 && Double.isFinite(voltage[i])) {
                lo = Math.min(lo, voltage[i]);
                hi = Math.max(hi, voltage[i]);
            }
        }
        if (!(hi > lo)) {
            return new double[][]{new double[0], new double[0]};
        }
        int bins = (int) Math.min(2000, Math.ceil((hi - lo) / DQDV_BIN) + 1);
        double[] sum = new double[bins];
        int[] count = new int[bins];
        for (int i = 0; i < voltage.length; i++) {
            if (current[i] * sign > 0 && Double.isFinite(voltage[i])) {
                int b = (int) Math.min(bins - 1, Math.floor((voltage[i] - lo) / DQDV_BIN));
                sum[b] += capacity[i];
                count[b]++;
            }
        }
        double[] v = new double[bins];
        double[] q = new double[bins];
        int filled = 0;
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) {
                v[filled] = lo + (b + 0.5) * DQDV_BIN;
                q[filled] = sum[b] / count[b];
                filled++;
            }
        }
        if (filled < 2) {
            return new double[][]{new double[0], new double[0]};
        }
        double[] x = new double[filled - 1];
        double[] d = new double[filled - 1];
        for (int i = 0; i < filled - 1; i++) {
            x[i] = 0.5 * (v[i] + v[i + 1]);
            // capacity here is charge moved, growing as voltage falls on discharge: signed so discharge is negative
            d[i] = sign * Math.abs(q[i + 1] - q[i]) / (v[i + 1] - v[i]);
        }
        double[] smooth = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            double s = 0;
            int n = 0;
            for (int j = Math.max(0, i - DQDV_HALF_WINDOW); j <= Math.min(d.length - 1, i + DQDV_HALF_WINDOW); j++) {
                s += d[j];
                n++;
            }
            smooth[i] = s / n;
        }
        return new double[][]{x, smooth};
    }

    /** Dark blue for the first cycle to yellow for the last, through green (a viridis-like ramp). */
    static String cycleColor(long cycle, long lo, long hi) {
        double f = hi == lo ? 0 : (double) (cycle - lo) / (hi - lo);
        int[][] stops = {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}};
        double p = f * (stops.length - 1);
        int k = Math.min(stops.length - 2, (int) Math.floor(p));
        double t = p - k;
        int r = (int) Math.round(stops[k][0] + t * (stops[k + 1][0] - stops[k][0]));
        int g = (int) Math.round(stops[k][1] + t * (stops[k + 1][1] - stops[k][1]));
        int b = (int) Math.round(stops[k][2] + t * (stops[k + 1][2] - stops[k][2]));
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }

    private static String darker(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        int r = (rgb >> 16 & 0xff) * 2 / 3;
        int g = (rgb >> 8 & 0xff) * 2 / 3;
        int b = (rgb & 0xff) * 2 / 3;
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }
}
