package io.battdat.api.parse;

import io.battdat.api.BadFormatException;
import io.battdat.api.ErrorLocation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The column names of an input's header line, looked up the way exports vary: exactly first, then ignoring case,
 * spaces, underscores and a trailing unit in parentheses, so {@code Current(A)}, {@code Current (A)} and
 * {@code Current} are one column. A UTF-8 byte-order mark before the first name is ignored.
 */
public final class Header {
    private final List<String> names;
    private final List<String> keys;

    /** The header of these names, in input order. */
    public Header(List<String> names) {
        this.names = new ArrayList<>(names.size());
        this.keys = new ArrayList<>(names.size());
        for (String n : names) {
            String clean = n.startsWith("\uFEFF") ? n.substring(1) : n;
            this.names.add(clean);
            keys.add(key(clean));
        }
    }

    /** The header in a record. */
    public static Header of(FieldRow row) {
        List<String> names = new ArrayList<>(row.size());
        for (int i = 0; i < row.size(); i++) {
            names.add(row.getString(i).trim());
        }
        return new Header(names);
    }

    /** Lower case, without spaces, underscores and a trailing {@code (unit)}. */
    static String key(String name) {
        String s = name.trim();
        if (s.endsWith(")")) {
            int open = s.lastIndexOf('(');
            if (open > 0) {
                s = s.substring(0, open);
            }
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != '_') {
                sb.append(c);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /** The names, in input order. */
    public List<String> names() {
        return List.copyOf(names);
    }

    /** Number of columns. */
    public int size() {
        return names.size();
    }

    /** Name of column {@code i}. */
    public String name(int i) {
        return names.get(i);
    }

    /** Index of the first of the candidate names present (exact match first, then loose), or -1. */
    public int indexOf(String... candidates) {
        for (String c : candidates) {
            int i = names.indexOf(c);
            if (i >= 0) {
                return i;
            }
        }
        for (String c : candidates) {
            int i = keys.indexOf(key(c));
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Index of a required column.
     *
     * @throws BadFormatException naming the file, the table, the column and the header found
     */
    public int require(Path file, String table, String... candidates) {
        int i = indexOf(candidates);
        if (i < 0) {
            throw new BadFormatException(ErrorLocation.of(file, table),
                    "line 1: missing required column '" + candidates[0] + "'"
                    + (candidates.length > 1 ? " (or " + String.join(", ", List.of(candidates).subList(1,
                    candidates.length)) + ")" : "") + "; the header has " + names, null);
        }
        return i;
    }
}
