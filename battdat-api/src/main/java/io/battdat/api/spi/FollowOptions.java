package io.battdat.api.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * How a follower waits for rows that a writer commits to a table after the follower started
 * ({@link StoredDataset#followTable}). Immutable; {@code with*} return new instances.
 *
 * @param pollInterval how often the file is checked for a new commit
 * @param idleTimeout  the follower ends after this long without a new row; {@code null} waits until the writer
 *                     closes the file (or the cursor is closed)
 * @param firstRow     the first row to yield: 0 for every row of the table, {@link TableInfo#rows()} for new rows only
 * @param acrossSessions keep following after the writer closes the file, until the idle timeout: for programs that
 *                     reopen the file for each append (PyTables scripts often do); needs an idle timeout
 */
public record FollowOptions(Duration pollInterval, Duration idleTimeout, long firstRow, boolean acrossSessions) {
    /** Polls every 200 ms, waits until the writer closes the file, yields every row. */
    public static final FollowOptions DEFAULT = new FollowOptions(Duration.ofMillis(200), null, 0, false);

    public FollowOptions {
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("poll interval must be positive, got " + pollInterval);
        }
        if (idleTimeout != null && idleTimeout.isNegative()) {
            throw new IllegalArgumentException("idle timeout must not be negative, got " + idleTimeout);
        }
        if (firstRow < 0) {
            throw new IllegalArgumentException("first row must be >= 0, got " + firstRow);
        }
        if (acrossSessions && idleTimeout == null) {
            throw new IllegalArgumentException("following across writer sessions needs an idle timeout to end");
        }
    }

    /** A copy with another poll interval. */
    public FollowOptions withPollInterval(Duration interval) {
        return new FollowOptions(interval, idleTimeout, firstRow, acrossSessions);
    }

    /** A copy that ends after {@code timeout} without a new row ({@code null}: wait for the writer to close). */
    public FollowOptions withIdleTimeout(Duration timeout) {
        return new FollowOptions(pollInterval, timeout, firstRow, acrossSessions);
    }

    /** A copy that starts at another row. */
    public FollowOptions withFirstRow(long row) {
        return new FollowOptions(pollInterval, idleTimeout, row, acrossSessions);
    }

    /** A copy that keeps following after the writer closes the file (until the idle timeout), or not. */
    public FollowOptions withAcrossSessions(boolean across) {
        return new FollowOptions(pollInterval, idleTimeout, firstRow, across);
    }
}
