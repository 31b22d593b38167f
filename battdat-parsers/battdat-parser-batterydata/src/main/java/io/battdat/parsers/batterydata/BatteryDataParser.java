package io.battdat.parsers.batterydata;

import io.battdat.api.spi.Spi;
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
import io.battdat.api.schema.ColumnSchema;
import io.battdat.api.schema.CycleLevelData;
import io.battdat.api.schema.EISData;
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
 * Battery Data Hub / NREL CSV exports (this module's README.md): {@code <cell>-raw.csv} gives {@code raw_data} (and
 * {@code eis_data} from its impedance rows), {@code <cell>-summary.csv} gives {@code cycle_stats}; the cell is named
 * after the files. Settings:
 * <ul>
 *   <li>{@code batterydata.store-all=true}: every other input column is kept under its own name (Python's
 *       {@code store_all});</li>
 *   <li>{@code batterydata.python-datenum=true}: {@code time} as Python computes it (one day late, in the zone of
 *       the options), for consistency with files converted by the Python toolkit; by default the standard MATLAB
 *       mapping, datenum 719529 = 1970-01-01 UTC;</li>
 *   <li>{@code batterydata.python-summary-cycles=true}: {@code cycle_stats.cycle_number} 1-based as Python
 *       writes it; by default 0-based like {@code raw_data} (both are {@code Cycle_Index - 1}).</li>
 * </ul>
 */
public final class BatteryDataParser extends NamedVendorParser implements ExplainingVendorParser {
    public static final String STORE_ALL = "batterydata.store-all";
    public static final String PYTHON_DATENUM = "batterydata.python-datenum";
    public static final String PYTHON_SUMMARY_CYCLES = "batterydata.python-summary-cycles";
    /** Anything may follow {@code .csv}: the name is matched from its start, as Python's {@code re.match} does. */
    private static final FileNaming NAME = new FileNaming(Pattern.compile("([-\\w]+)[- ](summary|raw)\\.csv.*"),
            "Filename convention broken. Should be <cell_name>-<summary|raw>.csv");
    /** MATLAB datenum of 1970-01-01. */
    private static final double UNIX_EPOCH_DATENUM = 719529;

    /** Creates the parser; does no I/O. */
    public BatteryDataParser() {
        super("batterydata",
                "Battery Data Hub / NREL CSV: <cell>-raw.csv (raw_data, eis_data), <cell>-summary.csv (cycle_stats)",
                List.of("csv"));
    }

    @Override
    public ProbeVerdict explainProbe(FileProbe probe) {
        String head = new String(probe.head(), StandardCharsets.UTF_8);
        boolean named = NAME.fits(probe.path());
        boolean raw = head.startsWith("Cycle_Index,") && head.contains("Time_s") && head.contains("Datenum_d");
        boolean summary = head.startsWith("Cycle_Index,") && head.contains("Q_chg") && head.contains("tsecs_start");
        if ((raw || summary) && named) {
            return ProbeVerdict.signature();
        }
        String content = !head.startsWith("Cycle_Index,") ? "the header does not start with 'Cycle_Index'"
                : "no 'Time_s' and 'Datenum_d' (raw) or 'Q_chg' and 'tsecs_start' (summary) columns";
        return named ? ProbeVerdict.extension(content)
                : ProbeVerdict.no("name does not end in -raw.csv or -summary.csv"
                + (raw || summary ? "" : ", and " + content));
    }

    @Override
    public List<CellFiles> group(List<Path> files) {
        // raw first, then the summary
        return NAME.cells(files, "summary");
    }

    @Override
    public void parse(CellFiles cell, ParseContext context) {
        for (Path f : cell.files()) {
            boolean summary = NAME.isPart(f, "summary");
            try (CsvRows rows = new CsvRows(f, summary ? "cycle_stats" : "raw_data", StandardCharsets.UTF_8, ',',
                    context)) {
                Header header = rows.readHeader();
                if (summary) {
                    readSummary(f, header, rows, context);
                } else {
                    readRaw(f, header, rows, context);
                }
            }
        }
    }

    private static void readRaw(Path file, Header header, CsvRows rows, ParseContext context) {
        String table = "raw_data";
        for (String required : List.of("Cycle_Index", "Time_s", "Current_A", "Voltage_V")) {
            header.require(file, table, required);
        }
        TableMapping map = new TableMapping();
        map.rename(header, "Cycle_Index", "cycle_number", StorageType.INT64, -1);
        map.rename(header, "Step", "step_index", StorageType.INT64, -1);
        map.rename(header, "Time_s", "test_time", StorageType.FLOAT64, 0);
        map.rename(header, "Current_A", "current", StorageType.FLOAT64, 0);
        map.rename(header, "Voltage_V", "voltage", StorageType.FLOAT64, 0);
        map.rename(header, "Cell_Temperature_C", "temperature", StorageType.FLOAT64, 0);
        int datenum = header.indexOf("Datenum_d");
        ColumnSchema schema = new RawData();
        List<ColumnSpec> specs = new ArrayList<>(map.layout().columns());
        if (datenum >= 0) {
            specs.add(ColumnSpec.of("time", StorageType.FLOAT64));
        }
        List<TableMapping.Target> targets = new ArrayList<>(map.targets());
        if (context.options().flag(STORE_ALL, false)) {
            TableMapping rest = new TableMapping();
            map.targets().forEach(t -> rest.rename(header, t.inputName(), "\u0000" + t.spec().name(), t.spec().type(), 0));
            // keepTheRest skips the inputs already renamed and the Datenum_d column turned into time
            if (datenum >= 0) {
                rest.rename(header, "Datenum_d", "\u0000time", StorageType.FLOAT64, 0);
            }
            int before = rest.targets().size();
            schema = rest.keepTheRest(header, schema);
            for (TableMapping.Target t : rest.targets().subList(before, rest.targets().size())) {
                targets.add(t);
                specs.add(t.spec());
            }
        }
        TableLayout layout = TableLayout.of(specs);
        BatchBuilder out = new BatchBuilder(layout, context.table(table, layout, schema, PostProcessing.none()),
                context.options().batchRows());
        int timeColumn = layout.indexOf("time");
        int mapped = map.targets().size();
        boolean pythonDatenum = context.options().flag(PYTHON_DATENUM, false);
        WallClock clock = pythonDatenum ? new WallClock(context.options().zone()) : null;
        Eis eis = Eis.find(file, header);
        rows.readAll(header, out, new CsvRows.RecordReader() {
            @Override
            protected void read(FieldRow r, int row) {
                for (int k = 0; k < targets.size(); k++) {
                    TableMapping.Target t = targets.get(k);
                    at = t.input();
                    int outColumn = k < mapped ? k : k + (timeColumn >= 0 ? 1 : 0);
                    TableMapping.put(t, outColumn, r, out.batch(), row);
                }
                if (timeColumn >= 0) {
                    at = datenum;
                    double d = r.getDoubleOrNaN(datenum);
                    ((DoubleColumn) out.batch().column(timeColumn)).buffer()[row] = pythonDatenum
                            ? pythonTime(d, clock) : (d - UNIX_EPOCH_DATENUM) * 86400.0;
                }
                if (eis != null) {
                    at = eis.frequencyInput();
                    eis.accept(r, context);
                }
            }
        });
        if (eis != null) {
            eis.finish();
        }
    }

    /**
     * Python's {@code time}: the datenum's day offset from 0001-01-01 minus 366 days, rounded to microseconds, read
     * as a local wall time (one day later than MATLAB's mapping; see this module's README.md).
     */
    static double pythonTime(double datenum, WallClock clock) {
        if (Double.isNaN(datenum)) {
            return Double.NaN;
        }
        double micros = Math.rint((datenum - 366) * 86400e6);
        double localSinceEpoch = micros / 1e6 - 719162.0 * 86400;
        long days = (long) Math.floor(localSinceEpoch / 86400);
        double secondsOfDay = localSinceEpoch - days * 86400.0;
        java.time.LocalDate date = java.time.LocalDate.ofEpochDay(days);
        int hour = (int) (secondsOfDay / 3600);
        int minute = (int) ((secondsOfDay - hour * 3600) / 60);
        double seconds = secondsOfDay - hour * 3600 - minute * 60;
        return clock.epochSeconds(date.getYear(), date.getMonthValue(), date.getDayOfMonth(), hour, minute, seconds);
    }

    private static void readSummary(Path file, Header header, CsvRows rows, ParseContext context) {
        String table = "cycle_stats";
        header.require(file, table, "Cycle_Index");
        TableMapping map = new TableMapping();
        double cycleOffset = context.options().flag(PYTHON_SUMMARY_CYCLES, false) ? 0 : -1;
        map.rename(header, "Cycle_Index", "cycle_number", StorageType.INT64, cycleOffset);
        map.rename(header, "Q_chg", "capacity_charge", StorageType.FLOAT64, 0);
        map.rename(header, "E_chg", "energy_charge", StorageType.FLOAT64, 0);
        map.rename(header, "Q_dis", "capacity_discharge", StorageType.FLOAT64, 0);
        map.rename(header, "E_dis", "energy_discharge", StorageType.FLOAT64, 0);
        map.rename(header, "CE", "coulomb_efficiency", StorageType.FLOAT64, 0);
        map.rename(header, "EE", "energy_efficiency", StorageType.FLOAT64, 0);
        map.rename(header, "tsecs_start", "cycle_start", StorageType.FLOAT64, 0);
        map.rename(header, "tsecs_cycle", "cycle_duration", StorageType.FLOAT64, 0);
        map.rename(header, "T_min", "temperature_minimum", StorageType.FLOAT64, 0);
        map.rename(header, "T_max", "temperature_maximum", StorageType.FLOAT64, 0);
        map.rename(header, "T_avg", "temperature_average", StorageType.FLOAT64, 0);
        ColumnSchema schema = new CycleLevelData();
        if (context.options().flag(STORE_ALL, false)) {
            schema = map.keepTheRest(header, schema);
        }
        TableLayout layout = map.layout();
        BatchBuilder out = new BatchBuilder(layout, context.table(table, layout, schema, PostProcessing.none()),
                context.options().batchRows());
        rows.readAll(header, out, new CsvRows.RecordReader() {
            @Override
            protected void read(FieldRow r, int row) {
                for (int k = 0; k < map.targets().size(); k++) {
                    TableMapping.Target t = map.targets().get(k);
                    at = t.input();
                    TableMapping.put(t, k, r, out.batch(), row);
                }
            }
        });
    }

    /** The impedance rows of a raw file: {@code eis_data}, declared at the first row with a frequency. */
    private static final class Eis {
        private static final String[] INPUTS = {"Frequency_Hz", "Z_Imag_Ohm", "Z_Real_Ohm", "Z_Mag_Ohm",
                "Z_Phase_Degree"};
        private static final String[] OUTPUTS = {"frequency", "z_imag", "z_real", "z_mag", "z_phase"};
        private final int cycle;
        private final int[] inputs;
        private BatchBuilder out;
        private long[] testId;
        private final double[][] values = new double[OUTPUTS.length][];

        private Eis(int cycle, int[] inputs) {
            this.cycle = cycle;
            this.inputs = inputs;
        }

        static Eis find(Path file, Header header) {
            int[] inputs = new int[INPUTS.length];
            for (int k = 0; k < INPUTS.length; k++) {
                inputs[k] = header.indexOf(INPUTS[k]);
                if (inputs[k] < 0) {
                    return null;
                }
            }
            return new Eis(header.indexOf("Cycle_Index"), inputs);
        }

        /** The header index of the frequency, the field a bad impedance value is reported under. */
        int frequencyInput() {
            return inputs[0];
        }

        void accept(FieldRow r, ParseContext context) {
            if (r.isBlank(inputs[0]) || Double.isNaN(r.getDouble(inputs[0]))) {
                return;
            }
            double zImag = r.getDoubleOrNaN(inputs[1]);
            if (out == null) {
                if (Double.isNaN(zImag)) {
                    return; // Python makes eis_data only when Z_Imag_Ohm has a value
                }
                List<ColumnSpec> specs = new ArrayList<>();
                specs.add(ColumnSpec.of("test_id", StorageType.INT64));
                for (String o : OUTPUTS) {
                    specs.add(ColumnSpec.of(o, StorageType.FLOAT64));
                }
                TableLayout layout = TableLayout.of(specs);
                out = new BatchBuilder(layout, context.table("eis_data", layout, new EISData(), PostProcessing.none()),
                        context.options().batchRows());
                testId = ((LongColumn) out.batch().column(0)).buffer();
                for (int k = 0; k < OUTPUTS.length; k++) {
                    values[k] = ((DoubleColumn) out.batch().column(k + 1)).buffer();
                }
            }
            int row = out.row();
            testId[row] = r.getLong(cycle); // Python keeps Cycle_Index as the EIS test id
            for (int k = 0; k < OUTPUTS.length; k++) {
                values[k][row] = r.getDoubleOrNaN(inputs[k]);
            }
            out.commit();
        }

        void finish() {
            if (out != null) {
                out.finish();
            }
        }
    }

    @Override
    public int spiVersion() {
        return Spi.VERSION;
    }
}
