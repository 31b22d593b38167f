package io.battdat.api.spi;

import io.battdat.api.InvalidUseException;

import java.time.Duration;
import java.util.Objects;

/**
 * How a follower waits for rows that a writer commits to a table after the follower started
 * ({@link StoredDataset#followTable}). Immutable and thread-safe; made from {@link #DEFAULT} or
 * {@link #builder()}, changed with the {@code with*} methods, which return new instances.
 */
public final class FollowOptions {
    /** Polls every 200 ms, waits until the writer closes the file, yields every row. */
    public static final FollowOptions DEFAULT = builder().build();

    private final Duration pollInterval;
    private final Duration idleTimeout;
    private final long firstRow;
    private final boolean acrossSessions;

    private FollowOptions(Builder b) {
        Objects.requireNonNull(b.pollInterval, "pollInterval");
        if (b.pollInterval.isNegative() || b.pollInterval.isZero()) {
            throw new InvalidUseException("poll interval must be positive, got " + b.pollInterval);
        }
        if (b.idleTimeout != null && b.idleTimeout.isNegative()) {
            throw new InvalidUseException("idle timeout must not be negative, got " + b.idleTimeout);
        }
        if (b.firstRow < 0) {
            throw new InvalidUseException("first row must be >= 0, got " + b.firstRow);
        }
        if (b.acrossSessions && b.idleTimeout == null) {
            throw new InvalidUseException("following across writer sessions needs an idle timeout to end");
        }
        this.pollInterval = b.pollInterval;
        this.idleTimeout = b.idleTimeout;
        this.firstRow = b.firstRow;
        this.acrossSessions = b.acrossSessions;
    }

    /** A builder holding the defaults of {@link #DEFAULT}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this instance's values. */
    public Builder toBuilder() {
        return new Builder().pollInterval(pollInterval).idleTimeout(idleTimeout).firstRow(firstRow)
                .acrossSessions(acrossSessions);
    }

    /** How often the file is checked for a new commit. */
    public Duration pollInterval() {
        return pollInterval;
    }

    /**
     * The follower ends after this long without a new row; {@code null} waits until the writer closes the file
     * (or the cursor is closed).
     */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** The first row to yield: 0 for every row of the table, {@link TableInfo#rows()} for new rows only. */
    public long firstRow() {
        return firstRow;
    }

    /**
     * Whether following goes on after the writer closes the file, until the idle timeout: for programs that reopen
     * the file for each append (PyTables scripts often do).
     */
    public boolean acrossSessions() {
        return acrossSessions;
    }

    /** A copy with another poll interval. */
    public FollowOptions withPollInterval(Duration interval) {
        return toBuilder().pollInterval(interval).build();
    }

    /** A copy that ends after {@code timeout} without a new row ({@code null}: wait for the writer to close). */
    public FollowOptions withIdleTimeout(Duration timeout) {
        return toBuilder().idleTimeout(timeout).build();
    }

    /** A copy that starts at another row. */
    public FollowOptions withFirstRow(long row) {
        return toBuilder().firstRow(row).build();
    }

    /** A copy that keeps following after the writer closes the file (until the idle timeout), or not. */
    public FollowOptions withAcrossSessions(boolean across) {
        return toBuilder().acrossSessions(across).build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FollowOptions f && pollInterval.equals(f.pollInterval)
                && Objects.equals(idleTimeout, f.idleTimeout) && firstRow == f.firstRow
                && acrossSessions == f.acrossSessions;
    }

    @Override
    public int hashCode() {
        return Objects.hash(pollInterval, idleTimeout, firstRow, acrossSessions);
    }

    @Override
    public String toString() {
        return "FollowOptions[poll=" + pollInterval + ", idleTimeout=" + idleTimeout + ", firstRow=" + firstRow
                + (acrossSessions ? ", across sessions" : "") + "]";
    }

    /** Builds {@link FollowOptions}; values are checked by {@link #build()}. Not thread-safe. */
    public static final class Builder {
        private Duration pollInterval = Duration.ofMillis(200);
        private Duration idleTimeout;
        private long firstRow;
        private boolean acrossSessions;

        private Builder() {
        }

        /** How often the file is checked for a new commit (default 200 ms); positive. */
        public Builder pollInterval(Duration interval) {
            this.pollInterval = interval;
            return this;
        }

        /** End after this long without a new row ({@code null}, the default: when the writer closes). */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = timeout;
            return this;
        }

        /** The first row to yield (default 0). */
        public Builder firstRow(long row) {
            this.firstRow = row;
            return this;
        }

        /** Keep following over the writer's closes until the idle timeout (default false). */
        public Builder acrossSessions(boolean across) {
            this.acrossSessions = across;
            return this;
        }

        /**
         * The options.
         *
         * @throws InvalidUseException when a value is out of range or following across sessions has no
         *                                idle timeout
         */
        public FollowOptions build() {
            return new FollowOptions(this);
        }
    }
}
