package io.battdat.parsers.arbin;

import io.battdat.api.spi.Spi;
import io.battdat.api.BadFormatException;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.DoubleColumn;
import io.battdat.api.data.LongColumn;
import io.battdat.api.data.StorageType;
import io.battdat.api.data.TableLayout;
import io.battdat.api.parse.BatchBuilder;
import io.battdat.api.parse.CellFiles;
import io.battdat.api.parse.CellTimeline;
import io.battdat.api.parse.FieldRow;
import io.battdat.api.parse.Header;
import io.battdat.api.parse.InputErrors;
import io.battdat.api.parse.ParseContext;
import io.battdat.api.parse.PostProcessing;
import io.battdat.api.parse.TableOutput;
import io.battdat.api.parse.VendorParser;
import io.battdat.api.parse.WallClock;
import io.battdat.api.schema.RawData;
import io.battdat.api.spi.FileProbe;
import io.battdat.api.spi.ProbeResult;
import io.battdat.api.spi.ProbeVerdict;
import io.battdat.parsers.csv.CsvRows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Arbin CSV exports (this module's README.md): the classic export ({@code DateTime} in UNIX seconds) and the MITS Pro
 * dialects ({@code Date_Time} as local wall-clock text in the zone of {@link io.battdat.api.parse.ParseOptions#zone()},
 * unit-suffixed names such as {@code Current(A)} or {@code Current (A)}, a UTF-8 byte-order mark).
 *
 * <p>{@code raw_data}: {@code cycle_number} ({@code Cycle_Index} from 0, continued across files), {@code file_number},
 * {@code test_time} (seconds since the first row's date-time, as Python: {@code Test_Time} is not used),
 * {@code current} (Arbin's sign: positive charges), {@code temperature} and {@code internal_resistance} when the
 * export has them, {@code voltage}; then the engine drops duplicates ({@code drop_cycles}, 2 decimals) and derives
 * {@code state} (|I| &lt; 1e-6 A is rest, Arbin's own rule), {@code step_index}, {@code method}, {@code substep_index}.
 */
public final class ArbinParser implements VendorParser {
    static final String TABLE = "raw_data";
    private static final PostProcessing DERIVE = PostProcessing.tagging().withState(1e-6, false).withDropDuplicates(2);

    @Override
    public String formatName() {
        return "arbin";
    }

    @Override
    public String description() {
        return "Arbin CSV exports, classic (DateTime) and MITS Pro (Date_Time, unit-suffixed names)";
    }

    @Override
    public List<String> extensions() {
        return List.of("csv");
    }

    @Override
    public ProbeResult probe(FileProbe probe) {
        return explainProbe(probe).result();
    }

    @Override
    public ProbeVerdict explainProbe(FileProbe probe) {
        if (!probe.extension().equals("csv")) {
            return ProbeVerdict.no("not a .csv file");
        }
        Header header = firstLine(probe.head());
        if (header == null) {
            // only a head too short to tell is a maybe
            return ProbeVerdict.extension("no complete header line in the first " + FileProbe.HEAD_BYTES + " bytes");
        }
        // a complete header line without Arbin's columns is another CSV
        List<String> missing = new ArrayList<>();
        for (String[] column : new String[][]{{"Cycle_Index"}, {"Current"}, {"Voltage"}, {"Step_Index", "Data_Point"},
                {"DateTime", "Date_Time"}}) {
            if (header.indexOf(column) < 0) {
                missing.add("'" + String.join("' or '", column) + "'");
            }
        }
        return missing.isEmpty() ? ProbeVerdict.signature()
                : ProbeVerdict.no("missing column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing));
    }

    /** The header line in the first bytes, or null when there is no complete line. */
    static Header firstLine(byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        if (end < 0) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (String n : text.substring(0, end).split(",", -1)) {
            names.add(n.trim().replace("\"", ""));
        }
        return new Header(names);
    }

    @Override
    public boolean isCompanionFile(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith("_metadata.csv");
    }

    @Override
    public void parse(CellFiles cell, ParseContext context) {
        CellTimeline timeline = new CellTimeline();
        Columns declared = null;
        BatchBuilder out = null;
        for (Path file : cell.files()) {
            int fileNumber = timeline.startFile();
            try (CsvRows rows = new CsvRows(file, TABLE, StandardCharsets.UTF_8, ',', context)) {
                FieldRow first = rows.next();
                if (first == null) {
                    throw new BadFormatException(file, TABLE, "empty file: no header line");
                }
                Columns columns = Columns.find(file, Header.of(first), context);
                if (declared == null) {
                    declared = columns;
                    TableOutput output = context.table(TABLE, columns.layout(), new RawData(), DERIVE);
                    out = new BatchBuilder(columns.layout(), output, context.options().batchRows());
                } else if (!columns.layout().equals(declared.layout())) {
                    throw new BadFormatException(file, TABLE, "line 1: columns differ from the cell's first file: "
                            + columns.layout().names() + " vs " + declared.layout().names());
                }
                readRows(file, rows, columns, timeline, fileNumber, out, context);
            }
        }
        out.finish();
        if (out.rowsCommitted() == 0) {
            throw new BadFormatException(cell.files().get(0), TABLE, "no data rows"
                    + (context.options().skipBadLines() ? " (every line was bad)" : ""));
        }
    }

    private static void readRows(Path file, CsvRows rows, Columns col, CellTimeline timeline, int fileNumber,
                                 BatchBuilder out, ParseContext context) {
        WallClock clock = col.dateTimeIsText ? new WallClock(context.options().zone()) : null;
        long[] cycle = ((LongColumn) out.batch().column("cycle_number")).buffer();
        long[] fileNo = ((LongColumn) out.batch().column("file_number")).buffer();
        double[] time = ((DoubleColumn) out.batch().column("test_time")).buffer();
        double[] current = ((DoubleColumn) out.batch().column("current")).buffer();
        double[] voltage = ((DoubleColumn) out.batch().column("voltage")).buffer();
        double[] temperature = col.temperature >= 0 ? ((DoubleColumn) out.batch().column("temperature")).buffer() : null;
        double[] resistance = col.resistance >= 0
                ? ((DoubleColumn) out.batch().column("internal_resistance")).buffer() : null;
        int expected = col.header.size();
        FieldRow r;
        while ((r = rows.next()) != null) {
            if (r.size() != expected) {
                if (r.isBlankLine()) {
                    continue;
                }
                context.badLine(InputErrors.badLine(file, TABLE, r.line(), "expected " + expected + " fields, found "
                        + r.size() + (r.size() < expected ? " (a truncated line?)" : "")));
                continue;
            }
            int i = out.row();
            int at = col.cycle;
            try {
                long rawCycle = r.getLong(at);
                at = col.dateTime;
                double stamp = clock != null ? clock.parse(r.chars(), r.start(at), r.length(at)) : r.getDouble(at);
                at = col.current;
                double amps = r.getDouble(at);
                at = col.voltage;
                double volts = r.getDouble(at);
                if (temperature != null) {
                    at = col.temperature;
                    temperature[i] = r.getDoubleOrNaN(at);
                }
                if (resistance != null) {
                    at = col.resistance;
                    resistance[i] = r.getDoubleOrNaN(at);
                }
                at = col.cycle;
                cycle[i] = timeline.cycle(rawCycle);
                time[i] = timeline.time(stamp);
                fileNo[i] = fileNumber;
                current[i] = amps;
                voltage[i] = volts;
            } catch (IllegalArgumentException e) { // NumberFormatException included
                context.badLine(InputErrors.badValue(file, TABLE, r.line(), col.header.name(at), e));
                continue;
            }
            out.commit();
        }
    }

    /** Where the used columns are in one file's header, and the output layout they give. */
    private record Columns(Header header, int cycle, int dateTime, boolean dateTimeIsText, int current, int voltage,
                           int temperature, int resistance, TableLayout layout) {
        static Columns find(Path file, Header h, ParseContext context) {
            int cycle = h.require(file, TABLE, "Cycle_Index");
            int epoch = h.names().indexOf("DateTime"); // exact: the loose match would take MITS' Date_Time
            int text = epoch >= 0 ? -1 : h.indexOf("Date_Time", "Date Time");
            if (epoch < 0 && text < 0) {
                h.require(file, TABLE, "DateTime", "Date_Time");
            }
            int current = h.require(file, TABLE, "Current");
            int voltage = h.require(file, TABLE, "Voltage");
            int temperature = h.indexOf("Temperature", "Aux_Temperature_1", "Temperature_1");
            int resistance = h.indexOf("Internal_Resistance", "Internal Resistance");
            List<ColumnSpec> specs = new ArrayList<>();
            specs.add(ColumnSpec.of("cycle_number", StorageType.INT64));
            specs.add(ColumnSpec.of("file_number", StorageType.INT64));
            specs.add(ColumnSpec.of("test_time", StorageType.FLOAT64));
            specs.add(ColumnSpec.of("current", StorageType.FLOAT64));
            if (temperature >= 0) {
                specs.add(ColumnSpec.of("temperature", StorageType.FLOAT64));
            } else {
                context.warn(file + ": no Temperature column; raw_data has no temperature");
            }
            if (resistance >= 0) {
                specs.add(ColumnSpec.of("internal_resistance", StorageType.FLOAT64));
            }
            specs.add(ColumnSpec.of("voltage", StorageType.FLOAT64));
            return new Columns(h, cycle, epoch >= 0 ? epoch : text, epoch < 0, current, voltage, temperature,
                    resistance, TableLayout.of(specs));
        }
    }

    @Override
    public int spiVersion() {
        return Spi.VERSION;
    }
}
