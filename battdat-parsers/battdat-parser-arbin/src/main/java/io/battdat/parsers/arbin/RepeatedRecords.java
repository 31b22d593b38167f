package io.battdat.parsers.arbin;

import io.battdat.api.parse.FieldRow;

import java.util.Arrays;

/**
 * Recognises a record that repeats the previous one in every field, character for character (a record written
 * twice by the export). Two records with any differing field, even only {@code Data_Point}, are distinct
 * measurements and both are kept. Holds one record's characters, reused, so nothing is allocated per row.
 */
final class RepeatedRecords {
    private char[] chars = new char[256];
    private int[] ends = new int[32];
    private int fields = -1;

    /** Whether {@code row} equals the previous record given; remembers {@code row} when it does not. */
    boolean repeatsPrevious(FieldRow row) {
        if (equalsPrevious(row)) {
            return true;
        }
        remember(row);
        return false;
    }

    private boolean equalsPrevious(FieldRow row) {
        if (row.size() != fields) {
            return false;
        }
        char[] text = row.chars();
        int from = 0;
        for (int f = 0; f < fields; f++) {
            int length = row.length(f);
            if (ends[f] - from != length) {
                return false;
            }
            int start = row.start(f);
            for (int k = 0; k < length; k++) {
                if (chars[from + k] != text[start + k]) {
                    return false;
                }
            }
            from = ends[f];
        }
        return true;
    }

    private void remember(FieldRow row) {
        int n = row.size();
        if (n > ends.length) {
            ends = Arrays.copyOf(ends, Math.max(n, ends.length * 2));
        }
        int used = 0;
        for (int f = 0; f < n; f++) {
            int length = row.length(f);
            if (used + length > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(used + length, chars.length * 2));
            }
            System.arraycopy(row.chars(), row.start(f), chars, used, length);
            used += length;
            ends[f] = used;
        }
        fields = n;
    }
}
