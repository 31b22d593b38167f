package io.battdat.parsers.batteryarchive;

import io.battdat.api.spi.Spi;
import io.battdat.api.BadFormatException;
import io.battdat.api.ErrorLocation;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.DoubleColumn;
import io.battdat.api.data.LongColumn;
import io.battdat.api.data.StorageType;
import io.battdat.api.data.TableLayout;
import io.battdat.api.parse.BatchBuilder;
import io.battdat.api.parse.CellFiles;
import io.battdat.api.parse.ExplainingVendorParser;
import io.battdat.api.parse.FieldRow;
import io.battdat.api.parse.Header;
import io.battdat.api.parse.ParseContext;
import io.battdat.api.parse.PostProcessing;
import io.battdat.api.parse.WallClock;
import io.battdat.api.schema.ColumnInfo;
import io.battdat.api.schema.ColumnSchema;
import io.battdat.api.schema.ColumnType;
import io.battdat.api.schema.CycleLevelData;
import io.battdat.api.schema.RawData;
import io.battdat.api.spi.FileProbe;
import io.battdat.api.spi.ProbeVerdict;
import io.battdat.parsers.common.FileNaming;
import io.battdat.parsers.common.NamedVendorParser;
import io.battdat.parsers.csv.CsvRows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * BatteryArchive CSV files (this module's README.md): {@code <cell>_timeseries.csv} (or {@code _timeseries_data.csv})
 * gives {@code raw_data}, {@code <cell>_cycle_data.csv} gives {@code cycle_stats}; files of one stem are one cell.
 *
 * <p>{@code raw_data}: {@code cycle_number} ({@code Cycle_Index - 1}: BatteryArchive counts from 1, as the exporter
 * writes it), {@code test_time} ({@code Test_Time (s)}), {@code current}, {@code voltage}, {@code temperature}
 * ({@code Cell_Temperature (C)}; empty is NaN), {@code time} ({@code Date_Time}, local wall-clock text with 0-6
 * fractional digits, in the zone of the options); then the engine derives {@code state} (AddState),
 * {@code step_index}, {@code method} and {@code substep_index}. {@code cycle_stats}: {@code cycle_number},
 * {@code cycle_start} ({@code Test_Time (s)}), capacities, energies, voltage extremes, and the current extremes as
 * extra columns. A {@code _cycle_data.csv} without those per-cycle columns is refused.
 */
public final class BatteryArchiveParser extends NamedVendorParser implements ExplainingVendorParser {
    private static final FileNaming NAME = new FileNaming(Pattern.compile(
            "(.+?)_(timeseries|timeseries_data|cycle_data)\\.csv", Pattern.CASE_INSENSITIVE),
            "not a BatteryArchive file name: expected <cell>_timeseries.csv, <cell>_timeseries_data.csv or "
                    + "<cell>_cycle_data.csv");
    private static final List<String[]> CYCLE_COLUMNS = List.of(
            new String[]{"Test_Time (s)", "cycle_start"},
            new String[]{"Min_Voltage (V)", "V_minimum"},
            new String[]{"Max_Voltage (V)", "V_maximum"},
            new String[]{"Charge_Capacity (Ah)", "capacity_charge"},
            new String[]{"Discharge_Capacity (Ah)", "capacity_discharge"},
            new String[]{"Charge_Energy (Wh)", "energy_charge"},
            new String[]{"Discharge_Energy (Wh)", "energy_discharge"},
            new String[]{"Min_Current (A)", "current_minimum"},
            new String[]{"Max_Current (A)", "current_maximum"});

    /** Creates the parser; does no I/O. */
    public BatteryArchiveParser() {
        super("batteryarchive",
                "BatteryArchive CSV: <cell>_timeseries[_data].csv (raw_data), <cell>_cycle_data.csv (cycle_stats)",
                List.of("csv"));
    }

    @Override
    public ProbeVerdict explainProbe(FileProbe probe) {
        if (!NAME.fits(probe.path())) {
            return ProbeVerdict.no("name does not end in _timeseries.csv, _timeseries_data.csv or _cycle_data.csv");
        }
        String head = new String(probe.head(), StandardCharsets.UTF_8);
        return head.contains("Cycle_Index") ? ProbeVerdict.signature()
                : ProbeVerdict.extension("named like BatteryArchive, but no 'Cycle_Index' column");
    }

    @Override
    public List<CellFiles> group(List<Path> files) {
        // time series first, then the cycle table
        return NAME.cells(files, "cycle_data");
    }

    @Override
    public void parse(CellFiles cell, ParseContext context) {
        boolean seenSeries = false;
        boolean seenCycles = false;
        for (Path f : cell.files()) {
            boolean cycles = NAME.isPart(f, "cycle_data");
            if (cycles ? seenCycles : seenSeries) {
                throw new BadFormatException(ErrorLocation.of(f), "a second " + (cycles ? "cycle-data" : "time-series")
                        + " file for cell " + cell.name() + "; convert one test per cell", null);
            }
            String table = cycles ? "cycle_stats" : "raw_data";
            try (CsvRows rows = new CsvRows(f, table, StandardCharsets.UTF_8, ',', context)) {
                Header header = rows.readHeader();
                if (cycles) {
                    seenCycles = true;
                    readCycles(f, header, rows, context);
                } else {
                    seenSeries = true;
                    readSeries(f, header, rows, context);
                }
            }
        }
    }

    private static void readSeries(Path file, Header h, CsvRows rows, ParseContext context) {
        String table = "raw_data";
        int cycleIn = h.require(file, table, "Cycle_Index");
        int timeIn = h.require(file, table, "Test_Time (s)", "Test_Time");
        int currentIn = h.require(file, table, "Current (A)", "Current");
        int voltageIn = h.require(file, table, "Voltage (V)", "Voltage");
        int tempIn = h.indexOf("Cell_Temperature (C)", "Cell_Temperature");
        int dateIn = h.indexOf("Date_Time");
        List<ColumnSpec> specs = new ArrayList<>(List.of(ColumnSpec.of("cycle_number", StorageType.INT64),
                ColumnSpec.of("test_time", StorageType.FLOAT64), ColumnSpec.of("current", StorageType.FLOAT64),
                ColumnSpec.of("voltage", StorageType.FLOAT64)));
        if (tempIn >= 0) {
            specs.add(ColumnSpec.of("temperature", StorageType.FLOAT64));
        }
        if (dateIn >= 0) {
            specs.add(ColumnSpec.of("time", StorageType.FLOAT64));
        }
        TableLayout layout = TableLayout.of(specs);
        BatchBuilder out = new BatchBuilder(layout, context.table(table, layout, new RawData(),
                PostProcessing.tagging()), context.options().batchRows());
        long[] cycle = ((LongColumn) out.batch().column("cycle_number")).buffer();
        double[] time = ((DoubleColumn) out.batch().column("test_time")).buffer();
        double[] current = ((DoubleColumn) out.batch().column("current")).buffer();
        double[] voltage = ((DoubleColumn) out.batch().column("voltage")).buffer();
        double[] temperature = tempIn >= 0 ? ((DoubleColumn) out.batch().column("temperature")).buffer() : null;
        double[] wall = dateIn >= 0 ? ((DoubleColumn) out.batch().column("time")).buffer() : null;
        WallClock clock = new WallClock(context.options().zone());
        rows.readAll(h, out, new CsvRows.RecordReader() {
            @Override
            protected void read(FieldRow r, int i) {
                at = cycleIn;
                cycle[i] = r.getLong(at) - 1;
                at = timeIn;
                time[i] = r.getDouble(at);
                at = currentIn;
                current[i] = r.getDouble(at);
                at = voltageIn;
                voltage[i] = r.getDouble(at);
                if (temperature != null) {
                    at = tempIn;
                    temperature[i] = r.getDoubleOrNaN(at);
                }
                if (wall != null) {
                    at = dateIn;
                    wall[i] = r.isBlank(at) ? Double.NaN : clock.parse(r.chars(), r.start(at), r.length(at));
                }
            }
        });
    }

    private static void readCycles(Path file, Header h, CsvRows rows, ParseContext context) {
        String table = "cycle_stats";
        int cycleIn = h.indexOf("Cycle_Index");
        List<int[]> used = new ArrayList<>();
        List<ColumnSpec> specs = new ArrayList<>(List.of(ColumnSpec.of("cycle_number", StorageType.INT64)));
        ColumnSchema schema = new CycleLevelData();
        for (String[] c : CYCLE_COLUMNS) {
            int i = h.indexOf(c[0]);
            if (i >= 0) {
                used.add(new int[]{i, specs.size()});
                specs.add(ColumnSpec.of(c[1], StorageType.FLOAT64));
                if (c[1].startsWith("current_")) {
                    schema = schema.withExtraColumn(c[1], ColumnInfo.of(
                            (c[1].endsWith("minimum") ? "Minimum" : "Maximum") + " current during the cycle",
                            ColumnType.FLOAT, "A"));
                }
            }
        }
        boolean perRow = h.indexOf("Current (A)") >= 0 || h.indexOf("Voltage (V)") >= 0;
        boolean perCycle = used.stream().anyMatch(u -> specs.get(u[1]).name().startsWith("capacity_")
                || specs.get(u[1]).name().startsWith("V_"));
        if (cycleIn < 0 || perRow || !perCycle) {
            throw new BadFormatException(ErrorLocation.of(file, table),
                    "line 1: not a BatteryArchive per-cycle table (expected "
                    + "Cycle_Index with per-cycle capacities or voltage extremes, and no per-row Current (A) or "
                    + "Voltage (V)); the header has " + h.names(), null);
        }
        TableLayout layout = TableLayout.of(specs);
        BatchBuilder out = new BatchBuilder(layout, context.table(table, layout, schema, PostProcessing.none()),
                context.options().batchRows());
        long[] cycle = ((LongColumn) out.batch().column(0)).buffer();
        rows.readAll(h, out, new CsvRows.RecordReader() {
            @Override
            protected void read(FieldRow r, int i) {
                at = cycleIn;
                cycle[i] = r.getLong(at) - 1;
                for (int[] u : used) {
                    at = u[0];
                    ((DoubleColumn) out.batch().column(u[1])).buffer()[i] = r.getDoubleOrNaN(at);
                }
            }
        });
    }

    @Override
    public int spiVersion() {
        return Spi.VERSION;
    }
}
