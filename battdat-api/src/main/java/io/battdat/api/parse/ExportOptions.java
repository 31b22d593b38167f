package io.battdat.api.parse;

import java.time.ZoneId;
import java.util.Objects;

/**
 * How an exporter writes.
 *
 * @param prefix    the cell to export (a prefix group), or null for root-level tables
 * @param zone      the zone of written wall-clock times (Python uses the machine's)
 * @param chunkRows the most rows per output file, for formats that split (BatteryArchive: 100,000)
 */
public record ExportOptions(String prefix, ZoneId zone, int chunkRows) {
    public ExportOptions {
        Objects.requireNonNull(zone, "zone");
        if (chunkRows < 1) {
            throw new IllegalArgumentException("chunkRows must be positive");
        }
    }

    /** Root-level tables, the machine's zone, 100,000-row files. */
    public static ExportOptions defaults() {
        return new ExportOptions(null, ZoneId.systemDefault(), 100_000);
    }
}
