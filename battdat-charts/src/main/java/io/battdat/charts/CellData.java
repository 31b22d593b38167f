package io.battdat.charts;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the charts of one cell (one {@code raw_data} table) are drawn from, gathered in at most two streaming
 * passes by {@link CellDataReader}: the per-cycle table, the chosen cycles' voltage curves and the time series,
 * each bounded in size whatever the file's length.
 */
public final class CellData {
    final String file;
    final String label;
    final String title;
    final Map<String, String> units = new LinkedHashMap<>();
    /** Why the cycle table is missing, or null when present. */
    String cyclesMissing;
    double[] cycles = new double[0];
    double[] dischargeCapacity = new double[0];
    double[] chargeCapacity = new double[0];
    double[] coulombicEfficiency = new double[0];
    double[] energyEfficiency = new double[0];
    /** The chosen cycles' points: x cycled capacity (A-hr), channels voltage then current. */
    final Map<Long, PointBuffer> curves = new LinkedHashMap<>();
    /** x test_time, channels voltage, current, temperature (NaN where absent). */
    PointBuffer timeSeries;
    boolean hasCurrent;
    boolean hasTemperature;
    boolean hasCycleNumber;

    CellData(String file, String label, String title) {
        this.file = file;
        this.label = label;
        this.title = title;
    }

    /** The cell's name in legends: the file name, plus the cell's prefix in a multi-cell file. */
    public String label() {
        return label;
    }

    /** The chart title: cell name, chemistry and nominal capacity where the metadata has them. */
    public String title() {
        return title;
    }

    /** How many cycles the cycle table has (0 when it could not be made). */
    public int cycleCount() {
        return cycles.length;
    }

    /** Frees the raw points once the cell's charts are made; the cycle table stays. */
    void dropRawPoints() {
        curves.clear();
        timeSeries = null;
    }

    String unit(String column, String fallback) {
        String u = units.get(column);
        return u == null || u.isBlank() ? fallback : u;
    }
}
