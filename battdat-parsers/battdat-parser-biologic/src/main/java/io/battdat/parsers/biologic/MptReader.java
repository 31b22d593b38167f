package io.battdat.parsers.biologic;

import io.battdat.api.BadFormatException;
import io.battdat.api.ErrorLocation;
import io.battdat.api.FileAccessException;
import io.battdat.api.parse.Decimals;
import io.battdat.api.parse.InputErrors;
import io.battdat.api.parse.ParseContext;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Streams an EC-Lab {@code .mpt} text export into a {@link RowSink}: Latin-1, a header whose second line says how
 * many lines it has ({@code Nb header lines : 55}; the last of them names the columns), then tab-separated rows
 * whose numbers may use decimal commas. Lines are read as bytes into one reused buffer; nothing is allocated per
 * row.
 */
final class MptReader {
    static final String FIRST_LINE = "EC-Lab ASCII FILE";
    private static final Pattern HEADER_LINES = Pattern.compile("Nb header lines\\s*:\\s*(\\d+)");
    /** A header longer than this is not an EC-Lab export (they have tens of lines, a few hundred at most). */
    private static final int MAX_HEADER_LINES = 100_000;
    private static final int MAX_LINE = 1 << 20;

    private final Path file;
    private final ParseContext context;
    /** Header facts (for metadata). */
    final Map<String, Object> facts = new LinkedHashMap<>();
    String technique;

    private InputStream in;
    private final byte[] chunk = new byte[1 << 16];
    private int chunkPos;
    private int chunkEnd;
    private byte[] line = new byte[256];
    private int lineLength;
    private long lineNumber;
    /** Whether the line just read ended at the end of the file without a line end. */
    private boolean unterminated;
    /** Length (without sign) of the last column's value in the line before, and whether it had an exponent. */
    private int previousLastLength = -1;
    private boolean previousLastExponent;
    private long bytesSinceReport;

    MptReader(Path file, ParseContext context) {
        this.file = file;
        this.context = context;
    }

    /** Reads the header only (for metadata). */
    static MptReader describe(Path file) {
        MptReader r = new MptReader(file, null);
        r.open();
        try {
            r.header();
        } finally {
            r.close();
        }
        return r;
    }

    void read() {
        open();
        try {
            List<String> names = header();
            stream(names);
        } finally {
            close();
        }
    }

    private void open() {
        try {
            in = Files.newInputStream(file);
        } catch (IOException e) {
            throw new FileAccessException(ErrorLocation.of(file, RowSink.RAW), "cannot read: " + e.getMessage(), e);
        }
    }

    private void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new FileAccessException(ErrorLocation.of(file, RowSink.RAW), "cannot close: " + e.getMessage(), e);
        }
    }

    private BadFormatException bad(String message) {
        return InputErrors.badLine(file, RowSink.RAW, lineNumber, message);
    }

    /** Reads the header lines; returns the column names. */
    private List<String> header() {
        if (!nextLine()) {
            throw new BadFormatException(ErrorLocation.of(file, RowSink.RAW), "empty file: no EC-Lab header", null);
        }
        String first = lineText().strip();
        long headerLines;
        if (first.equals(FIRST_LINE)) {
            if (!nextLine()) {
                throw bad("the file ends after its first line");
            }
            Matcher m = HEADER_LINES.matcher(lineText());
            if (!m.find()) {
                throw bad("no 'Nb header lines : N' on line 2 of an EC-Lab export");
            }
            headerLines = Long.parseLong(m.group(1));
            if (headerLines < 3 || headerLines > MAX_HEADER_LINES) {
                throw bad("'Nb header lines' is " + headerLines + ", not a header size EC-Lab writes");
            }
            while (lineNumber < headerLines - 1) {
                if (!nextLine()) {
                    throw bad("the file ends inside its header of " + headerLines + " lines");
                }
                headerFact(lineText());
            }
            if (!nextLine()) {
                throw bad("the file ends before the column names (line " + headerLines + ")");
            }
        } else if (first.contains("\t") && first.contains("time/s")) {
            headerLines = 1; // an export saved without its header: the first line names the columns
        } else {
            throw bad("not an EC-Lab text export: the first line is neither '" + FIRST_LINE + "' nor column names");
        }
        List<String> names = new ArrayList<>();
        for (String n : lineText().split("\t", -1)) {
            names.add(n.strip());
        }
        while (!names.isEmpty() && names.get(names.size() - 1).isEmpty()) {
            names.remove(names.size() - 1);
        }
        return names;
    }

    private void headerFact(String text) {
        String t = text.strip();
        if (lineNumber == 4 && !t.isEmpty() && !t.contains(":")) {
            technique = t; // the technique's long name, e.g. "Cyclic Voltammetry"
            facts.put("technique", t);
        }
        int colon = t.indexOf(" : ");
        if (colon < 0) {
            return;
        }
        String key = t.substring(0, colon).strip();
        String value = t.substring(colon + 3).strip();
        if (value.isEmpty()) {
            return;
        }
        switch (key) {
            case "Run on channel" -> facts.put("channel", value);
            case "Acquisition started on" -> facts.put("start_time", value);
            case "Device" -> facts.put("device", value);
            case "Comments" -> facts.put("comments", value);
            case "Electrode material" -> facts.put("electrode_material", value);
            case "Electrolyte" -> facts.put("electrolyte", value);
            case "File" -> facts.put("original_file", value);
            default -> {
                if (key.startsWith("EC-Lab")) {
                    facts.put("ec_lab_version", t);
                }
            }
        }
        if (t.startsWith("EC-Lab for windows")) {
            facts.put("ec_lab_version", t);
        }
    }

    private void stream(List<String> names) {
        int time = names.indexOf("time/s");
        int voltage = first(names, "Ewe/V", "<Ewe>/V");
        int current = first(names, "I/mA", "<I>/mA");
        int charge = current >= 0 ? -1 : first(names, "dq/mA.h", "dQ/mA.h");
        int cycle = first(names, "cycle number", "half cycle");
        int temperature = first(names, "Temperature/°C");
        int frequency = names.indexOf("freq/Hz");
        int real = names.indexOf("Re(Z)/Ohm");
        int minusImag = names.indexOf("-Im(Z)/Ohm");
        if (time < 0) {
            throw bad("no time/s column among " + names);
        }
        if (voltage < 0) {
            throw bad("no Ewe/V or <Ewe>/V column among " + names);
        }
        boolean impedance = frequency >= 0 && real >= 0 && minusImag >= 0;
        RowSink.CurrentSource source = current >= 0 ? RowSink.CurrentSource.MEASURED
                : charge >= 0 ? RowSink.CurrentSource.FROM_CHARGE : RowSink.CurrentSource.NONE;
        if (source == RowSink.CurrentSource.NONE) {
            context.warn(file + ": no current column (I/mA, <I>/mA or dq/mA.h): current is NaN");
        }
        RowSink sink = new RowSink(context, source, temperature >= 0, impedance);
        int needed = Math.max(Math.max(Math.max(time, voltage), Math.max(current, charge)),
                Math.max(Math.max(cycle, temperature), impedance
                        ? Math.max(frequency, Math.max(real, minusImag)) : -1));
        // room for one field more than the names: a trailing tab is fine, a further value means joined lines
        int[] starts = new int[names.size() + 2];
        int[] ends = new int[names.size() + 2];
        char[] number = new char[64];
        while (nextLine()) {
            if (blank()) {
                continue;
            }
            int fields = split(starts, ends);
            int lastLength = fields >= names.size() ? unsignedLength(starts[names.size() - 1], ends[names.size() - 1])
                    : -1;
            if (unterminated && lastLength >= 0 && lastLength < previousLastLength && previousLastExponent) {
                // EC-Lab writes its values in a fixed scientific format, and its last line need not end with a line
                // end: a last value shorter than the one above it, in the same format, lost digits to a cut
                // ("2.8863038E-0" still reads as a number)
                context.badLine(bad("the file ends inside this line's last value (shorter than the line above): "
                        + "the file is cut short"));
                continue;
            }
            if (lastLength >= 0) {
                previousLastLength = lastLength;
                previousLastExponent = hasExponent(starts[names.size() - 1], ends[names.size() - 1]);
            }
            if (fields <= needed) {
                context.badLine(bad("expected " + names.size() + " fields, found " + fields + " (a truncated line?)"));
                continue;
            }
            if (fields > names.size() && (fields > names.size() + 1 || ends[names.size()] > starts[names.size()])) {
                context.badLine(bad("more fields than the " + names.size() + " column names (two lines joined?)"));
                continue;
            }
            int at = time;
            try {
                sink.time = number(starts[at], ends[at], number);
                at = voltage;
                sink.voltage = number(starts[at], ends[at], number);
                if (current >= 0) {
                    at = current;
                    sink.currentMilliAmps = number(starts[at], ends[at], number);
                } else if (charge >= 0) {
                    at = charge;
                    sink.chargeMilliAmpHours = number(starts[at], ends[at], number);
                }
                if (cycle >= 0) {
                    at = cycle;
                    sink.cycle = (long) number(starts[at], ends[at], number);
                }
                if (temperature >= 0) {
                    at = temperature;
                    sink.temperature = number(starts[at], ends[at], number);
                }
                if (impedance) {
                    at = frequency;
                    sink.frequency = number(starts[at], ends[at], number);
                    at = real;
                    sink.zReal = number(starts[at], ends[at], number);
                    at = minusImag;
                    sink.minusZImag = number(starts[at], ends[at], number);
                }
            } catch (IllegalArgumentException e) {
                context.badLine(InputErrors.badValue(file, RowSink.RAW, lineNumber, names.get(at), e));
                continue;
            }
            sink.commit();
        }
        context.progress(bytesSinceReport);
        if (sink.finish() == 0) {
            throw new BadFormatException(ErrorLocation.of(file, RowSink.RAW), "no data rows after the header", null);
        }
        if (sink.zeroTimeSteps() > 0) {
            context.warn(file + ": " + sink.zeroTimeSteps() + " row(s) repeat the previous time; their current, "
                    + "derived from dq/mA.h over the time step, is set to 0");
        }
    }

    /** Length of a field without its sign. */
    private int unsignedLength(int start, int end) {
        while (end > start && (line[end - 1] == '\r' || line[end - 1] == ' ')) {
            end--;
        }
        return end > start && (line[start] == '-' || line[start] == '+') ? end - start - 1 : end - start;
    }

    private boolean hasExponent(int start, int end) {
        for (int k = start; k < end; k++) {
            if (line[k] == 'E' || line[k] == 'e') {
                return true;
            }
        }
        return false;
    }

    private static int first(List<String> names, String... candidates) {
        for (String c : candidates) {
            int i = names.indexOf(c);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** Field bounds of the current line, at most {@code starts.length} fields; returns the field count. */
    private int split(int[] starts, int[] ends) {
        int n = 0;
        int s = 0;
        for (int k = 0; k <= lineLength && n < starts.length; k++) {
            if (k == lineLength || line[k] == '\t') {
                starts[n] = s;
                ends[n] = k;
                n++;
                s = k + 1;
            }
        }
        return n;
    }

    /** A number in EC-Lab's notation: decimal point or comma, exponent with E. */
    private double number(int start, int end, char[] buf) {
        while (start < end && line[start] == ' ') {
            start++;
        }
        while (end > start && (line[end - 1] == ' ' || line[end - 1] == '\r')) {
            end--;
        }
        int len = end - start;
        if (len == 0) {
            throw new IllegalArgumentException("empty value");
        }
        if (len > buf.length) {
            throw new IllegalArgumentException("a value of " + len + " characters");
        }
        for (int k = 0; k < len; k++) {
            byte b = line[start + k];
            buf[k] = b == ',' ? '.' : (char) (b & 0xFF);
        }
        return Decimals.parseDouble(buf, 0, len);
    }

    private boolean blank() {
        for (int k = 0; k < lineLength; k++) {
            byte b = line[k];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private String lineText() {
        int end = lineLength;
        while (end > 0 && line[end - 1] == '\r') {
            end--;
        }
        return new String(line, 0, end, StandardCharsets.ISO_8859_1);
    }

    /** Reads the next line into {@link #line}; false at the end of the file. */
    private boolean nextLine() {
        lineLength = 0;
        boolean any = false;
        while (true) {
            if (chunkPos == chunkEnd) {
                if (!fill()) {
                    if (any) {
                        lineNumber++;
                        unterminated = true;
                    }
                    return any;
                }
            }
            any = true;
            byte b = chunk[chunkPos++];
            if (b == '\n') {
                lineNumber++;
                return true;
            }
            if (b == 0) {
                throw bad("binary content (a NUL byte): not an EC-Lab text export");
            }
            if (lineLength == line.length) {
                if (line.length >= MAX_LINE) {
                    throw bad("a line longer than " + MAX_LINE + " bytes");
                }
                line = Arrays.copyOf(line, line.length * 2);
            }
            line[lineLength++] = b;
        }
    }

    private boolean fill() {
        try {
            int n = in.read(chunk);
            if (n <= 0) {
                return false;
            }
            chunkPos = 0;
            chunkEnd = n;
            bytesSinceReport += n;
            if (context != null && bytesSinceReport >= (1 << 20)) {
                context.progress(bytesSinceReport);
                bytesSinceReport = 0;
            }
            return true;
        } catch (IOException e) {
            throw new FileAccessException(ErrorLocation.of(file, RowSink.RAW),
                    "cannot read after line " + lineNumber + ": " + e.getMessage(), e);
        }
    }
}
