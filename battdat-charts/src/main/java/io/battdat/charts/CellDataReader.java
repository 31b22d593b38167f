package io.battdat.charts;

import io.battdat.api.BattdatException;
import io.battdat.api.ErrorLocation;
import io.battdat.api.KeyNotFoundException;
import io.battdat.api.data.Column;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.metadata.BatteryDescription;
import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.postprocess.PostProcessOptions;
import io.battdat.api.schema.ColumnInfo;
import io.battdat.api.schema.ColumnSchema;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.TableInfo;
import io.battdat.streaming.BatchStream;
import io.battdat.streaming.BattdatEngine;
import io.battdat.streaming.PostProcessor;
import io.battdat.streaming.postprocess.CycleTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Gathers {@link CellData} for every cell of a file. Pass one: the cycle table, read from the file's
 * {@code cycle_stats} when it has one, else computed from {@code raw_data} with the engine's cycle statistics.
 * Pass two (only when a chart needs raw points): {@code raw_data} once more, keeping the chosen cycles' curves and
 * the time series in {@link PointBuffer}s, so memory stays bounded for any number of rows.
 */
public final class CellDataReader {
    private static final Logger LOG = LoggerFactory.getLogger(CellDataReader.class);
    /** Points kept per line before the final LTTB; enough detail for dQ/dV, small enough for -Xmx64m. */
    static final int BUFFER_POINTS = 1 << 14;

    private final BattdatEngine engine;

    /** A reader on an engine. */
    public CellDataReader(BattdatEngine engine) {
        this.engine = engine;
    }

    /**
     * Reads every cell of a file.
     *
     * @param file     the battdat file
     * @param options  cycles and time range
     * @param rawPoints whether to make pass two (voltage curves, dQ/dV, time series)
     * @return one entry per {@code raw_data} table
     * @throws KeyNotFoundException when the file has no {@code raw_data}, or named cycles do not exist
     */
    public List<CellData> read(Path file, ChartOptions options, boolean rawPoints) {
        List<CellData> cells = new ArrayList<>();
        readEach(file, options, rawPoints ? Integer.MAX_VALUE : 0, cells::add);
        return cells;
    }

    /**
     * Reads the cells of a file one at a time, so only one cell's raw points are held at once.
     *
     * @param rawCells how many cells (from the first) get pass two; the others only their cycle table
     * @param consumer takes each cell; its raw-point buffers may be dropped once it returns
     */
    public void readEach(Path file, ChartOptions options, int rawCells, java.util.function.Consumer<CellData> consumer) {
        int index = 0;
        List<TableInfo> raws = new ArrayList<>();
        List<TableInfo> tables;
        String title;
        try (StoredDataset ds = engine.open(file)) {
            tables = ds.tables();
            for (TableInfo t : tables) {
                if (t.name().equals("raw_data")) {
                    raws.add(t);
                }
            }
            title = title(file, ds.metadataJson());
        }
        if (raws.isEmpty()) {
            throw new KeyNotFoundException(ErrorLocation.of(file), "no raw_data table to draw", null);
        }
        String name = file.getFileName().toString();
        for (TableInfo raw : raws) {
            String label = raw.prefix() == null ? name : name + "/" + raw.prefix();
            CellData cell = new CellData(file.toString(), label,
                    raw.prefix() == null ? title : title + " (" + raw.prefix() + ")");
            ColumnSchema schema = raw.schema();
            if (schema != null) {
                for (var e : schema.columns().entrySet()) {
                    ColumnInfo info = e.getValue();
                    if (info.units() != null) {
                        cell.units.put(e.getKey(), info.units());
                    }
                }
            }
            List<String> names = raw.layout().names();
            cell.hasCurrent = names.contains("current");
            cell.hasTemperature = names.contains("temperature");
            cell.hasCycleNumber = names.contains("cycle_number");
            readCycles(file, raw, tables, cell);
            if (index++ < rawCells) {
                readRaw(file, raw, cell, options);
            }
            consumer.accept(cell);
        }
    }

    private void readCycles(Path file, TableInfo raw, List<TableInfo> tables, CellData cell) {
        String statsKey = raw.prefix() == null ? "cycle_stats" : raw.prefix() + "/cycle_stats";
        for (TableInfo t : tables) {
            if (t.key().equals(statsKey) && t.layout().contains("cycle_number")
                    && t.layout().contains("capacity_discharge") && t.layout().contains("capacity_charge")) {
                readStoredCycles(file, t, cell);
                return;
            }
        }
        if (!cell.hasCycleNumber || !cell.hasCurrent || !raw.layout().contains("test_time")
                || !raw.layout().contains("voltage")) {
            cell.cyclesMissing = "no cycle_stats table, and raw_data lacks "
                    + missing(raw, "cycle_number", "test_time", "current", "voltage") + " to compute one";
            return;
        }
        CycleTable table = new PostProcessor(engine).summarize(file, raw.key(), PostProcessOptions.DEFAULT);
        int n = table.rowCount();
        cell.cycles = new double[n];
        for (int r = 0; r < n; r++) {
            cell.cycles[r] = table.cycleNumber(r);
        }
        cell.dischargeCapacity = table.column("capacity_discharge");
        cell.chargeCapacity = table.column("capacity_charge");
        cell.coulombicEfficiency = table.columnNames().contains("coulombic_efficiency")
                ? table.column("coulombic_efficiency") : ratio(cell.dischargeCapacity, cell.chargeCapacity);
        cell.energyEfficiency = table.columnNames().contains("energy_efficiency")
                ? table.column("energy_efficiency")
                : ratio(table.column("energy_discharge"), table.column("energy_charge"));
        if (n == 0) {
            cell.cyclesMissing = "raw_data has no rows";
        }
    }

    private static String missing(TableInfo t, String... columns) {
        List<String> out = new ArrayList<>();
        for (String c : columns) {
            if (!t.layout().contains(c)) {
                out.add(c);
            }
        }
        return String.join(", ", out);
    }

    private void readStoredCycles(Path file, TableInfo stats, CellData cell) {
        int n = (int) Math.min(stats.rows(), Integer.MAX_VALUE - 8);
        double[] cyc = new double[n];
        double[] dis = new double[n];
        double[] ch = new double[n];
        double[] edis = new double[n];
        double[] ech = new double[n];
        boolean energy = stats.layout().contains("energy_discharge") && stats.layout().contains("energy_charge");
        int r = 0;
        try (BatchStream batches = engine.batches(file, stats.key())) {
            while (batches.hasNext()) {
                ColumnBatch b = batches.next();
                Column cc = b.column("cycle_number");
                Column cd = b.column("capacity_discharge");
                Column cch = b.column("capacity_charge");
                Column ed = energy ? b.column("energy_discharge") : null;
                Column ec = energy ? b.column("energy_charge") : null;
                for (int i = 0; i < b.rowCount() && r < n; i++, r++) {
                    cyc[r] = cc.getLong(i);
                    dis[r] = cd.getDouble(i);
                    ch[r] = cch.getDouble(i);
                    edis[r] = energy ? ed.getDouble(i) : Double.NaN;
                    ech[r] = energy ? ec.getDouble(i) : Double.NaN;
                }
            }
        }
        cell.cycles = java.util.Arrays.copyOf(cyc, r);
        cell.dischargeCapacity = java.util.Arrays.copyOf(dis, r);
        cell.chargeCapacity = java.util.Arrays.copyOf(ch, r);
        cell.coulombicEfficiency = ratio(cell.dischargeCapacity, cell.chargeCapacity);
        cell.energyEfficiency = ratio(java.util.Arrays.copyOf(edis, r), java.util.Arrays.copyOf(ech, r));
        if (r == 0) {
            cell.cyclesMissing = "cycle_stats has no rows";
        }
        LOG.debug("{}: {} cycles from {}", file, r, stats.key());
    }

    private static double[] ratio(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = b[i] > 0 ? a[i] / b[i] : Double.NaN;
        }
        return out;
    }

    /**
     * The cycles to draw for a cell. Explicit numbers must exist; {@code first}/{@code last} name the cell's first
     * and last cycle; with neither a list nor {@code every}, up to five cycles spread over the test.
     */
    static TreeSet<Long> chooseCycles(CellData cell, ChartOptions options) {
        TreeSet<Long> chosen = new TreeSet<>();
        TreeSet<Long> known = new TreeSet<>();
        for (double c : cell.cycles) {
            known.add((long) c);
        }
        if (known.isEmpty()) {
            return chosen;
        }
        List<String> absent = new ArrayList<>();
        for (String s : options.cycles()) {
            String v = s.trim().toLowerCase(java.util.Locale.ROOT);
            long c;
            if (v.equals("first")) {
                c = known.first();
            } else if (v.equals("last")) {
                c = known.last();
            } else {
                try {
                    c = Long.parseLong(v);
                } catch (NumberFormatException e) {
                    throw new io.battdat.api.InvalidUseException("--cycles: '" + s + "' is not a cycle number, "
                            + "first or last");
                }
            }
            if (known.contains(c)) {
                chosen.add(c);
            } else {
                absent.add(v);
            }
        }
        if (!absent.isEmpty()) {
            throw new KeyNotFoundException(ErrorLocation.of(Path.of(cell.file)),
                    "cycles " + absent + " do not exist in "
                    + cell.label + " (its cycles are " + known.first() + ".." + known.last() + ", "
                    + known.size() + " cycles)", null);
        }
        if (options.every() > 0) {
            for (long c : known) {
                if ((c - known.first()) % options.every() == 0) {
                    chosen.add(c);
                }
            }
        }
        if (options.cycles().isEmpty() && options.every() <= 0) {
            Long[] all = known.toArray(new Long[0]);
            int picks = Math.min(5, all.length);
            for (int k = 0; k < picks; k++) {
                chosen.add(all[picks == 1 ? 0 : (int) Math.round((double) k * (all.length - 1) / (picks - 1))]);
            }
        }
        return chosen;
    }

    private void readRaw(Path file, TableInfo raw, CellData cell, ChartOptions options) {
        if (!raw.layout().contains("test_time") || !raw.layout().contains("voltage")) {
            cell.timeSeries = null;
            return;
        }
        TreeSet<Long> chosen = cell.hasCycleNumber && cell.hasCurrent ? chooseCycles(cell, options) : new TreeSet<>();
        for (long c : chosen) {
            cell.curves.put(c, new PointBuffer(2, BUFFER_POINTS));
        }
        cell.timeSeries = new PointBuffer(3, BUFFER_POINTS);
        double from = options.from();
        double to = options.to();
        PointBuffer curve = null;
        long currentCycle = Long.MIN_VALUE;
        double throughput = 0;
        double lastTime = Double.NaN;
        double lastCurrent = 0;
        double[] scratch = new double[3];
        try (BatchStream batches = engine.batches(file, raw.key())) {
            while (batches.hasNext()) {
                ColumnBatch b = batches.next();
                Column time = b.column("test_time");
                Column voltage = b.column("voltage");
                Column current = cell.hasCurrent ? b.column("current") : null;
                Column temperature = cell.hasTemperature ? b.column("temperature") : null;
                Column cycle = cell.hasCycleNumber ? b.column("cycle_number") : null;
                int n = b.rowCount();
                for (int i = 0; i < n; i++) {
                    double t = time.getDouble(i);
                    double v = voltage.getDouble(i);
                    double a = current == null ? Double.NaN : current.getDouble(i);
                    if (t >= from && t <= to) {
                        scratch[0] = v;
                        scratch[1] = a;
                        scratch[2] = temperature == null ? Double.NaN : temperature.getDouble(i);
                        cell.timeSeries.add(t, scratch);
                    }
                    if (cycle == null || chosen.isEmpty()) {
                        continue;
                    }
                    long c = cycle.getLong(i);
                    if (c != currentCycle) {
                        currentCycle = c;
                        curve = cell.curves.get(c);
                        throughput = 0;
                        lastTime = t;
                        lastCurrent = a;
                    }
                    if (curve != null) {
                        // charge moved since the cycle began, either way: rises monotonically, so it is an x axis
                        double dt = t - lastTime;
                        if (dt > 0 && Double.isFinite(a) && Double.isFinite(lastCurrent)) {
                            throughput += 0.5 * (Math.abs(a) + Math.abs(lastCurrent)) * dt / 3600.0;
                        }
                        scratch[0] = v;
                        scratch[1] = a;
                        curve.add(throughput, scratch);
                    }
                    lastTime = t;
                    lastCurrent = a;
                }
            }
        } catch (BattdatException e) {
            throw e;
        }
    }

    static String title(Path file, String metadataJson) {
        String name = null;
        StringBuilder extra = new StringBuilder();
        try {
            BatteryMetadata m = BatteryMetadata.fromJson(metadataJson);
            name = m.name();
            BatteryDescription battery = m.battery();
            if (battery != null) {
                String cathode = battery.cathode() == null ? null : battery.cathode().name();
                String anode = battery.anode() == null ? null : battery.anode().name();
                if (cathode != null || anode != null) {
                    extra.append(cathode == null ? "?" : cathode).append('/').append(anode == null ? "?" : anode);
                }
                if (battery.nominalCapacity() != null) {
                    extra.append(extra.length() > 0 ? ", " : "").append(battery.nominalCapacity()).append(" A-hr");
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("{}: metadata not read for the title: {}", file, e.getMessage());
        }
        String base = name == null || name.isBlank() ? file.getFileName().toString() : name;
        return extra.length() == 0 ? base : base + " — " + extra;
    }
}
