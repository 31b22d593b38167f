package io.battdat.parsers.arbinres;

import com.healthmarketscience.jackcess.Index;
import com.healthmarketscience.jackcess.Table;
import io.battdat.api.BadFormatException;
import io.battdat.api.BattdatException;
import io.battdat.api.ErrorLocation;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.DoubleColumn;
import io.battdat.api.data.LongColumn;
import io.battdat.api.data.StorageType;
import io.battdat.api.data.TableLayout;
import io.battdat.api.parse.BatchBuilder;
import io.battdat.api.parse.CellTimeline;
import io.battdat.api.parse.ParseContext;
import io.battdat.api.parse.PostProcessing;
import io.battdat.api.parse.WallClock;
import io.battdat.api.schema.ColumnSchema;
import io.battdat.api.schema.ColumnType;
import io.battdat.api.schema.RawData;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads one test of a {@code .res} file into {@code raw_data}. Columns: {@code cycle_number} (Cycle_Index, from 0
 * as battdat counts), {@code step_index} (Step_Index as stored: the schedule's step), {@code test_time}
 * (Test_Time, s), {@code current} (A), {@code voltage} (V), {@code internal_resistance} (ohm), {@code time}
 * (DateTime, an OLE date in the instrument's local time, placed in the options' zone, as UNIX seconds),
 * {@code temperature} (C; when the test has exactly one auxiliary temperature channel); then extra columns:
 * {@code data_point}, {@code step_time}, {@code charge_capacity}/{@code discharge_capacity} (A-hr),
 * {@code charge_energy}/{@code discharge_energy} (W-hr), {@code dv_dt} (V/s), every other numeric column under its
 * Arbin name in lower case, and the auxiliary channels that do not map to {@code temperature}
 * ({@code aux_voltage_N}, {@code aux_temperature_N}, ... with {@code _rate} for their dX/dt). The test's records of
 * {@code Channel_Statistic_Table} go to {@code cycle_stats} in the same pass ({@link CycleStatsReader}).
 *
 * @param testId the test's Test_ID
 */
record TestReader(ResDatabase db, long testId, ParseContext context) {
    static final String TABLE = "raw_data";

    private enum Kind { DOUBLE, LONG, CYCLE, OLE_TIME, AUX }

    /** One output column: where its value comes from. */
    private record Out(String name, Kind kind, int slot, ColumnInfoSpec info) {
    }

    /** Description of an extra column (null for battdat's own columns). */
    private record ColumnInfoSpec(String description, ColumnType type, String units) {
    }

    void read() {
        Table normal = db.table(ResDatabase.NORMAL);
        List<String> sources = new ArrayList<>(ResTable.numericColumns(normal));
        String testColumn = require(normal, sources, ResDatabase.TEST_ID);
        sources.remove(testColumn);
        int pointSlot = sources.indexOf(require(normal, sources, ResDatabase.DATA_POINT));
        int timeSlot = sources.indexOf(require(normal, sources, "Test_Time"));
        int currentSlot = sources.indexOf(require(normal, sources, "Current"));
        int voltageSlot = sources.indexOf(require(normal, sources, "Voltage"));
        AuxChannels aux = AuxChannels.scan(db, testId);

        List<Out> outs = new ArrayList<>();
        addIfPresent(outs, sources, "Cycle_Index", "cycle_number", Kind.CYCLE, null);
        addIfPresent(outs, sources, "Step_Index", "step_index", Kind.LONG, null);
        outs.add(new Out("test_time", Kind.DOUBLE, timeSlot, null));
        outs.add(new Out("current", Kind.DOUBLE, currentSlot, null));
        outs.add(new Out("voltage", Kind.DOUBLE, voltageSlot, null));
        addIfPresent(outs, sources, "Internal_Resistance", "internal_resistance", Kind.DOUBLE, null);
        addIfPresent(outs, sources, "DateTime", "time", Kind.OLE_TIME, null);
        int temperature = aux.singleTemperature();
        if (temperature >= 0) {
            outs.add(new Out("temperature", Kind.AUX, 2 * temperature, null));
        }
        for (int slot = 0; slot < sources.size(); slot++) {
            String name = sources.get(slot);
            if (isUsed(outs, slot)) {
                continue;
            }
            outs.add(extra(name, slot));
        }
        aux.addColumns(outs.stream().map(Out::name).toList(), temperature,
                (name, slot, description, units) -> outs.add(new Out(name, Kind.AUX, slot,
                        new ColumnInfoSpec(description, ColumnType.FLOAT, units))));

        List<ColumnSpec> specs = new ArrayList<>();
        ColumnSchema schema = new RawData();
        for (Out o : outs) {
            boolean integer = o.kind == Kind.LONG || o.kind == Kind.CYCLE;
            specs.add(ColumnSpec.of(o.name, integer ? StorageType.INT64 : StorageType.FLOAT64));
            if (o.info != null) {
                schema = schema.withExtraColumn(o.name, o.info.description, o.info.type, false, o.info.units,
                        o.name.equals("data_point"));
            }
        }
        TableLayout layout = TableLayout.of(specs);
        BatchBuilder out = new BatchBuilder(layout, context.table(TABLE, layout, schema, PostProcessing.none()),
                context.options().batchRows());

        int[] capacitySlots = new int[4];
        String[] capacitySources = CycleStatsReader.capacitySources(sources);
        for (int k = 0; k < 4; k++) {
            capacitySlots[k] = capacitySources[k] == null ? -1 : sources.indexOf(capacitySources[k]);
        }
        long records;
        try (SortedRows rows = open(normal, sources, testColumn, pointSlot);
             SortedRows auxRows = aux.open(db, testId, sortMode(), chunkRows());
             CycleStatsReader stats = openStatistics(outs)) {
            records = copy(rows, auxRows, aux, stats, outs, pointSlot, timeSlot, capacitySlots, out,
                    normal.getRowCount());
            if (stats != null) {
                long orphans = stats.finish();
                if (orphans > 0) {
                    context.warn(db.file() + ": " + ResDatabase.STATISTIC + ": " + orphans + " statistic record(s) "
                            + "of test " + testId + " match no record of " + ResDatabase.NORMAL + " (left out)");
                }
            }
        } catch (IOException e) {
            throw ResDatabase.failure(db.file(), ResDatabase.NORMAL, "cannot read the records", e);
        }
        out.finish();
        if (records == 0) {
            throw new BadFormatException(ErrorLocation.of(db.file(), ResDatabase.NORMAL),
                    "no records of test " + testId, null);
        }
    }

    /** The test's statistic records, with {@code cycle_stats} declared; null when there are none to convert. */
    private CycleStatsReader openStatistics(List<Out> outs) throws IOException {
        if (outs.stream().noneMatch(o -> o.kind == Kind.CYCLE)) {
            Table stat = db.table(ResDatabase.STATISTIC);
            if (stat != null && stat.getRowCount() > 0) {
                context.warn(db.file() + ": " + ResDatabase.NORMAL + " has no Cycle_Index, so the statistics of "
                        + ResDatabase.STATISTIC + " cannot be placed in cycles (left out)");
            }
            return null;
        }
        try {
            return CycleStatsReader.open(db, testId, sortMode(), chunkRows(), context);
        } catch (IOException | RuntimeException e) {
            throw e instanceof BattdatException b ? b
                    : ResDatabase.failure(db.file(), ResDatabase.STATISTIC, "cannot read the statistics", e);
        }
    }

    private long copy(SortedRows rows, SortedRows auxRows, AuxChannels aux, CycleStatsReader stats, List<Out> outs,
                      int pointSlot, int timeSlot, int[] capacitySlots, BatchBuilder out, long storedRows) {
        int n = outs.size();
        int cycleColumn = -1;
        double[] capacities = new double[4];
        Kind[] kinds = new Kind[n];
        int[] slots = new int[n];
        double[][] doubles = new double[n][];
        long[][] longs = new long[n][];
        for (int j = 0; j < n; j++) {
            Out o = outs.get(j);
            kinds[j] = o.kind;
            if (o.kind == Kind.CYCLE) {
                cycleColumn = j;
            }
            slots[j] = o.slot;
            if (o.kind == Kind.LONG || o.kind == Kind.CYCLE) {
                longs[j] = ((LongColumn) out.batch().column(j)).buffer();
            } else {
                doubles[j] = ((DoubleColumn) out.batch().column(j)).buffer();
            }
        }
        double[] auxValues = new double[2 * aux.size()];
        boolean auxHas = auxRows != null && auxRows.next();
        long orphans = 0;
        CellTimeline cycles = new CellTimeline();
        cycles.startFile();
        WallClock clock = new WallClock(context.options().zone());
        long count = 0;
        long reported = 0;
        long bytesReported = 0;
        long progressStep = Math.max(1, context.options().batchRows());
        while (rows.next()) {
            double point = rows.get(pointSlot);
            if (auxRows != null) {
                Arrays.fill(auxValues, Double.NaN);
                while (auxHas && auxRows.get(AuxChannels.POINT) < point) {
                    orphans++;
                    auxHas = auxRows.next();
                }
                while (auxHas && auxRows.get(AuxChannels.POINT) == point) {
                    int channel = aux.channel(auxRows.get(AuxChannels.TYPE), auxRows.get(AuxChannels.INDEX));
                    auxValues[2 * channel] = auxRows.get(AuxChannels.X);
                    auxValues[2 * channel + 1] = aux.hasRate() ? auxRows.get(AuxChannels.RATE) : Double.NaN;
                    auxHas = auxRows.next();
                }
            }
            int i = out.row();
            for (int j = 0; j < n; j++) {
                int s = slots[j];
                switch (kinds[j]) {
                    case DOUBLE -> doubles[j][i] = rows.get(s);
                    case AUX -> doubles[j][i] = auxValues[s];
                    case LONG -> longs[j][i] = integral(rows.get(s), outs.get(j).name, point);
                    case CYCLE -> {
                        try {
                            longs[j][i] = cycles.cycle(integral(rows.get(s), "Cycle_Index", point));
                        } catch (IllegalArgumentException e) {
                            throw bad(point, e.getMessage());
                        }
                    }
                    case OLE_TIME -> doubles[j][i] = unixSeconds(clock, rows.get(s));
                    default -> throw new IllegalStateException(kinds[j].toString());
                }
            }
            if (stats != null) {
                for (int k = 0; k < 4; k++) {
                    capacities[k] = capacitySlots[k] < 0 ? Double.NaN : rows.get(capacitySlots[k]);
                }
                stats.record(point, longs[cycleColumn][i], rows.get(timeSlot), capacities);
            }
            out.commit();
            count++;
            if (count - reported >= progressStep && storedRows > 0) {
                // the file's share read so far, estimated from the table's stored record count
                long now = (long) ((double) db.fileSize() * Math.min(count, storedRows) / storedRows);
                context.progress(now - bytesReported);
                bytesReported = now;
                reported = count;
            }
        }
        if (db.tests().size() == 1) {
            context.progress(db.fileSize() - bytesReported);
        }
        while (auxHas) {
            orphans++;
            auxHas = auxRows.next();
        }
        if (orphans > 0) {
            context.warn(db.file() + ": " + ResDatabase.AUX + ": " + orphans + " auxiliary record(s) of test " + testId
                    + " match no record of " + ResDatabase.NORMAL + " (left out)");
        }
        if (db.tests().size() == 1 && count != storedRows) {
            context.warn(db.file() + ": " + ResDatabase.NORMAL + ": " + count + " records read, the table's header "
                    + "says " + storedRows);
        }
        return count;
    }

    private static double unixSeconds(WallClock clock, double oleDays) {
        if (Double.isNaN(oleDays)) {
            return Double.NaN;
        }
        // a double of days carries about 10 microseconds of noise at today's dates (1690224599.9999998 for
        // 18:50:00): rounded to the microsecond, what Arbin logs (milliseconds) comes out exact
        double local = Math.rint(OleDate.toLocalEpochSeconds(oleDays) * 1e6) / 1e6;
        double hours = Math.floor(local / 3600);
        if (Math.abs(hours) > 100_000_000) {
            return Double.NaN; // not a date of this era; no zone rule applies
        }
        // WallClock counts hours from the epoch day, so any hour count works and its zone offset is cached per hour
        return clock.epochSeconds(1970, 1, 1, (int) hours, 0, local - hours * 3600);
    }

    private long integral(double v, String column, double point) {
        if (v != Math.rint(v)) {
            throw bad(point, column + " is " + (Double.isNaN(v) ? "empty" : "not an integer: " + v));
        }
        return (long) v;
    }

    private BadFormatException bad(double point, String message) {
        return new BadFormatException(ErrorLocation.of(db.file(), ResDatabase.NORMAL, (long) point),
                "test " + testId + ", Data_Point " + (long) point + ": " + message, null);
    }

    private SortedRows open(Table normal, List<String> sources, String testColumn, int pointSlot) throws IOException {
        Index index = sortMode().equals("external") ? null
                : IndexedRows.find(normal, ResDatabase.TEST_ID, ResDatabase.DATA_POINT);
        if (index != null) {
            return IndexedRows.open(index, sources, testColumn, testId, db.maxRecords());
        }
        return ExternalSortRows.sort(normal, sources, pointSlot, testColumn, testId, chunkRows(), db.maxRecords());
    }

    private String sortMode() {
        String mode = context.options().settings().getOrDefault(ArbinResParser.SORT, "index");
        if (!mode.equals("index") && !mode.equals("external")) {
            throw new BadFormatException(ErrorLocation.of(db.file()),
                    ArbinResParser.SORT + " must be index or external, not " + mode, null);
        }
        return mode;
    }

    private int chunkRows() {
        String v = context.options().settings().get(ArbinResParser.CHUNK_ROWS);
        if (v == null) {
            return ArbinResParser.DEFAULT_CHUNK_ROWS;
        }
        try {
            int rows = Integer.parseInt(v.trim());
            if (rows >= 2) {
                return rows;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new BadFormatException(ErrorLocation.of(db.file()),
                ArbinResParser.CHUNK_ROWS + " must be an integer >= 2, not " + v, null);
    }

    private String require(Table table, List<String> sources, String name) {
        for (String s : sources) {
            if (s.equalsIgnoreCase(name)) {
                return s;
            }
        }
        throw new BadFormatException(ErrorLocation.of(db.file(), table.getName()),
                "no numeric column " + name + " (columns: "
                + table.getColumns().stream().map(c -> c.getName()).toList() + "): not an Arbin results table", null);
    }

    private static void addIfPresent(List<Out> outs, List<String> sources, String source, String name, Kind kind,
                                     ColumnInfoSpec info) {
        for (int slot = 0; slot < sources.size(); slot++) {
            if (sources.get(slot).equalsIgnoreCase(source)) {
                outs.add(new Out(name, kind, slot, info));
                return;
            }
        }
    }

    private static boolean isUsed(List<Out> outs, int slot) {
        for (Out o : outs) {
            if (o.kind != Kind.AUX && o.slot == slot) {
                return true;
            }
        }
        return false;
    }

    private static Out extra(String arbinName, int slot) {
        String name = columnName(arbinName);
        String description = "Arbin's " + arbinName;
        String units = null;
        Kind kind = Kind.DOUBLE;
        switch (name) {
            case "data_point" -> {
                description = "Arbin's Data_Point: the record's number within the test";
                kind = Kind.LONG;
            }
            case "step_time" -> {
                description = "Arbin's Step_Time: time since the step began";
                units = "s";
            }
            case "charge_capacity", "discharge_capacity" -> {
                description = "Arbin's " + arbinName + ": charge moved in that direction, as Arbin accumulates it";
                units = "A-hr";
            }
            case "charge_energy", "discharge_energy" -> {
                description = "Arbin's " + arbinName + ": energy moved in that direction, as Arbin accumulates it";
                units = "W-hr";
            }
            case "dv_dt" -> {
                description = "Arbin's dV/dt";
                units = "V/s";
            }
            default -> {
                // other columns keep Arbin's meaning; their units are not recorded in the file
            }
        }
        return new Out(name, kind, slot, new ColumnInfoSpec(description,
                kind == Kind.LONG ? ColumnType.INTEGER : ColumnType.FLOAT, units));
    }

    /** A column name that HDF5 and pandas take as is: lower case, letters, digits and underscores. */
    static String columnName(String arbinName) {
        StringBuilder sb = new StringBuilder();
        for (char c : arbinName.toLowerCase(Locale.ROOT).toCharArray()) {
            sb.append(Character.isLetterOrDigit(c) && c < 128 ? c : '_');
        }
        return sb.toString();
    }
}
