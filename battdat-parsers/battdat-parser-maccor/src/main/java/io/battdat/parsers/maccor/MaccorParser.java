package io.battdat.parsers.maccor;

import io.battdat.api.spi.Spi;
import io.battdat.api.BadFormatException;
import io.battdat.api.ErrorLocation;
import io.battdat.api.FileAccessException;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.DoubleColumn;
import io.battdat.api.data.LongColumn;
import io.battdat.api.data.StorageType;
import io.battdat.api.data.StringColumn;
import io.battdat.api.data.TableLayout;
import io.battdat.api.parse.BatchBuilder;
import io.battdat.api.parse.CellFiles;
import io.battdat.api.parse.CellTimeline;
import io.battdat.api.parse.ExplainingVendorParser;
import io.battdat.api.parse.FieldRow;
import io.battdat.api.parse.Header;
import io.battdat.api.parse.InputErrors;
import io.battdat.api.parse.ParseContext;
import io.battdat.api.parse.PostProcessing;
import io.battdat.api.parse.WallClock;
import io.battdat.api.schema.RawData;
import io.battdat.api.spi.FileProbe;
import io.battdat.api.spi.ProbeVerdict;
import io.battdat.parsers.common.FileNaming;
import io.battdat.parsers.common.NamedVendorParser;
import io.battdat.parsers.csv.CsvRows;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MACCOR text exports (this module's README.md): Latin-1, tab-separated, LF or CRLF; line 1 a free-text header holding
 * {@code Date of Test:}, line 2 the column names, then data. Files {@code name.001}, {@code name.002} ... are one
 * cell, read in extension order, whose test dates must not decrease.
 *
 * <p>{@code raw_data}: {@code cycle_number} ({@code Cyc#}, continued across files), {@code file_number},
 * {@code test_time} ({@code Test (Min)} x 60 or {@code Test (Sec)}), {@code state} ({@code R} resting, {@code C}
 * charging, {@code D} discharging, other letters unknown: the mapping Python intends, not its all-unknown
 * regression), {@code current} ({@code Amps}, negated on {@code D} rows unless the export is already signed),
 * {@code time} ({@code DPt Time} in the zone of the options; unless {@code maccor.ignore-time=true}),
 * {@code voltage}; then the engine drops duplicates and derives {@code step_index}, {@code method},
 * {@code substep_index}. See the module README for the rules on signs, midnight and daylight saving.
 */
public final class MaccorParser extends NamedVendorParser implements ExplainingVendorParser {
    static final String TABLE = "raw_data";
    /** Setting: leave out the {@code time} column (Python's {@code ignore_time=True}). */
    public static final String IGNORE_TIME = "maccor.ignore-time";
    private static final PostProcessing DERIVE = PostProcessing.tagging().withState(-1, true).withDropDuplicates(2);
    private static final FileNaming NAME = new FileNaming(Pattern.compile("(.*)\\.(\\d{3})"),
            "not a MACCOR file name: MACCOR exports end in three digits (test.001)");
    private static final Pattern DATE = Pattern.compile("Date of Test:\\s*(\\d{1,2})/(\\d{1,2})/(\\d{4})");

    /** Creates the parser; does no I/O. */
    public MaccorParser() {
        super("maccor", "MACCOR tab-separated text exports (name.001, name.002, ...; Test (Min) or Test (Sec))",
                List.of("001", "002", "nnn"));
    }

    @Override
    public ProbeVerdict explainProbe(FileProbe probe) {
        boolean named = NAME.fits(probe.path());
        String head = new String(probe.head(), StandardCharsets.ISO_8859_1);
        if (head.contains("Date of Test:") && head.contains("Cyc#") && head.contains("\t")) {
            return ProbeVerdict.signature();
        }
        String content = !head.contains("Date of Test:") ? "no 'Date of Test:' line"
                : !head.contains("Cyc#") ? "no 'Cyc#' column" : "no tab-separated columns";
        return named ? ProbeVerdict.extension(content)
                : ProbeVerdict.no(content + ", and the name does not end in a 3-digit extension (.001)");
    }

    @Override
    public List<CellFiles> group(List<Path> files) {
        List<CellFiles> cells = new ArrayList<>(CellFiles.byStem(files, NAME::stem,
                Comparator.comparing(p -> p.getFileName().toString())));
        cells.sort(Comparator.comparing(c -> c.files().get(0).resolveSibling(c.name()).toString()));
        return cells;
    }

    @Override
    public void parse(CellFiles cell, ParseContext context) {
        List<int[]> dates = new ArrayList<>();
        for (Path f : cell.files()) {
            dates.add(testDate(f));
        }
        checkOrder(cell.files(), dates);
        boolean withTime = !context.options().flag(IGNORE_TIME, false);
        TableLayout layout = layout(withTime);
        BatchBuilder out = new BatchBuilder(layout, context.table(TABLE, layout, new RawData(), DERIVE),
                context.options().batchRows());
        CellTimeline timeline = new CellTimeline();
        for (int k = 0; k < cell.files().size(); k++) {
            Path file = cell.files().get(k);
            int fileNumber = timeline.startFile();
            try (CsvRows rows = new CsvRows(file, TABLE, StandardCharsets.ISO_8859_1, '\t', context)) {
                FieldRow first = rows.next(); // the free-text line, read by testDate()
                FieldRow names = first == null ? null : rows.next();
                if (names == null) {
                    throw new BadFormatException(ErrorLocation.of(file, TABLE), "no column header line (line 2)", null);
                }
                new FileReader(file, Header.of(names), dates.get(k), fileNumber, withTime, context)
                        .read(rows, timeline, out);
            }
        }
        out.finish();
        if (out.rowsCommitted() == 0) {
            throw new BadFormatException(ErrorLocation.of(cell.files().get(0), TABLE), "no data rows", null);
        }
    }

    static TableLayout layout(boolean withTime) {
        List<ColumnSpec> specs = new ArrayList<>();
        specs.add(ColumnSpec.of("cycle_number", StorageType.INT64));
        specs.add(ColumnSpec.of("file_number", StorageType.INT64));
        specs.add(ColumnSpec.of("test_time", StorageType.FLOAT64));
        specs.add(ColumnSpec.string("state", 11));
        specs.add(ColumnSpec.of("current", StorageType.FLOAT64));
        if (withTime) {
            specs.add(ColumnSpec.of("time", StorageType.FLOAT64));
        }
        specs.add(ColumnSpec.of("voltage", StorageType.FLOAT64));
        return TableLayout.of(specs);
    }

    /** Month, day, year from the {@code Date of Test:} of the first line. */
    static int[] testDate(Path file) {
        String line;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            line = r.readLine();
        } catch (IOException e) {
            throw new FileAccessException(ErrorLocation.of(file), "cannot read: " + e.getMessage(), e);
        }
        if (line == null || line.isBlank()) {
            throw new BadFormatException(ErrorLocation.of(file, TABLE), "empty file: no MACCOR header line", null);
        }
        if (line.indexOf('\0') >= 0) {
            throw new BadFormatException(ErrorLocation.of(file, TABLE),
                    "binary content, not a MACCOR text export", null);
        }
        Matcher m = DATE.matcher(line);
        if (!m.find()) {
            throw new BadFormatException(ErrorLocation.of(file, TABLE),
                    "line 1: no 'Date of Test: MM/DD/YYYY' in the header line; "
                    + "this MACCOR layout (a multi-line preamble?) is not supported", null);
        }
        return new int[]{Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
    }

    private static void checkOrder(List<Path> files, List<int[]> dates) {
        for (int k = 1; k < files.size(); k++) {
            if (key(dates.get(k)) < key(dates.get(k - 1))) {
                StringBuilder sb = new StringBuilder("Files are not in the correct order by test date:");
                for (int j = 0; j < files.size(); j++) {
                    int[] d = dates.get(j);
                    sb.append("\n  - ").append(files.get(j)).append(' ')
                            .append(String.format("%02d/%02d/%04d", d[0], d[1], d[2]));
                }
                throw new BadFormatException(ErrorLocation.of(files.get(k), TABLE), sb.toString(), null);
            }
        }
    }

    private static int key(int[] mdy) {
        return mdy[2] * 10000 + mdy[0] * 100 + mdy[1];
    }

    /** Reads the data lines of one file. */
    private static final class FileReader {
        private final Path file;
        private final Header header;
        private final int fileNumber;
        private final ParseContext context;
        private final int cycleCol;
        private final int timeCol;
        private final double timeScale;
        private final int stateCol;
        private final int ampsCol;
        private final int voltsCol;
        private final int clockCol;
        private final WallClock clock;
        /** Whether Amps is already signed: unknown (0) until a D row with non-zero current or a negative value. */
        private int signed;
        /** The day of time-only DPt Time values. */
        private int year;
        private int month;
        private int day;
        private double previousStamp = Double.NEGATIVE_INFINITY;

        /** @param date the test's date from the file's first line: month, day, year */
        FileReader(Path file, Header header, int[] date, int fileNumber, boolean withTime, ParseContext context) {
            this.file = file;
            this.header = header;
            this.fileNumber = fileNumber;
            this.context = context;
            this.cycleCol = header.require(file, TABLE, "Cyc#");
            // exact names: the loose match of Header would take one unit for the other
            int minutes = header.names().indexOf("Test (Min)");
            int secs = minutes >= 0 ? -1 : header.names().indexOf("Test (Sec)");
            if (minutes < 0 && secs < 0) {
                header.require(file, TABLE, "Test (Min)", "Test (Sec)");
            }
            this.timeCol = minutes >= 0 ? minutes : secs;
            this.timeScale = minutes >= 0 ? 60.0 : 1.0;
            this.stateCol = header.require(file, TABLE, "State");
            this.ampsCol = header.require(file, TABLE, "Amps");
            this.voltsCol = header.require(file, TABLE, "Volts");
            this.clockCol = withTime ? header.require(file, TABLE, "DPt Time") : -1;
            this.clock = withTime ? new WallClock(context.options().zone()) : null;
            this.month = date[0];
            this.day = date[1];
            this.year = date[2];
        }

        /** Reads the file's rows into the cell's table, its cycles and times continuing the cell's timeline. */
        void read(CsvRows rows, CellTimeline timeline, BatchBuilder out) {
            long[] cycle = ((LongColumn) out.batch().column("cycle_number")).buffer();
            long[] fileNo = ((LongColumn) out.batch().column("file_number")).buffer();
            double[] time = ((DoubleColumn) out.batch().column("test_time")).buffer();
            StringColumn state = (StringColumn) out.batch().column("state");
            double[] current = ((DoubleColumn) out.batch().column("current")).buffer();
            double[] wall = clock != null ? ((DoubleColumn) out.batch().column("time")).buffer() : null;
            double[] voltage = ((DoubleColumn) out.batch().column("voltage")).buffer();
            int expected = header.size();
            FieldRow r;
            while ((r = rows.next()) != null) {
                if (allBlank(r)) {
                    continue; // blank trailing lines, lines of tabs
                }
                if (r.size() < expected) {
                    context.badLine(InputErrors.badLine(file, TABLE, r.line(), "expected " + expected
                            + " fields, found " + r.size() + " (a truncated line?)"));
                    continue;
                }
                int i = out.row();
                int at = cycleCol;
                try {
                    long rawCycle = r.getLong(at);
                    at = timeCol;
                    double t = r.getDouble(at) * timeScale;
                    at = stateCol;
                    char letter = r.length(at) > 0 ? r.charAt(at, 0) : ' ';
                    at = ampsCol;
                    double amps = r.getDouble(at);
                    at = voltsCol;
                    double volts = r.getDouble(at);
                    double stamp = Double.NaN;
                    if (clock != null) {
                        at = clockCol;
                        stamp = wallClock(r);
                    }
                    at = ampsCol;
                    current[i] = signedCurrent(letter, amps);
                    at = cycleCol;
                    cycle[i] = timeline.cycle(rawCycle);
                    time[i] = timeline.time(t);
                    fileNo[i] = fileNumber;
                    putState(state, i, letter);
                    if (wall != null) {
                        wall[i] = stamp;
                    }
                    voltage[i] = volts;
                } catch (IllegalArgumentException e) {
                    context.badLine(InputErrors.badValue(file, TABLE, r.line(), header.name(at), decimalHint(r, at, e)));
                    continue;
                }
                out.commit();
            }
        }

        private static RuntimeException decimalHint(FieldRow r, int at, IllegalArgumentException e) {
            if (at < r.size() && r.getString(at).contains(",")) {
                return new IllegalArgumentException(e.getMessage() + " (decimal commas are not supported; export "
                        + "with decimal points)", e);
            }
            return e;
        }

        private static boolean allBlank(FieldRow r) {
            for (int k = 0; k < r.size(); k++) {
                if (!r.isBlank(k)) {
                    return false;
                }
            }
            return true;
        }

        private double signedCurrent(char letter, double amps) {
            if (signed == 0) {
                if (amps < 0) {
                    signed = 1;
                } else if (letter == 'D' && amps > 0) {
                    signed = -1;
                }
            } else if (signed < 0 && amps < 0) {
                throw new IllegalArgumentException("negative Amps in an export whose discharge rows had positive "
                        + "Amps; the sign convention is inconsistent");
            }
            return signed < 0 && letter == 'D' ? -amps : amps;
        }

        /**
         * Full date-time, or a time of day on the current day, which starts as the test date and moves to the next
         * day when the time of day goes back by more than 12 hours (midnight; Python has no rollover).
         */
        private double wallClock(FieldRow r) {
            int at = clockCol;
            char[] chars = r.chars();
            int start = r.start(at);
            int len = r.length(at);
            for (int k = 0; k < len; k++) {
                if (chars[start + k] == '/') {
                    return clock.parse(chars, start, len);
                }
            }
            double stamp = clock.timeOfDay(year, month, day, chars, start, len);
            if (stamp < previousStamp - 12 * 3600) {
                java.time.LocalDate next = java.time.LocalDate.of(year, month, day).plusDays(1);
                year = next.getYear();
                month = next.getMonthValue();
                day = next.getDayOfMonth();
                stamp = clock.timeOfDay(year, month, day, chars, start, len);
            }
            previousStamp = stamp;
            return stamp;
        }

        private static void putState(StringColumn column, int row, char letter) {
            String value = switch (letter) {
                case 'R' -> "resting";
                case 'C' -> "charging";
                case 'D' -> "discharging";
                default -> "unknown";
            };
            byte[] bytes = column.buffer();
            int base = row * 11;
            for (int k = 0; k < 11; k++) {
                bytes[base + k] = k < value.length() ? (byte) value.charAt(k) : 0;
            }
        }
    }

    @Override
    public int spiVersion() {
        return Spi.VERSION;
    }
}
