package io.battdat.api.parse;

import io.battdat.api.InvalidUseException;

import java.time.ZoneId;
import java.util.Objects;

/**
 * How an exporter writes. Immutable and thread-safe; made from {@link #defaults()} and changed with the
 * {@code with*} methods, which return new instances.
 */
public final class ExportOptions {
    private final String prefix;
    private final ZoneId zone;
    private final int chunkRows;

    private ExportOptions(String prefix, ZoneId zone, int chunkRows) {
        this.zone = Objects.requireNonNull(zone, "zone");
        if (chunkRows < 1) {
            throw new InvalidUseException("chunkRows must be positive, got " + chunkRows);
        }
        this.prefix = prefix;
        this.chunkRows = chunkRows;
    }

    /** Root-level tables, the machine's zone, 100,000-row files. */
    public static ExportOptions defaults() {
        return new ExportOptions(null, ZoneId.systemDefault(), 100_000);
    }

    /** The cell to export (a prefix group), or null for root-level tables. */
    public String prefix() {
        return prefix;
    }

    /** The zone of written wall-clock times (Python uses the machine's). */
    public ZoneId zone() {
        return zone;
    }

    /** The most rows per output file, for formats that split (BatteryArchive: 100,000). */
    public int chunkRows() {
        return chunkRows;
    }

    /** A copy exporting another cell ({@code null}: root-level tables). */
    public ExportOptions withPrefix(String cell) {
        return new ExportOptions(cell, zone, chunkRows);
    }

    /** A copy with another zone. */
    public ExportOptions withZone(ZoneId newZone) {
        return new ExportOptions(prefix, newZone, chunkRows);
    }

    /** A copy with another file size. */
    public ExportOptions withChunkRows(int rows) {
        return new ExportOptions(prefix, zone, rows);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExportOptions e && Objects.equals(prefix, e.prefix) && zone.equals(e.zone)
                && chunkRows == e.chunkRows;
    }

    @Override
    public int hashCode() {
        return Objects.hash(prefix, zone, chunkRows);
    }

    @Override
    public String toString() {
        return "ExportOptions[prefix=" + prefix + ", zone=" + zone + ", chunkRows=" + chunkRows + "]";
    }
}
