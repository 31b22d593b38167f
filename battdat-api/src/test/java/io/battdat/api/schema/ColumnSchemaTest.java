package io.battdat.api.schema;

import io.battdat.api.SchemaViolationException;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.DoubleColumn;
import io.battdat.api.data.LongColumn;
import io.battdat.api.data.StorageType;
import io.battdat.api.data.StringColumn;
import io.battdat.api.data.TableLayout;
import io.battdat.api.dataset.BatteryDataset;
import io.battdat.api.metadata.BatteryMetadata;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Column schemas (spec 4.3-4.8): stored JSON, parsing, and validate's exact messages. */
class ColumnSchemaTest {

    @Test
    void rawDataJsonStartsAsBattdatStoresIt() {
        String json = new RawData().toJson();
        assertTrue(json.startsWith("{\"extra_columns\":{},\"file_number\":{\"required\":false,\"type\":\"integer\","
                + "\"description\":\"Which file a row came from, if the data was originally split into multiple files\","
                + "\"units\":null,\"monotonic\":true},\"state\":{\"required\":false,\"type\":\"state\","), json);
        // the RawData JSON stored in the Python toolkit's example files is 2821 bytes (spec 1.7)
        assertEquals(2821, json.getBytes(StandardCharsets.UTF_8).length);
        ColumnSchema parsed = ColumnSchema.fromJson(json);
        assertEquals(new RawData().columns(), parsed.columns());
        assertEquals("ParsedColumnSchema", parsed.schemaName());
        assertEquals("s", parsed.get("test_time").units());
        assertEquals("{\"extra_columns\":{}}", ColumnSchema.empty().toJson());
    }

    @Test
    void parsingRejectsWhatPythonRejects() {
        assertThrows(SchemaViolationException.class, () -> ColumnSchema.fromJson("asdf"));
        assertThrows(SchemaViolationException.class, () -> ColumnSchema.fromJson("{\"a\": 1}"));
        assertThrows(SchemaViolationException.class, () -> ColumnSchema.fromJson("[1]"));
        assertThrows(SchemaViolationException.class, () -> ColumnSchema.fromJson("{\"a\": {\"type\": \"nope\","
                + "\"description\": \"x\"}}"));
        ColumnSchema extra = ColumnSchema.fromJson("{\"extra_columns\":{\"x\":{\"description\":\"X\"}},"
                + "\"a\":{\"description\":\"A\",\"ignored\":5}}");
        assertEquals(List.of("a", "x"), extra.columnNames());
        assertEquals(ColumnType.OTHER, extra.get("x").type());
    }

    private static ColumnBatch batch(Map<String, Object> columns) {
        List<ColumnSpec> specs = new java.util.ArrayList<>();
        int rows = 0;
        for (Map.Entry<String, Object> e : columns.entrySet()) {
            Object v = e.getValue();
            if (v instanceof double[] d) {
                specs.add(ColumnSpec.of(e.getKey(), StorageType.FLOAT64));
                rows = d.length;
            } else if (v instanceof long[] l) {
                specs.add(ColumnSpec.of(e.getKey(), StorageType.INT64));
                rows = l.length;
            } else {
                specs.add(ColumnSpec.string(e.getKey(), 16));
                rows = ((String[]) v).length;
            }
        }
        ColumnBatch b = ColumnBatch.allocate(TableLayout.of(specs), rows);
        int c = 0;
        for (Object v : columns.values()) {
            if (v instanceof double[] d) {
                System.arraycopy(d, 0, ((DoubleColumn) b.column(c)).values(), 0, d.length);
            } else if (v instanceof long[] l) {
                System.arraycopy(l, 0, ((LongColumn) b.column(c)).values(), 0, l.length);
            } else {
                String[] s = (String[]) v;
                for (int r = 0; r < s.length; r++) {
                    byte[] bytes = s[r].getBytes(StandardCharsets.US_ASCII);
                    System.arraycopy(bytes, 0, ((StringColumn) b.column(c)).bytes(), r * 16, bytes.length);
                }
            }
            c++;
        }
        b.setRowCount(rows);
        return b;
    }

    private static String message(ColumnSchema schema, ColumnBatch b, boolean allowExtra) {
        return assertThrows(SchemaViolationException.class, () -> schema.validate(b, allowExtra)).getRawMessage();
    }

    @Test
    void validateMessagesArePythons() {
        RawData raw = new RawData();
        Map<String, Object> good = new java.util.LinkedHashMap<>();
        good.put("test_time", new double[]{0, 1, 1});
        good.put("voltage", new double[]{3, 3.1, 3.2});
        good.put("current", new double[]{1, 1, -1});
        raw.validate(batch(good), true);

        assertEquals("Dataset is missing a required column: test_time",
                message(raw, batch(Map.of("voltage", new double[]{1})), true));
        Map<String, Object> ints = new java.util.LinkedHashMap<>(good);
        ints.put("temperature", new long[]{1, 2, 3});
        assertEquals("Column temperature is a int64 and not a floating point number", message(raw, batch(ints), true));
        Map<String, Object> floats = new java.util.LinkedHashMap<>(good);
        floats.put("file_number", new double[]{0.1, 0.2, 0.3});
        assertEquals("Column file_number is a float64 and not an integer", message(raw, batch(floats), true));
        Map<String, Object> states = new java.util.LinkedHashMap<>(good);
        states.put("state", new String[]{"charging", "flying", "hold"});
        assertEquals("Column state contains values not in ChargingState: {'flying'}", message(raw, batch(states), true));
        Map<String, Object> back = new java.util.LinkedHashMap<>(good);
        back.put("test_time", new double[]{2, 1, 3});
        assertEquals("Column test_time is not monotonically increasing", message(raw, batch(back), true));
        Map<String, Object> extra = new java.util.LinkedHashMap<>(good);
        extra.put("extra", new double[]{1, 2, 3});
        raw.validate(batch(extra), true);
        assertEquals("Dataset contains extra columns: extra", message(raw, batch(extra), false));
        raw.withExtraColumn("extra", ColumnInfo.of("an extra column")).validate(batch(extra), false);
    }

    @Test
    void monotonicChecksSpanBatches() {
        SchemaValidator v = new SchemaValidator(new CycleLevelData(), true, "cycle_stats");
        v.accept(batch(Map.of("cycle_number", new long[]{0, 1, 2})));
        v.accept(batch(Map.of("cycle_number", new long[]{2, 3})));
        SchemaViolationException e = assertThrows(SchemaViolationException.class,
                () -> v.accept(batch(Map.of("cycle_number", new long[]{1}))));
        assertEquals(5, e.row());
        assertTrue(e.getMessage().startsWith("cycle_stats: row 5: Column cycle_number"), e.getMessage());
    }

    @Test
    void eisPolarAndCartesianMustAgree() {
        Map<String, Object> eis = new java.util.LinkedHashMap<>();
        eis.put("test_id", new long[]{0, 0});
        eis.put("frequency", new double[]{1, 10});
        eis.put("z_real", new double[]{1, 0.5});
        eis.put("z_imag", new double[]{1, 0.5});
        eis.put("z_mag", new double[]{Math.sqrt(2), Math.sqrt(0.5)});
        eis.put("z_phase", new double[]{45, 45});
        new EISData().validate(batch(eis), true);
        eis.put("z_imag", new double[]{2, 1});
        assertTrue(message(new EISData(), batch(eis), true).contains("imag component"));
    }

    @Test
    void datasetsNeedASchemaPerTableAndWarnOfUndefinedColumns() {
        Map<String, Object> cols = new java.util.LinkedHashMap<>();
        cols.put("test_time", new double[]{0});
        cols.put("voltage", new double[]{3});
        cols.put("current", new double[]{0});
        cols.put("other", new double[]{1});
        ColumnBatch raw = batch(cols);
        SchemaViolationException e = assertThrows(SchemaViolationException.class,
                () -> new BatteryDataset(BatteryMetadata.defaults(), Map.of(), Map.of("raw_data", raw)));
        assertEquals("Missing schema for some datasets: [raw_data]", e.getRawMessage());
        BatteryDataset ds = BatteryDataset.ofCell(BatteryMetadata.defaults(), Map.of("raw_data", raw), Map.of());
        assertEquals(List.of("Undefined column, other, in raw_data. Add a description into "
                + "schemas.raw_data.extra_columns"), ds.validate());
        assertTrue(assertThrows(io.battdat.api.KeyNotFoundException.class, () -> ds.table("cycle_stats"))
                .getMessage().contains("No such table or attribute: cycle_stats"));
    }
}
