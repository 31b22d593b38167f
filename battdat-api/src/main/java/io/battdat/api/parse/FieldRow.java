package io.battdat.api.parse;

import java.util.Arrays;

/**
 * One input record as text fields, reused from record to record: a parser's CSV callback copies each field's
 * characters in ({@link #add}), then the parser's row mapping reads them as numbers without making strings.
 * Numeric getters throw {@link NumberFormatException} (with the bad text); callers locate it with the line and the
 * column name.
 */
public final class FieldRow {
    private char[] chars = new char[1024];
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private int size;
    private int used;
    private long line;

    /** Starts a new record that begins on input line {@code line} (1-based). */
    public void begin(long lineNumber) {
        this.line = lineNumber;
        size = 0;
        used = 0;
    }

    /** Appends a field. */
    public void add(char[] buf, int off, int len) {
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
        }
        if (used + len > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + len));
        }
        System.arraycopy(buf, off, chars, used, len);
        starts[size] = used;
        used += len;
        ends[size] = used;
        size++;
    }

    /** The input line the record starts on (1-based). */
    public long line() {
        return line;
    }

    /** Number of fields. */
    public int size() {
        return size;
    }

    /** Whether field {@code i} is absent or empty (after trimming spaces). */
    public boolean isBlank(int i) {
        if (i >= size) {
            return true;
        }
        for (int k = starts[i]; k < ends[i]; k++) {
            if (chars[k] != ' ') {
                return false;
            }
        }
        return true;
    }

    /** Whether the record is one empty field (a blank line). */
    public boolean isBlankLine() {
        return size == 0 || (size == 1 && isBlank(0));
    }

    /** Field {@code i} as a number; NaN for {@code NaN} text. */
    public double getDouble(int i) {
        check(i);
        return Decimals.parseDouble(chars, starts[i], ends[i] - starts[i]);
    }

    /** Field {@code i} as a number, or NaN when the field is blank (pandas reads an empty cell as NaN). */
    public double getDoubleOrNaN(int i) {
        return isBlank(i) ? Double.NaN : getDouble(i);
    }

    /** Field {@code i} as a whole number ({@code 3} or {@code 3.0}). */
    public long getLong(int i) {
        check(i);
        return Decimals.parseLong(chars, starts[i], ends[i] - starts[i]);
    }

    /** Field {@code i} as a string (allocates: for headers and rare fields). */
    public String getString(int i) {
        check(i);
        return new String(chars, starts[i], ends[i] - starts[i]);
    }

    /** Length of field {@code i}. */
    public int length(int i) {
        check(i);
        return ends[i] - starts[i];
    }

    /** Character {@code k} of field {@code i}. */
    public char charAt(int i, int k) {
        check(i);
        return chars[starts[i] + k];
    }

    /** The shared character buffer; field {@code i} is {@code [start(i), start(i) + length(i))}. */
    public char[] chars() {
        return chars;
    }

    /** Offset of field {@code i} in {@link #chars()}. */
    public int start(int i) {
        check(i);
        return starts[i];
    }

    /** Whether field {@code i} equals the text, without allocating. */
    public boolean fieldEquals(int i, String text) {
        if (i >= size || ends[i] - starts[i] != text.length()) {
            return false;
        }
        for (int k = 0; k < text.length(); k++) {
            if (chars[starts[i] + k] != text.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private void check(int i) {
        if (i < 0 || i >= size) {
            throw new NumberFormatException("missing field " + (i + 1) + " (the line has " + size + " fields)");
        }
    }
}
