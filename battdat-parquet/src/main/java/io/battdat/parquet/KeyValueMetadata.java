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
    /**
     * Our addition: the numpy dtype and HDF5 shape of array members and complex columns, stored as Parquet lists
     * ({@code {"vec": {"dtype": "<f8", "shape": [3]}, "z": {"dtype": "<c16", "shape": []}}}), so that a copy back
     * to HDF5 gives the same compound member. Other readers see plain lists.
     */
    static final String ARRAY_MEMBERS = "battdat_array_members";
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

    /** The {@link #ARRAY_MEMBERS} value of a layout, or null when it has no array member or complex column. */
    static String arrayMembers(io.battdat.api.data.TableLayout layout) {
        Map<String, Object> members = new LinkedHashMap<>();
        for (io.battdat.api.data.ColumnSpec c : layout.columns()) {
            ParquetTypes.ArrayMember m = ParquetTypes.ArrayMember.of(c);
            if (m != null) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("dtype", m.dtype());
                java.util.List<Object> shape = new java.util.ArrayList<>();
                for (int d : m.shape()) {
                    shape.add((long) d);
                }
                entry.put("shape", shape);
                members.put(c.name(), entry);
            }
        }
        return members.isEmpty() ? null : io.battdat.api.json.Json.write(members);
    }

    /**
     * Array members by column name from an {@link #ARRAY_MEMBERS} value; empty when absent or unreadable, and
     * without entries whose dtype or shape is malformed (their list columns then make the table ignored).
     */
    static Map<String, ParquetTypes.ArrayMember> arrayMembers(String json) {
        Map<String, ParquetTypes.ArrayMember> out = new LinkedHashMap<>();
        if (json == null) {
            return out;
        }
        try {
            if (io.battdat.api.json.Json.parse(json) instanceof Map<?, ?> m) {
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (e.getValue() instanceof Map<?, ?> entry && entry.get("dtype") instanceof String dtype
                            && entry.get("shape") instanceof java.util.List<?> dims) {
                        int[] shape = new int[dims.size()];
                        long elements = 1;
                        boolean valid = dims.size() <= 32;
                        for (int i = 0; i < shape.length && valid; i++) {
                            valid = dims.get(i) instanceof Number n && n.longValue() > 0
                                    && n.longValue() < ParquetTypes.MAX_LIST_VALUES;
                            shape[i] = valid ? ((Number) dims.get(i)).intValue() : 0;
                            elements *= Math.max(1, shape[i]);
                            valid &= elements < ParquetTypes.MAX_LIST_VALUES;
                        }
                        if (valid) {
                            out.put(String.valueOf(e.getKey()), new ParquetTypes.ArrayMember(dtype, shape));
                        }
                    }
                }
            }
        } catch (java.io.IOException e) {
            // not ours, or damaged: list columns without an entry make the table ignored
        }
        return out;
    }

    static String isoformat(LocalDateTime t) {
        return (t.getNano() / 1000 == 0 ? ISO_SECONDS : ISO_MICROS).format(t);
    }
}
