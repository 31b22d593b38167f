package io.battdat.api.metadata;

import io.battdat.api.BadFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Jackson binding of the metadata models: extras at every level, the two null flavours, plain error words. */
class MetadataBindingTest {
    /** Every model carries an extra field; nulls inside an extra value are kept even when nulls are left out. */
    private static final String EVERY_LEVEL = "{\"name\":\"c\",\"version\":\"0.4.2\",\"is_measurement\":false,"
            + "\"test_protocol\":{\"cycler\":\"M\",\"x_protocol\":[1,null]},"
            + "\"battery\":{\"manufacturer\":\"A\",\"anode\":{\"name\":\"G\",\"x_anode\":{\"k\":null,\"v\":1e-07}},"
            + "\"cathode\":{\"name\":\"NMC\",\"x_cathode\":\"\u00e9\u2713\"},"
            + "\"electrolyte\":{\"name\":\"E\",\"additives\":[{\"name\":\"VC\",\"amount\":2.0,\"x_additive\":true}],"
            + "\"x_electrolyte\":-0.0},\"x_battery\":12345678901234567890},"
            + "\"modeling\":{\"name\":\"PyBaMM\",\"version\":\"24.1\",\"type\":\"physics\",\"x_modeling\":{}},"
            + "\"x_root\":\"last\"}";

    @Test
    void unknownFieldsSurviveAtEveryNestingLevel() {
        BatteryMetadata m = BatteryMetadata.fromJson(EVERY_LEVEL);
        assertEquals(EVERY_LEVEL, m.toJsonExcludingNulls());
        assertEquals(m, BatteryMetadata.fromJson(m.toJson()));
        assertEquals(m.toJson(), BatteryMetadata.fromJson(m.toJson()).toJson());
        assertEquals(List.of("x_protocol"), List.copyOf(m.testProtocol().extra().keySet()));
        assertEquals(List.of("x_anode"), List.copyOf(m.battery().anode().extra().keySet()));
        assertEquals(List.of("x_cathode"), List.copyOf(m.battery().cathode().extra().keySet()));
        assertEquals(List.of("x_electrolyte"), List.copyOf(m.battery().electrolyte().extra().keySet()));
        assertEquals(true, m.battery().electrolyte().additives().get(0).extra().get("x_additive"));
        assertEquals(List.of("x_battery"), List.copyOf(m.battery().extra().keySet()));
        assertEquals(Map.of(), m.modeling().extra().get("x_modeling"));
        assertEquals(List.of("x_root"), List.copyOf(m.extra().keySet()));
        assertTrue(m.toJson().contains("\"schedule\":null,\"x_protocol\":[1,null]},"), m.toJson());
    }

    @Test
    void aNullExtraFieldIsDroppedOnlyWhenNullsAreLeftOut() {
        BatteryMetadata m = BatteryMetadata.fromJson("{\"battery\":{\"anode\":{\"name\":\"G\",\"gone\":null}},"
                + "\"gone\":null}");
        assertEquals("{\"version\":\"0.4.6\",\"is_measurement\":true,\"battery\":{\"anode\":{\"name\":\"G\"}}}",
                m.toJsonExcludingNulls());
        assertTrue(m.toJson().endsWith("\"porosity\":null,\"gone\":null},\"cathode\":null,\"electrolyte\":null,"
                + "\"nominal_capacity\":null},\"modeling\":null,\"source\":null,\"dataset_name\":null,\"authors\":null,"
                + "\"associated_ids\":null,\"gone\":null}"), m.toJson());
    }

    @Test
    void extraFieldsCannotRepeatADeclaredOneAtAnyLevel() {
        assertThrows(BadFormatException.class, () -> BatteryMetadata.builder().extra("is_measurement", 1).build());
        assertThrows(BadFormatException.class,
                () -> ElectrodeDescription.builder("G").extra("porosity", 1).build());
        assertThrows(BadFormatException.class, () -> ModelMetadata.builder("m").extra("simulation_type", 1).build());
        assertThrows(BadFormatException.class, () -> ElectrolyteAdditive.builder("VC").extra("units", 1).build());
        assertEquals("{\"name\":\"VC\",\"amount\":null,\"units\":null,\"isMeasurement\":1}",
                ElectrolyteAdditive.builder("VC").extra("isMeasurement", 1).build().toString()
                        .substring("ElectrolyteAdditive".length()));
    }

    @Test
    void pickledMetadataIsNamedAsSuch() {
        for (String pickle : List.of("(dp0\nS'name'\np1\nNs.", "\u0080\u0004\u0095\u0010", "\ufffd\u0002}q\u0000")) {
            BadFormatException e = assertThrows(BadFormatException.class, () -> BatteryMetadata.fromJson(pickle));
            assertEquals("battery metadata is not JSON (it looks like a Python pickle)", e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{not json", "{\"name\":\"x\"", "{} x", "{\"x\":NaN}", "{\"x\":[1,}", "{\"a\":\"\u0001\"}",
        "[1]", "\"s\"", "{\"battery\":[]}", "{\"battery\":\"\"}", "{\"authors\":[\"Jane\"]}", "{\"authors\":\"Jane\"}",
        "{\"modeling\":{\"name\":\"x\",\"type\":\"magic\"}}", "{\"modeling\":{\"name\":\"x\",\"type\":[]}}",
        "{\"version\":null}", "{\"is_measurement\":null}", "{\"is_measurement\":{}}", "{\"battery\":{\"mass\":{}}}",
        "{\"battery\":{\"electrolyte\":{\"name\":\"E\",\"additives\":{}}}}", "{\"test_protocol\":{\"start_date\":[]}}",
        "{\"associated_ids\":[{}]}", "{\"battery\":{\"layer_count\":1e400}}"})
    void errorsArePlainWords(String json) {
        BadFormatException e = assertThrows(BadFormatException.class, () -> BatteryMetadata.fromJson(json));
        String message = e.getMessage();
        assertTrue(message.startsWith("battery metadata is not") || message.startsWith("invalid battery metadata: "),
                message);
        for (String internal : List.of("`", "Jackson", "jackson", "REDACTED", "JsonToken", "java.", "io.battdat",
                "Builder", "Source:", "Feature")) {
            assertFalse(message.contains(internal), message);
        }
    }

    @Test
    void errorsSayWhatAndWhere() {
        assertEquals("battery metadata is not JSON: unexpected character 'n' (line 1, column 2)",
                message("{not json"));
        assertEquals("battery metadata is not JSON: unknown word 'NaN' (line 1, column 9)", message("{\"x\":NaN}"));
        assertEquals("battery metadata is not JSON: the text is empty", message(" "));
        assertEquals("battery metadata is not a JSON object, got a list", message("[1]"));
        assertEquals("invalid battery metadata: battery: must be an object, got a list", message("{\"battery\":[]}"));
        assertEquals("invalid battery metadata: authors[0]: must be a list, got \"Jane\"",
                message("{\"authors\":[\"Jane\"]}"));
        assertEquals("invalid battery metadata: version: must not be null", message("{\"version\":null}"));
        assertEquals("invalid battery metadata: battery.electrolyte.additives[0].name: field required",
                message("{\"battery\":{\"electrolyte\":{\"name\":\"E\",\"additives\":[{}]}}}"));
        assertEquals("invalid battery metadata: modeling.type: must be one of physics, data, empirical; got \"magic\"",
                message("{\"modeling\":{\"name\":\"x\",\"type\":\"magic\"}}"));
    }

    private static String message(String json) {
        return assertThrows(BadFormatException.class, () -> BatteryMetadata.fromJson(json)).getMessage();
    }
}
