package io.battdat.api.parse;

import io.battdat.api.InvalidUseException;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a parser reads. Immutable and thread-safe; made from {@link #defaults()} and changed with the {@code with*}
 * methods, which return new instances (the constructor is private so that options can be added without breaking
 * callers).
 */
public final class ParseOptions {
    /** Rows per batch unless told otherwise: large enough to amortise, small enough to stay in cache. */
    public static final int DEFAULT_BATCH_ROWS = 8192;

    /**
     * Setting shared by the binary-format parsers: a column whose id or type the parser does not know is left out
     * (with a logged warning) instead of failing the run. Parsers without such columns ignore it. A setting, so
     * that {@code --option skip-unknown-columns=true} works like the flag.
     */
    public static final String SKIP_UNKNOWN_COLUMNS = "skip-unknown-columns";

    /**
     * Setting shared by parsers whose exports hold both a wall-clock date-time and the instrument's test time (Arbin):
     * {@code test-time} takes {@code test_time} from the test-time column, at the instrument's resolution, and keeps
     * every distinct record; {@code datetime} reproduces Python's readers (the date-time column, often whole seconds,
     * then {@code drop_cycles}) for parity. Each parser documents its default; a parser-named setting
     * ({@code arbin.time-source}) wins over this one. A setting, so that {@code --option time-source=datetime} works
     * like {@code battdat convert --time-source datetime}.
     */
    public static final String TIME_SOURCE = "time-source";

    private final ZoneId zone;
    private final boolean skipBadLines;
    private final int batchRows;
    private final Map<String, String> settings;

    private ParseOptions(ZoneId zone, boolean skipBadLines, int batchRows, Map<String, String> settings) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.settings = Map.copyOf(settings);
        if (batchRows < 1) {
            throw new InvalidUseException("batchRows must be positive, got " + batchRows);
        }
        this.skipBadLines = skipBadLines;
        this.batchRows = batchRows;
    }

    /** The machine's zone, strict about bad lines, default batches, no settings. */
    public static ParseOptions defaults() {
        return new ParseOptions(ZoneId.systemDefault(), false, DEFAULT_BATCH_ROWS, Map.of());
    }

    /**
     * The time zone of wall-clock times in the input (MACCOR {@code DPt Time}, Arbin MITS {@code Date_Time},
     * BatteryArchive {@code Date_Time}); Python uses the machine's.
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Whether a malformed line is counted and skipped (see {@link ParseContext#badLine}) instead of failing the run.
     */
    public boolean skipBadLines() {
        return skipBadLines;
    }

    /** Rows per batch handed to the context. */
    public int batchRows() {
        return batchRows;
    }

    /**
     * Parser-specific switches ({@code batterydata.store-all=true}); each parser documents its own, under its format
     * name, and ignores the others.
     */
    public Map<String, String> settings() {
        return settings;
    }

    /** A copy with another zone. */
    public ParseOptions withZone(ZoneId newZone) {
        return new ParseOptions(newZone, skipBadLines, batchRows, settings);
    }

    /** A copy that skips bad lines (or not). */
    public ParseOptions withSkipBadLines(boolean skip) {
        return new ParseOptions(zone, skip, batchRows, settings);
    }

    /** A copy with another batch size. */
    public ParseOptions withBatchRows(int rows) {
        return new ParseOptions(zone, skipBadLines, rows, settings);
    }

    /** A copy with these settings. */
    public ParseOptions withSettings(Map<String, String> newSettings) {
        return new ParseOptions(zone, skipBadLines, batchRows, newSettings);
    }

    /** A copy that skips unknown columns (or not); see {@link #SKIP_UNKNOWN_COLUMNS}. */
    public ParseOptions withSkipUnknownColumns(boolean skip) {
        Map<String, String> copy = new LinkedHashMap<>(settings);
        copy.put(SKIP_UNKNOWN_COLUMNS, Boolean.toString(skip));
        return new ParseOptions(zone, skipBadLines, batchRows, copy);
    }

    /** A copy with this {@link #TIME_SOURCE} setting ({@code test-time} or {@code datetime}). */
    public ParseOptions withTimeSource(String source) {
        Map<String, String> copy = new LinkedHashMap<>(settings);
        copy.put(TIME_SOURCE, Objects.requireNonNull(source, "source"));
        return new ParseOptions(zone, skipBadLines, batchRows, copy);
    }

    /** Whether columns unknown to a binary-format parser are left out rather than refused. */
    public boolean skipUnknownColumns() {
        return flag(SKIP_UNKNOWN_COLUMNS, false);
    }

    /** A boolean setting: {@code true} (any case) is true, absent is {@code fallback}, anything else false. */
    public boolean flag(String key, boolean fallback) {
        String v = settings.get(key);
        return v == null ? fallback : v.equalsIgnoreCase("true");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParseOptions p && zone.equals(p.zone) && skipBadLines == p.skipBadLines
                && batchRows == p.batchRows && settings.equals(p.settings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(zone, skipBadLines, batchRows, settings);
    }

    @Override
    public String toString() {
        return "ParseOptions[zone=" + zone + ", skipBadLines=" + skipBadLines + ", batchRows=" + batchRows
                + ", settings=" + settings + "]";
    }
}
