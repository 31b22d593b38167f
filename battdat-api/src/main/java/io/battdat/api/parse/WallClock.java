package io.battdat.api.parse;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * Turns wall-clock date-times of exports ({@code 03/31/2016 16:05:31}, {@code 2010-09-02 14:35:40.123}) into UNIX
 * seconds in a zone, parsing from a character buffer without allocating per value.
 *
 * <p>Daylight saving, for rows in time order: a wall time that does not exist (the spring-forward gap) is moved
 * forward by the gap's length, as Python's {@code datetime.timestamp()} does; a wall time that exists twice (the
 * autumn hour) takes the earlier offset, as Python does, unless that would put it before the previous value
 * converted by this clock, in which case it takes the later offset: the second pass through the repeated hour
 * then continues forward instead of jumping back an hour. Offsets are cached per hour.
 */
public final class WallClock {
    private final ZoneRules rules;
    private long cachedHour = Long.MIN_VALUE;
    private int cachedOffset;
    private boolean cachedPlain;
    private double previous = Double.NEGATIVE_INFINITY;

    /** A clock for a zone. */
    public WallClock(ZoneId zone) {
        this.rules = zone.getRules();
    }

    /**
     * UNIX seconds of a local date-time.
     *
     * @param seconds seconds within the minute, with a fraction
     */
    public double epochSeconds(int year, int month, int day, int hour, int minute, double seconds) {
        long days = epochDay(year, month, day);
        long localHour = days * 24 + hour;
        double localSeconds = localHour * 3600.0 + minute * 60 + seconds;
        if (localHour != cachedHour) {
            cachedHour = localHour;
            LocalDateTime ldt = LocalDateTime.ofEpochSecond(localHour * 3600, 0, ZoneOffset.UTC);
            List<ZoneOffset> valid = rules.getValidOffsets(ldt);
            List<ZoneOffset> validAtEnd = rules.getValidOffsets(ldt.plusHours(1));
            // no transition within the hour: one offset at both ends
            cachedPlain = valid.size() == 1 && validAtEnd.size() == 1 && valid.get(0).equals(validAtEnd.get(0));
            cachedOffset = valid.isEmpty() ? 0 : valid.get(0).getTotalSeconds();
        }
        double result;
        if (cachedPlain) {
            result = localSeconds - cachedOffset;
        } else {
            result = slow(localSeconds);
        }
        previous = result;
        return result;
    }

    private double slow(double localSeconds) {
        long whole = (long) Math.floor(localSeconds);
        double fraction = localSeconds - whole;
        LocalDateTime ldt = LocalDateTime.ofEpochSecond(whole, 0, ZoneOffset.UTC);
        List<ZoneOffset> valid = rules.getValidOffsets(ldt);
        if (valid.isEmpty()) {
            ZoneOffsetTransition gap = rules.getTransition(ldt);
            return whole - gap.getOffsetBefore().getTotalSeconds() + fraction;
        }
        double early = whole - valid.get(0).getTotalSeconds() + fraction;
        if (valid.size() > 1 && early < previous) {
            return whole - valid.get(1).getTotalSeconds() + fraction;
        }
        return early;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (the algorithm of {@code LocalDate.toEpochDay}). */
    static long epochDay(int year, int month, int day) {
        long y = year;
        long total = 365 * y;
        if (y >= 0) {
            total += (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
        } else {
            total -= y / -4 - y / -100 + y / -400;
        }
        total += (367L * month - 362) / 12;
        total += day - 1;
        if (month > 2) {
            total--;
            if (!((y & 3) == 0 && (y % 100 != 0 || y % 400 == 0))) {
                total--;
            }
        }
        return total - 719528;
    }

    /**
     * Parses {@code MM/DD/YYYY HH:MM:SS[.f]}, {@code YYYY-MM-DD HH:MM:SS[.f]} or {@code YYYY-MM-DDTHH:MM:SS[.f]}
     * (0 to 9 fractional digits; a 12-hour {@code AM}/{@code PM} suffix is honoured) and converts it.
     *
     * @throws NumberFormatException when the text is none of these
     */
    public double parse(char[] buf, int off, int len) {
        int end = off + len;
        while (end > off && buf[end - 1] == ' ') {
            end--;
        }
        while (off < end && buf[off] == ' ') {
            off++;
        }
        int year;
        int month;
        int day;
        int p;
        if (end - off >= 10 && buf[off + 4] == '-') {
            year = digits(buf, off, 4);
            month = digits(buf, off + 5, 2);
            day = digits(buf, off + 8, 2);
            p = off + 10;
        } else {
            int slash1 = indexOf(buf, off, end, '/');
            int slash2 = slash1 < 0 ? -1 : indexOf(buf, slash1 + 1, end, '/');
            if (slash2 < 0) {
                throw bad(buf, off, end);
            }
            month = digits(buf, off, slash1 - off);
            day = digits(buf, slash1 + 1, slash2 - slash1 - 1);
            p = slash2 + 1;
            int yEnd = p;
            while (yEnd < end && buf[yEnd] >= '0' && buf[yEnd] <= '9') {
                yEnd++;
            }
            year = digits(buf, p, yEnd - p);
            p = yEnd;
        }
        if (p >= end || (buf[p] != ' ' && buf[p] != 'T')) {
            throw bad(buf, off, end);
        }
        return timeOfDay(year, month, day, buf, p + 1, end - p - 1);
    }

    /**
     * Converts a time of day {@code H:MM:SS[.f]} on a given date (MACCOR's time-only {@code DPt Time}).
     *
     * @throws NumberFormatException when the text is not a time of day
     */
    public double timeOfDay(int year, int month, int day, char[] buf, int off, int len) {
        int end = off + len;
        while (off < end && buf[off] == ' ') {
            off++;
        }
        int c1 = indexOf(buf, off, end, ':');
        int c2 = c1 < 0 ? -1 : indexOf(buf, c1 + 1, end, ':');
        if (c2 < 0) {
            throw bad(buf, off, end);
        }
        int hour = digits(buf, off, c1 - off);
        int minute = digits(buf, c1 + 1, c2 - c1 - 1);
        int sEnd = c2 + 1;
        while (sEnd < end && buf[sEnd] != ' ') {
            sEnd++;
        }
        double seconds = Decimals.parseDouble(buf, c2 + 1, sEnd - c2 - 1);
        if (sEnd < end) {
            String suffix = new String(buf, sEnd, end - sEnd).trim();
            if (suffix.equalsIgnoreCase("PM") && hour < 12) {
                hour += 12;
            } else if (suffix.equalsIgnoreCase("AM") && hour == 12) {
                hour = 0;
            } else if (!suffix.equalsIgnoreCase("AM") && !suffix.equalsIgnoreCase("PM")) {
                throw bad(buf, off, end);
            }
        }
        if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || seconds >= 61
                || seconds < 0) {
            throw bad(buf, off, end);
        }
        return epochSeconds(year, month, day, hour, minute, seconds);
    }

    private static int indexOf(char[] buf, int from, int end, char c) {
        for (int i = from; i < end; i++) {
            if (buf[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static int digits(char[] buf, int off, int len) {
        if (len < 1 || len > 4) {
            throw new NumberFormatException("not a date-time: '" + new String(buf, off, Math.max(0, len)) + "'");
        }
        int v = 0;
        for (int i = off; i < off + len; i++) {
            char ch = buf[i];
            if (ch < '0' || ch > '9') {
                throw new NumberFormatException("not a date-time: '" + new String(buf, off, len) + "'");
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }

    private static NumberFormatException bad(char[] buf, int off, int end) {
        return new NumberFormatException("not a date-time: '" + new String(buf, off, Math.min(end - off, 40)) + "'");
    }
}
