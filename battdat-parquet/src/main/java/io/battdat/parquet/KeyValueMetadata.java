package io.battdat.parquet;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The file-level key-value metadata of battdat's Parquet layout (spec 1.12), keys and values as the Python toolkit
 * writes them: {@code battery_metadata} (BatteryMetadata JSON, nulls omitted), {@code write_date} (local time,
 * ISO-8601 without zone, microseconds), {@code table_metadata} (the column schema JSON, nulls included).
 */
final class KeyValueMetadata {
    static final String BATTERY_METADATA = "battery_metadata";
    static final String WRITE_DATE = "write_date";
    static final String TABLE_METADATA = "table_metadata";
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
    static String isoformat(LocalDateTime t) {
        return (t.getNano() / 1000 == 0 ? ISO_SECONDS : ISO_MICROS).format(t);
    }
}
