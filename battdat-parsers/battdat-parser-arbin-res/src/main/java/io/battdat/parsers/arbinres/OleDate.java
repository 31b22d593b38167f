package io.battdat.parsers.arbinres;

import java.time.LocalDateTime;

/**
 * OLE Automation dates, Arbin's {@code DateTime}: days since 1899-12-30 00:00 as a double, in the instrument's
 * local time (no zone is stored).
 */
final class OleDate {
    /** 1970-01-01 as an OLE date. */
    static final double UNIX_EPOCH_DAYS = 25569.0;
    private static final double SECONDS_PER_DAY = 86400.0;

    private OleDate() {
    }

    /** Seconds since 1970-01-01 00:00 of the same wall clock (not yet placed in a zone). */
    static double toLocalEpochSeconds(double oleDays) {
        return (oleDays - UNIX_EPOCH_DAYS) * SECONDS_PER_DAY;
    }

    /** The wall-clock date-time, to the millisecond; null when the value is not a plausible date (years 1900-9999). */
    static LocalDateTime toLocal(double oleDays) {
        if (!(oleDays >= 1 && oleDays < 2_958_466)) {
            return null;
        }
        long millis = Math.round(toLocalEpochSeconds(oleDays) * 1000);
        return LocalDateTime.of(1970, 1, 1, 0, 0).plusNanos(0).plusSeconds(Math.floorDiv(millis, 1000))
                .plusNanos(Math.floorMod(millis, 1000) * 1_000_000L);
    }
}
