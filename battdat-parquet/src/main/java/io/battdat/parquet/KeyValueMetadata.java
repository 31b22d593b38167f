package io.battdat.parquet;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The file-level key-value metadata of battdat's Parquet layout (docs/format.md section 3), keys and values as the
 * Python toolkit writes them: {@code battery_metadata} (BatteryMetadata JSON, nulls omitted), {@code write_date} (local
 * time, ISO-8601 without zone, microseconds), {@code table_metadata} (the column schema JSON, nulls included).
 */
final class KeyValueMetadata {
    static final String BATTERY_METADATA = "battery_metadata";
    static final String WRITE_DATE = "write_date";
    static final String TABLE_METADATA = "table_metadata";
    /**
     * Our addition: the fixed widths of string columns as JSON ({@code {"state": 16}}), so that a table keeps its
     * {@code S<n>} layout through Parquet (which stores no width) even when no value fills the width, or no row
     * exists. Other readers ignore the key.
     */
    static final String STRING_WIDTHS = "battdat_string_widths";
    /** Python's {@code datetime.now().isoformat()}: microseconds, omitted when zero. */
    private static final DateTimeFormatter ISO_MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private KeyValueMetadata() {
    }

    /** The keys of one table file, in the order Python writes them. */
    static Map<String, String> forTable(String batteryMetadataJson, String tableSchemaJson, LocalDateTime now) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(BATTERY_METADATA, batteryMetadataJson);
        out.put(WRITE_DATE, isoformat(now));
        out.put(TABLE_METADATA, tableSchemaJson);
        return out;
    }

    /** {@code datetime.isoformat()} of a local time. */
    /** The {@link #STRING_WIDTHS} value of a layout, or null when it has no string column. */
    static String stringWidths(io.battdat.api.data.TableLayout layout) {
        Map<String, Object> widths = new LinkedHashMap<>();
        for (io.battdat.api.data.ColumnSpec c : layout.columns()) {
            if (c.type() == io.battdat.api.data.StorageType.STRING) {
                widths.put(c.name(), (long) c.itemSize());
            }
        }
        return widths.isEmpty() ? null : io.battdat.api.json.Json.write(widths);
    }

    /** Declared widths by column name from a {@link #STRING_WIDTHS} value; empty when absent or unreadable. */
    static Map<String, Integer> stringWidths(String json) {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (json == null) {
            return out;
        }
        try {
            if (io.battdat.api.json.Json.parse(json) instanceof Map<?, ?> m) {
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (e.getValue() instanceof Number n && n.longValue() > 0 && n.longValue() < (1 << 20)) {
                        out.put(String.valueOf(e.getKey()), n.intValue());
                    }
                }
            }
        } catch (java.io.IOException e) {
            // not ours, or damaged: the measured widths stand
        }
        return out;
    }

    static String isoformat(LocalDateTime t) {
        return (t.getNano() / 1000 == 0 ? ISO_SECONDS : ISO_MICROS).format(t);
    }
}
