package io.battdat.parsers.arbin;

import io.battdat.api.spi.Spi;
import io.battdat.api.BadFormatException;
import io.battdat.api.ErrorLocation;
import io.battdat.api.InvalidUseException;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.DoubleColumn;
import io.battdat.api.data.LongColumn;
import io.battdat.api.data.StorageType;
import io.battdat.api.data.TableLayout;
import io.battdat.api.parse.BatchBuilder;
import io.battdat.api.parse.CellFiles;
import io.battdat.api.parse.CellTimeline;
import io.battdat.api.parse.ExplainingVendorParser;
import io.battdat.api.parse.FieldRow;
import io.battdat.api.parse.Header;
import io.battdat.api.parse.InputErrors;
import io.battdat.api.parse.ParseContext;
import io.battdat.api.parse.ParseOptions;
import io.battdat.api.parse.PostProcessing;
import io.battdat.api.parse.TableOutput;
import io.battdat.api.parse.WallClock;
import io.battdat.api.schema.RawData;
import io.battdat.api.spi.FileProbe;
import io.battdat.api.spi.ProbeVerdict;
import io.battdat.parsers.common.NamedVendorParser;
import io.battdat.parsers.csv.CsvRows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Arbin CSV exports (this module's README.md): the classic export ({@code DateTime} in UNIX seconds) and the MITS Pro
 * dialects ({@code Date_Time} as local wall-clock text in the zone of {@link io.battdat.api.parse.ParseOptions#zone()},
 * unit-suffixed names such as {@code Current(A)} or {@code Current (A)}, a UTF-8 byte-order mark).
 *
 * <p>{@code raw_data}: {@code cycle_number} ({@code Cycle_Index} from 0, continued across files), {@code file_number},
 * {@code test_time}, {@code current} (Arbin's sign: positive charges), {@code temperature} and
 * {@code internal_resistance} when the export has them, {@code voltage}; then the engine derives {@code state}
 * (|I| &lt; 1e-6 A is rest, Arbin's own rule), {@code step_index}, {@code method}, {@code substep_index}.
 *
 * <p>Time and duplicates follow the setting {@value #TIME_SOURCE} (or the shared {@value #TIME_SOURCE_SHARED}):
 * <ul>
 *   <li>{@code test-time} (the default): {@code test_time} is the export's {@code Test_Time} column, at the
 *       instrument's resolution (the date-time column when there is none); only records repeating the previous
 *       record in every field are dropped, so every distinct measurement is kept;</li>
 *   <li>{@code datetime}: Python's reader, for parity: {@code test_time} from the date-time column (whole seconds in
 *       most exports), then the engine's {@code drop_cycles} (time rounded to 2 decimals, voltage, current), which
 *       drops rows of a faster sampling that share a second and repeat voltage and current.</li>
 * </ul>
 * The numbered parts of a split export ({@code name_Wb_1.csv}, {@code name_Wb_2.csv}) form one cell whose cycles and
 * times continue across the parts.
 */
public final class ArbinParser extends NamedVendorParser implements ExplainingVendorParser {
    static final String TABLE = "raw_data";
    /** The setting that chooses where {@code test_time} comes from: {@code test-time} (default) or {@code datetime}. */
    public static final String TIME_SOURCE = "arbin.time-source";
    /** The same setting shared by parsers ({@code battdat convert --time-source}); {@link #TIME_SOURCE} wins. */
    public static final String TIME_SOURCE_SHARED = ParseOptions.TIME_SOURCE;
    /** Tagging only: duplicates are dropped by the parser, as exact repeats of the previous record. */
    private static final PostProcessing DERIVE = PostProcessing.tagging().withState(1e-6, false);
    /** Python's reader: its {@code drop_cycles} on the date-time seconds. */
    private static final PostProcessing DERIVE_PYTHON = DERIVE.withDropDuplicates(2);
    /** The parts of a split export: {@code <name>_Wb_<n>.csv}. */
    private static final Pattern SPLIT_PART = Pattern.compile("(?i)(.+)_Wb_(\\d{1,9})\\.csv");

    /** Creates the parser; does no I/O. */
    public ArbinParser() {
        super("arbin", "Arbin CSV exports, classic (DateTime) and MITS Pro (Date_Time, unit-suffixed names)",
                List.of("csv"));
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

    /**
     * One cell per file, except the numbered parts of a split export ({@code name_Wb_1.csv}, {@code name_Wb_2.csv}
     * in one folder), which form one cell named {@code name}, parts in number order.
     */
    @Override
    public List<CellFiles> group(List<Path> files) {
        Map<Path, List<Path>> cells = new LinkedHashMap<>();
        for (Path f : files) {
            Matcher m = SPLIT_PART.matcher(f.getFileName().toString());
            // a split cell's key is its stem, a single file's its own path: "x.csv" and "x_Wb_1.csv" stay apart
            Path key = m.matches() ? f.resolveSibling(m.group(1) + "_Wb_*") : f;
            cells.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
        }
        List<CellFiles> out = new ArrayList<>(cells.size());
        cells.forEach((key, parts) -> {
            if (parts.size() == 1 && key.equals(parts.get(0))) {
                out.add(CellFiles.of(parts.get(0)));
                return;
            }
            parts.sort(Comparator.comparingLong(ArbinParser::partNumber));
            String name = key.getFileName().toString();
            out.add(CellFiles.of(name.substring(0, name.length() - "_Wb_*".length()), parts));
        });
        return out;
    }

    private static long partNumber(Path part) {
        Matcher m = SPLIT_PART.matcher(part.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(2)) : 0;
    }

    /** Whether {@code test_time} comes from the date-time column with Python's de-duplication (the parity mode). */
    static boolean timeFromDateTime(ParseOptions options) {
        String v = options.settings().getOrDefault(TIME_SOURCE, options.settings().get(TIME_SOURCE_SHARED));
        if (v == null || v.equalsIgnoreCase("test-time")) {
            return false;
        }
        if (v.equalsIgnoreCase("datetime")) {
            return true;
        }
        throw new InvalidUseException("arbin: time source must be test-time or datetime, got '" + v + "'");
    }

    @Override
    public void parse(CellFiles cell, ParseContext context) {
        boolean fromDateTime = timeFromDateTime(context.options());
        CellTimeline timeline = new CellTimeline();
        Columns declared = null;
        BatchBuilder out = null;
        RowState state = new RowState(!fromDateTime); // Python's drop_cycles replaces it
        boolean split = cell.files().size() > 1 && SPLIT_PART.matcher(cell.files().get(0).getFileName().toString())
                .matches();
        for (Path file : cell.files()) {
            try (CsvRows rows = new CsvRows(file, TABLE, StandardCharsets.UTF_8, ',', context)) {
                Columns columns = Columns.find(file, rows.readHeader(), fromDateTime, context);
                if (declared == null) {
                    declared = columns;
                    TableOutput output = context.table(TABLE, columns.layout(), new RawData(),
                            fromDateTime ? DERIVE_PYTHON : DERIVE);
                    out = new BatchBuilder(columns.layout(), output, context.options().batchRows());
                } else if (!columns.layout().equals(declared.layout())) {
                    throw new BadFormatException(ErrorLocation.of(file, TABLE),
                            "line 1: columns differ from the cell's first file: "
                            + columns.layout().names() + " vs " + declared.layout().names(), null);
                }
                state.startFile(split);
                readRows(file, rows, columns, timeline, state, out, context);
                state.endFile(file, columns, context);
            }
        }
        out.finish();
        if (out.rowsCommitted() == 0) {
            throw new BadFormatException(ErrorLocation.of(cell.files().get(0), TABLE), "no data rows"
                    + (context.options().skipBadLines() ? " (every line was bad)" : ""), null);
        }
    }

    /**
     * What carries from row to row and file to file: the previous record (to drop exact repeats), the last raw time
     * and cycle (to tell whether a split part continues), and the counts behind the coarse-time warning.
     */
    private static final class RowState {
        private final RepeatedRecords repeats = new RepeatedRecords();
        private final boolean dropRepeats;
        private boolean splitPart;
        private boolean fileStarted;
        private boolean anyRow;
        private int fileNumber;
        private double lastStamp = Double.NEGATIVE_INFINITY;
        private long lastCycle = Long.MIN_VALUE;
        private long repeated;
        private long rows;
        private long coarse;
        private double previousStamp = Double.NaN;
        private double previousFine = Double.NaN;

        RowState(boolean dropRepeats) {
            this.dropRepeats = dropRepeats;
        }

        void startFile(boolean split) {
            splitPart = split && anyRow;
            fileStarted = false;
            repeated = 0;
            rows = 0;
            coarse = 0;
            previousStamp = Double.NaN;
            previousFine = Double.NaN;
        }

        /** The file number of the current file, starting it in the timeline at its first good row. */
        int fileNumber(CellTimeline timeline, double stamp, long rawCycle) {
            if (!fileStarted) {
                fileStarted = true;
                // a part continues the recording when its clock and cycles do; a restarted one is stacked like Python
                boolean continues = splitPart && stamp >= lastStamp && rawCycle >= lastCycle;
                fileNumber = continues ? timeline.continueFile() : timeline.startFile();
            }
            anyRow = true;
            return fileNumber;
        }

        void endFile(Path file, Columns col, ParseContext context) {
            if (repeated > 0) {
                context.warn(file + ": " + repeated + " record(s) repeating the previous record in every field "
                        + "were dropped");
            }
            if (coarse > 0) {
                context.warn(file + ": '" + col.header.name(col.dateTime) + "' is coarser than the sampling: " + coarse
                        + " of " + rows + " rows share the previous row's date-time while '"
                        + col.header.name(col.testTime) + "' advances; with time-source=datetime (Python's reader) "
                        + "such rows are dropped when voltage and current repeat, the default test-time keeps them");
            }
        }
    }

    private static void readRows(Path file, CsvRows rows, Columns col, CellTimeline timeline, RowState state,
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
        // in datetime mode the test-time column is read too, only to notice a date-time coarser than the sampling
        boolean watchCoarse = col.timeFromDateTime && col.testTime >= 0;
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
                double stamp;
                if (col.timeFromDateTime) {
                    at = col.dateTime;
                    stamp = clock != null ? clock.parse(r.chars(), r.start(at), r.length(at)) : r.getDouble(at);
                } else {
                    at = col.testTime;
                    stamp = r.getDouble(at);
                }
                double fine = Double.NaN;
                if (watchCoarse) {
                    at = col.testTime;
                    fine = r.getDouble(at);
                }
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
                if (state.dropRepeats && state.repeats.repeatsPrevious(r)) {
                    state.repeated++;
                    continue;
                }
                at = col.cycle;
                fileNo[i] = state.fileNumber(timeline, stamp, rawCycle);
                cycle[i] = timeline.cycle(rawCycle);
                time[i] = timeline.time(stamp);
                current[i] = amps;
                voltage[i] = volts;
                state.lastStamp = stamp;
                state.lastCycle = rawCycle;
                state.rows++;
                if (watchCoarse) {
                    if (stamp == state.previousStamp && fine != state.previousFine) {
                        state.coarse++;
                    }
                    state.previousStamp = stamp;
                    state.previousFine = fine;
                }
            } catch (IllegalArgumentException e) { // NumberFormatException included
                context.badLine(InputErrors.badValue(file, TABLE, r.line(), col.header.name(at), e));
                continue;
            }
            out.commit();
        }
    }

    /** Where the used columns are in one file's header, and the output layout they give. */
    private record Columns(Header header, int cycle, int dateTime, boolean dateTimeIsText, int testTime,
                           boolean timeFromDateTime, int current, int voltage, int temperature, int resistance,
                           TableLayout layout) {
        static Columns find(Path file, Header h, boolean fromDateTime, ParseContext context) {
            int cycle = h.require(file, TABLE, "Cycle_Index");
            int epoch = h.names().indexOf("DateTime"); // exact: the loose match would take MITS' Date_Time
            int text = epoch >= 0 ? -1 : h.indexOf("Date_Time", "Date Time");
            if (epoch < 0 && text < 0) {
                h.require(file, TABLE, "DateTime", "Date_Time");
            }
            int testTime = h.indexOf("Test_Time", "Test Time"); // also Test_Time(s), Test Time (s)
            if (testTime < 0 && !fromDateTime) {
                context.warn(file + ": no Test_Time column; test_time comes from the date-time column, whose "
                        + "resolution may be coarser than the sampling");
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
            return new Columns(h, cycle, epoch >= 0 ? epoch : text, epoch < 0, testTime,
                    fromDateTime || testTime < 0, current, voltage, temperature, resistance, TableLayout.of(specs));
        }
    }

    @Override
    public int spiVersion() {
        return Spi.VERSION;
    }
}
