package io.battdat.streaming.convert;

import io.battdat.api.BadFormatException;

import java.util.ArrayList;
import java.util.List;

/** Counts skipped bad lines and keeps the first few messages for the summary. */
final class BadLines {
    /** How many messages are kept. */
    static final int KEPT = 5;
    private final boolean skip;
    private long count;
    private final List<String> first = new ArrayList<>();

    BadLines(boolean skip) {
        this.skip = skip;
    }

    void report(BadFormatException error) {
        if (!skip) {
            throw error;
        }
        count++;
        if (first.size() < KEPT) {
            first.add(error.getMessage());
        }
    }

    long count() {
        return count;
    }

    List<String> first() {
        return List.copyOf(first);
    }
}
