package io.battdat.api.schema;

import io.battdat.api.SchemaViolationException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Column schemas (spec 4.1-4.6, Appendix A): the predefined columns, the stored JSON, parsing. */
class ColumnSchemaTest {
    /** The {@code metadata} attribute of {@code /raw_data} in the Python toolkit's example files (2821 bytes). */
    static final String STORED_RAW_DATA_JSON = ""
            + "{\"extra_columns\":{},"
            + "\"file_number\":{\"required\":false,\"type\":\"integer\",\"description\":\"Which file a row came from, if"
            + " the data was originally split into multiple files\",\"units\":null,\"monotonic\":true},"
            + "\"state\":{\"required\":false,\"type\":\"state\",\"description\":\"Whether the battery is being charged,"
            + " discharged or otherwise.\",\"units\":null,\"monotonic\":false},"
            + "\"method\":{\"required\":false,\"type\":\"control\",\"description\":\"Method to control the charge or"
            + " discharge\",\"units\":null,\"monotonic\":false},"
            + "\"cycle_number\":{\"required\":false,\"type\":\"integer\",\"description\":\"Index of the testing cycle,"
            + " starting at 0.\",\"units\":null,\"monotonic\":true},"
            + "\"step_index\":{\"required\":false,\"type\":\"integer\",\"description\":\"Index of the step number within"
            + " a testing cycle. A step change is defined by a change states between charging, discharging,"
            + " or resting.\",\"units\":null,\"monotonic\":false},"
            + "\"substep_index\":{\"required\":false,\"type\":\"integer\",\"description\":\"Change of the control method"
            + " within a cycle.\",\"units\":null,\"monotonic\":false},"
            + "\"test_time\":{\"required\":true,\"type\":\"float\",\"description\":\"Time from the beginning of"
            + " measurements\",\"units\":\"s\",\"monotonic\":true},"
            + "\"voltage\":{\"required\":true,\"type\":\"float\",\"description\":\"Measured voltage of the"
            + " system\",\"units\":\"V\",\"monotonic\":false},"
            + "\"current\":{\"required\":true,\"type\":\"float\",\"description\":\"Measured current of the system."
            + " Positive current represents the battery charging.\",\"units\":\"A\",\"monotonic\":false},"
            + "\"internal_resistance\":{\"required\":false,\"type\":\"float\",\"description\":\"Internal resistance of"
            + " the battery.\",\"units\":\"ohm\",\"monotonic\":false},"
            + "\"time\":{\"required\":false,\"type\":\"float\",\"description\":\"Time as a UNIX"
            + " timestamp.\",\"units\":\"s\",\"monotonic\":true},"
            + "\"temperature\":{\"required\":false,\"type\":\"float\",\"description\":\"Temperature of the"
            + " battery\",\"units\":\"C\",\"monotonic\":false},"
            + "\"cycle_time\":{\"required\":false,\"type\":\"float\",\"description\":\"Time from the beginning of a"
            + " cycle\",\"units\":\"s\",\"monotonic\":true},"
            + "\"cycle_capacity\":{\"required\":false,\"type\":\"float\",\"description\":\"Cumulative change in amount"
            + " of charge transferred from a battery since the start of a cycle. Positive values indicate the"
            + " battery has discharged since the start of the cycle.\",\"units\":\"A-hr\",\"monotonic\":false},"
            + "\"cycle_energy\":{\"required\":false,\"type\":\"float\",\"description\":\"Cumulative change in amount of"
            + " energy transferred from a battery since the start of a cycle. Positive values indicate the"
            + " battery has discharged since the start of the cycle.\",\"units\":\"J\",\"monotonic\":false},"
            + "\"cycle_capacity_charge\":{\"required\":false,\"type\":\"float\",\"description\":\"Cycle capacity"
            + " computed only during the 'charging' phase of a cycle\",\"units\":\"A-hr\",\"monotonic\":false},"
            + "\"cycle_capacity_discharge\":{\"required\":false,\"type\":\"float\",\"description\":\"Cycle capacity"
            + " computed only during the 'discharging' phase of a cycle\",\"units\":\"A-hr\",\"monotonic\":false}}";

    @Test
    void rawDataJsonIsWhatBattdatStores() {
        String json = new RawData().toJson();
        assertTrue(json.startsWith("{\"extra_columns\":{},\"file_number\":{\"required\":false,\"type\":\"integer\","
                + "\"description\":\"Which file a row came from, if the data was originally split into multiple files\","
                + "\"units\":null,\"monotonic\":true},\"state\":{\"required\":false,\"type\":\"state\","), json);
        assertEquals(STORED_RAW_DATA_JSON, json);
        assertEquals(2821, json.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void parsedSchemasWriteTheSameBytes() {
        ColumnSchema parsed = ColumnSchema.fromJson(STORED_RAW_DATA_JSON);
        assertEquals("ParsedColumnSchema", parsed.schemaName());
        assertEquals(new RawData().columns(), parsed.columns());
        assertEquals(new RawData().columnNames(), parsed.columnNames());
        assertEquals(STORED_RAW_DATA_JSON, parsed.toJson());
        assertEquals(new CycleLevelData().toJson(), ColumnSchema.fromJson(new CycleLevelData().toJson()).toJson());
        assertEquals(new EISData().toJson(), ColumnSchema.fromJson(new EISData().toJson()).toJson());
        assertEquals("{\"extra_columns\":{}}", ColumnSchema.empty().toJson());
    }

    @Test
    void rawDataColumnsFollowTheSpec() {
        RawData raw = new RawData();
        assertEquals(List.of("file_number", "state", "method", "cycle_number", "step_index", "substep_index",
                "test_time", "voltage", "current", "internal_resistance", "time", "temperature", "cycle_time",
                "cycle_capacity", "cycle_energy", "cycle_capacity_charge", "cycle_capacity_discharge"),
                raw.columnNames());
        assertEquals(ColumnInfo.builder("Time from the beginning of measurements").required(true)
                .type(ColumnType.FLOAT).units("s").monotonic(true).build(),
                raw.get("test_time"));
        assertEquals(ColumnType.STATE, raw.get("state").type());
        assertEquals(ColumnType.CONTROL, raw.get("method").type());
        assertEquals("J", raw.get("cycle_energy").units());
        assertEquals(List.of("test_time", "voltage", "current"), raw.columns().entrySet().stream()
                .filter(e -> e.getValue().required()).map(Map.Entry::getKey).toList());
        assertEquals(List.of("file_number", "cycle_number", "test_time", "time", "cycle_time"), raw.columns()
                .entrySet().stream().filter(e -> e.getValue().monotonic()).map(Map.Entry::getKey).toList());
    }

    @Test
    void cycleLevelDataColumnsFollowTheSpec() {
        CycleLevelData cycles = new CycleLevelData();
        assertEquals(List.of("cycle_number", "cycle_start", "cycle_duration", "capacity_discharge", "energy_discharge",
                "capacity_charge", "energy_charge", "coulomb_efficiency", "energy_efficiency", "max_cycled_capacity",
                "discharge_V_average", "charge_V_average", "V_maximum", "V_minimum", "discharge_I_average",
                "charge_I_average", "temperature_minimum", "temperature_maximum", "temperature_average"),
                cycles.columnNames());
        assertTrue(cycles.toJson().startsWith("{\"extra_columns\":{},\"cycle_number\":{\"required\":true,"
                + "\"type\":\"integer\",\"description\":\"Index of the cycle\",\"units\":null,\"monotonic\":true},"
                + "\"cycle_start\":{\"required\":false,\"type\":\"float\",\"description\":\"Time since the first data "
                + "point recorded for this battery for the start of this cycle\",\"units\":\"s\",\"monotonic\":true}"));
        assertNull(cycles.get("energy_efficiency").units());
        assertEquals("%", cycles.get("coulomb_efficiency").units());
        assertEquals("Fraction of electric charge that is lost during charge and recharge",
                cycles.get("coulomb_efficiency").description());
        assertEquals("Average observed battery temperature during cycle", cycles.get("temperature_average").description());
    }

    @Test
    void eisDataColumnsFollowTheSpec() {
        EISData eis = new EISData();
        assertEquals(List.of("test_id", "test_time", "time", "frequency", "z_real", "z_imag", "z_mag", "z_phase"),
                eis.columnNames());
        assertEquals(List.of("test_id", "frequency", "z_real", "z_imag", "z_mag", "z_phase"), eis.columns().entrySet()
                .stream().filter(e -> e.getValue().required()).map(Map.Entry::getKey).toList());
        assertEquals(ColumnInfo.builder("Time as a UNIX timestamp. Assumed to be in UTC").type(ColumnType.FLOAT)
                .build(), eis.get("time"));
        assertEquals("Degree", eis.get("z_phase").units());
        assertTrue(eis.get("test_time").monotonic());
    }

    @Test
    void extraColumnsKeepTheClassAndComeFirstInJson() {
        RawData raw = new RawData().withExtraColumn("extra", "An extra column", ColumnType.FLOAT, false, "V", true);
        assertInstanceOf(RawData.class, raw);
        assertTrue(raw.toJson().startsWith("{\"extra_columns\":{\"extra\":{\"required\":false,\"type\":\"float\","
                + "\"description\":\"An extra column\",\"units\":\"V\",\"monotonic\":true}},\"file_number\":"),
                raw.toJson());
        assertEquals("extra", raw.columnNames().get(raw.columnNames().size() - 1));
        assertFalse(new RawData().contains("extra"), "the original is unchanged");
        assertInstanceOf(EISData.class, new EISData().withExtraColumn("x", ColumnInfo.of("X")));
        assertInstanceOf(CycleLevelData.class, new CycleLevelData().withExtraColumn("x", ColumnInfo.of("X")));
        ColumnSchema parsed = ColumnSchema.fromJson(raw.toJson());
        assertEquals(raw.columns(), parsed.columns());
        assertEquals(raw.toJson(), parsed.toJson());

        // an extra column named like a predefined one overrides it in place
        ColumnSchema overridden = new RawData().withExtraColumn("voltage", ColumnInfo.of("mine"));
        assertEquals("mine", overridden.get("voltage").description());
        assertEquals(new RawData().columnNames(), overridden.columnNames());
    }

    @Test
    void parsingRejectsWhatPythonRejects() {
        assertThrows(SchemaViolationException.class, () -> ColumnSchema.fromJson("asdf"));
        assertThrows(SchemaViolationException.class, () -> ColumnSchema.fromJson("{\"a\": 1}"));
        assertThrows(SchemaViolationException.class, () -> ColumnSchema.fromJson("[1]"));
        assertThrows(SchemaViolationException.class, () -> ColumnSchema.fromJson("{\"a\": {\"type\": \"float\"}}"));
        assertThrows(SchemaViolationException.class, () -> ColumnSchema.fromJson("{\"a\": {\"type\": \"nope\","
                + "\"description\": \"x\"}}"));
        ColumnSchema extra = ColumnSchema.fromJson("{\"extra_columns\":{\"x\":{\"description\":\"X\"}},"
                + "\"a\":{\"description\":\"A\",\"ignored\":5,\"required\":\"yes\"}}");
        assertEquals(List.of("a", "x"), extra.columnNames());
        assertEquals(ColumnType.OTHER, extra.get("x").type());
        assertTrue(extra.get("a").required());
        assertEquals("{\"extra_columns\":{\"x\":{\"required\":false,\"type\":\"other\",\"description\":\"X\","
                + "\"units\":null,\"monotonic\":false}},\"a\":{\"required\":true,\"type\":\"other\","
                + "\"description\":\"A\",\"units\":null,\"monotonic\":false}}", extra.toJson());
    }

    @Test
    void enumsReadStoredValues() {
        assertEquals(ChargingState.RESTING, ChargingState.fromValue("resting"));
        assertEquals(ChargingState.RESTING, ChargingState.fromValue("hold"));
        assertNull(ChargingState.fromValue("rest"));
        assertEquals("discharging", ChargingState.DISCHARGING.value());
        assertEquals(ControlMethod.CONSTANT_VOLTAGE, ControlMethod.fromValue("constant_voltage"));
        assertEquals(9, ControlMethod.values().length);
        assertNull(ControlMethod.fromValue("hold"));
    }

    @Test
    void everyEnumConstantIsFoundFromItsStoredTextAndNullFindsNone() {
        for (ColumnType t : ColumnType.values()) {
            assertEquals(t, ColumnType.fromJson(t.json()));
        }
        for (ChargingState s : ChargingState.values()) {
            assertEquals(s, ChargingState.fromValue(s.value()));
        }
        for (ControlMethod m : ControlMethod.values()) {
            assertEquals(m, ControlMethod.fromValue(m.value()));
        }
        assertNull(ColumnType.fromJson(null));
        assertNull(ChargingState.fromValue(null));
        assertNull(ControlMethod.fromValue(null));
    }
}
