package io.battdat.api.data;

import java.nio.charset.StandardCharsets;

/**
 * Fixed-length byte strings (numpy {@code S<n>}): {@code itemSize} bytes per element, NUL-padded, possibly
 * without a terminator when a value fills the width (docs/format.md section 2.7). Reading strips trailing NULs and
 * decodes UTF-8, which is ASCII for battdat-written files.
 */
public final class StringColumn extends ArrayBackedColumn implements Column {
    private final int itemSize;

    StringColumn(ColumnSpec spec, int capacity) {
        super(spec, Math.multiplyExact(spec.itemSize(), spec.elementsPerRow()), byte.class, capacity);
        this.itemSize = spec.itemSize();
    }

    /**
     * The backing bytes, which the stream reuses and which are usually longer than the batch: row r's bytes are at
     * {@code [r * width(), (r + 1) * width())}, and only the first {@link #rowCount()} rows belong to this batch.
     */
    public byte[] buffer() {
        return (byte[]) array;
    }

    /** Exactly this batch's (first) values, decoded as by {@link #get(int)}. */
    public String[] values() {
        String[] out = new String[rows];
        for (int r = 0; r < rows; r++) {
            out[r] = get(r);
        }
        return out;
    }

    /** Length of the row's (first) value without its trailing NUL padding. */
    public int length(int row) {
        byte[] bytes = buffer();
        int start = row * width;
        int end = start + itemSize;
        while (end > start && bytes[end - 1] == 0) {
            end--;
        }
        return end - start;
    }

    /** The row's (first) value, trailing NULs stripped, decoded as UTF-8. */
    public String get(int row) {
        return element(row, 0);
    }

    /** Element {@code e} of the row (for string array members). */
    public String element(int row, int e) {
        byte[] bytes = buffer();
        int start = row * width + e * itemSize;
        int end = start + itemSize;
        while (end > start && bytes[end - 1] == 0) {
            end--;
        }
        return new String(bytes, start, end - start, StandardCharsets.UTF_8);
    }

    /** Whether the row's (first) value equals {@code ascii}, compared byte by byte without allocating. */
    public boolean contentEquals(int row, String ascii) {
        int len = length(row);
        if (len != ascii.length()) {
            return false;
        }
        byte[] bytes = buffer();
        int start = row * width;
        for (int i = 0; i < len; i++) {
            if ((bytes[start + i] & 0xff) != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Parses the value as a number; NaN when it is not one. */
    @Override
    public double getDouble(int row) {
        try {
            return Double.parseDouble(get(row).trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Parses the value as an integer; 0 when it is not one. */
    @Override
    public long getLong(int row) {
        try {
            return Long.parseLong(get(row).trim());
        } catch (NumberFormatException e) {
            return 0L;
        }
    }

    @Override
    public Object getObject(int row) {
        int elements = spec().elementsPerRow();
        if (elements == 1) {
            return get(row);
        }
        String[] out = new String[elements];
        for (int e = 0; e < elements; e++) {
            out[e] = element(row, e);
        }
        return out;
    }
}
