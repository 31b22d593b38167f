package io.battdat.api.metadata;

import io.battdat.api.BadFormatException;
import io.battdat.api.json.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON of spec 3.6, byte for byte, and pydantic's lax reading rules (3.1). */
class BatteryMetadataTest {
    static final String FULL = "{\"name\":\"cell-1\",\"comments\":null,\"version\":\"0.4.6\",\"is_measurement\":true,"
            + "\"test_protocol\":{\"cycler\":\"MACCOR\",\"start_date\":\"2016-03-31\",\"set_temperature\":null,"
            + "\"schedule\":null},\"battery\":{\"manufacturer\":\"CAMP\",\"design\":null,\"layer_count\":null,"
            + "\"form_factor\":null,\"mass\":null,\"dimensions\":null,\"anode\":{\"name\":\"Graphite\",\"supplier\":null,"
            + "\"product\":null,\"thickness\":null,\"area\":null,\"loading\":null,\"porosity\":null},\"cathode\":null,"
            + "\"electrolyte\":null,\"nominal_capacity\":0.037},\"modeling\":null,\"source\":\"ANL\","
            + "\"dataset_name\":null,\"authors\":null,\"associated_ids\":[\"https://test.url/\"]}";
    static final String EXCLUDED = "{\"name\":\"cell-1\",\"version\":\"0.4.6\",\"is_measurement\":true,"
            + "\"test_protocol\":{\"cycler\":\"MACCOR\",\"start_date\":\"2016-03-31\"},\"battery\":{\"manufacturer\":"
            + "\"CAMP\",\"anode\":{\"name\":\"Graphite\"},\"nominal_capacity\":0.037},\"source\":\"ANL\","
            + "\"associated_ids\":[\"https://test.url/\"]}";

    @Test
    void bothFlavoursRoundTripByteForByte() {
        BatteryMetadata m = BatteryMetadata.fromJson(FULL);
        assertEquals(FULL, m.toJson());
        assertEquals(EXCLUDED, m.toJsonExcludingNulls());
        assertEquals(m, BatteryMetadata.fromJson(EXCLUDED));
        assertEquals(LocalDate.of(2016, 3, 31), m.testProtocol().startDate());
        assertEquals("Graphite", m.battery().anode().name());
    }

    @Test
    void builtInCodeGivesTheSameJson() {
        BatteryMetadata m = BatteryMetadata.builder().name("cell-1").version("0.4.6")
                .testProtocol(CyclingProtocol.builder().cycler("MACCOR").startDate(LocalDate.of(2016, 3, 31)).build())
                .battery(BatteryDescription.builder().manufacturer("CAMP").anode(ElectrodeDescription.named("Graphite"))
                        .nominalCapacity(0.037).build())
                .source("ANL").associatedIds(List.of("https://test.url/")).build();
        assertEquals(FULL, m.toJson());
        BatteryMetadata built = BatteryMetadata.builder().name("cell-1").source("ANL")
                .testProtocol(CyclingProtocol.builder().cycler("MACCOR").startDate(LocalDate.of(2016, 3, 31)).build())
                .battery(BatteryDescription.builder().manufacturer("CAMP").nominalCapacity(0.037)
                        .anode(ElectrodeDescription.builder("Graphite").build()).build())
                .associatedIds(List.of("https://test.url")).build();
        assertEquals(FULL, built.toJson());
        assertEquals(EXCLUDED, built.toJsonExcludingNulls());
        assertEquals(m, built);
        assertEquals(m, m.toBuilder().build());
        assertEquals(FULL.replace("cell-1", "cell-2"), m.withName("cell-2").toJson());
    }

    @Test
    void defaultsAreThe192ByteDocumentOfTheExamples() {
        String stored = "{\"name\":null,\"comments\":null,\"version\":\"0.4.2\",\"is_measurement\":true,"
                + "\"test_protocol\":null,\"battery\":null,\"modeling\":null,\"source\":null,\"dataset_name\":null,"
                + "\"authors\":null,\"associated_ids\":null}";
        assertEquals(192, stored.getBytes(StandardCharsets.UTF_8).length);
        BatteryMetadata read = BatteryMetadata.fromJson(stored);
        assertEquals("0.4.2", read.version(), "the version is kept, not restamped");
        assertEquals(stored, read.toJson());
        assertEquals("0.4.6", BatteryMetadata.CURRENT_VERSION);
        BatteryMetadata defaults = BatteryMetadata.defaults();
        assertTrue(defaults.isMeasurement());
        assertEquals(BatteryMetadata.CURRENT_VERSION, defaults.version());
        assertEquals(stored.replace("0.4.2", BatteryMetadata.CURRENT_VERSION), defaults.toJson());
        assertEquals(192, defaults.toJson().length());
        assertEquals("{\"version\":\"0.4.6\",\"is_measurement\":true}", defaults.toJsonExcludingNulls());
        assertEquals(defaults, BatteryMetadata.fromJson("{}"));
        assertEquals(defaults, BatteryMetadata.builder().build());
    }

    @Test
    void unknownFieldsSurviveInOrderAtEveryLevel() {
        String in = "{\"name\":\"x\",\"lab\":\"X\",\"battery\":{\"anode\":{\"name\":\"G\",\"colour\":\"grey\"}},"
                + "\"zeta\":[1,2.5,null],\"alpha\":{\"b\":1e-07}}";
        BatteryMetadata m = BatteryMetadata.fromJson(in);
        assertEquals(List.of("lab", "zeta", "alpha"), List.copyOf(m.extra().keySet()));
        assertEquals("grey", m.battery().anode().extra().get("colour"));
        String out = m.toJsonExcludingNulls();
        assertTrue(out.endsWith(",\"lab\":\"X\",\"zeta\":[1,2.5,null],\"alpha\":{\"b\":1e-07}}"), out);
        assertTrue(out.contains("\"anode\":{\"name\":\"G\",\"colour\":\"grey\"}"), out);
        assertEquals(m, BatteryMetadata.fromJson(out));
    }

    @Test
    void laxNumbersAndBooleansStrictStrings() {
        BatteryMetadata m = BatteryMetadata.fromJson("{\"is_measurement\":\"no\",\"battery\":{\"nominal_capacity\":"
                + "\"0.037\",\"mass\":1,\"layer_count\":3.0}}");
        assertFalse(m.isMeasurement());
        assertEquals(0.037, m.battery().nominalCapacity());
        assertTrue(m.toJson().contains("\"mass\":1.0"), m.toJson());
        assertEquals(3, m.battery().layerCount());
        BadFormatException e = assertThrows(BadFormatException.class, () -> BatteryMetadata.fromJson("{\"name\":1}"));
        assertTrue(e.getMessage().contains("name") && e.getMessage().contains("string"), e.getMessage());
    }

    @Test
    void constraintsNameTheField() {
        assertThrows(BadFormatException.class, () -> BatteryMetadata.fromJson("{\"battery\":{\"layer_count\":1}}"));
        BadFormatException e = assertThrows(BadFormatException.class,
                () -> BatteryMetadata.fromJson("{\"battery\":{\"anode\":{\"name\":\"G\",\"porosity\":150}}}"));
        assertTrue(e.getMessage().contains("battery.anode.porosity"), e.getMessage());
        e = assertThrows(BadFormatException.class, () -> BatteryMetadata.fromJson("{\"battery\":{\"cathode\":{}}}"));
        assertTrue(e.getMessage().contains("battery.cathode.name") && e.getMessage().contains("required"),
                e.getMessage());
        assertThrows(BadFormatException.class, () -> BatteryMetadata.fromJson("[1]"));
        assertThrows(BadFormatException.class, () -> BatteryMetadata.fromJson("{\"authors\":[[\"only name\"]]}"));
    }

    @Test
    void urlsAreNormalisedAsPydanticDoes() {
        BatteryMetadata m = BatteryMetadata.fromJson("{\"associated_ids\":[\"HTTPS://Test.URL\",\"doi:10.1/x\","
                + "\"https://a.org/p?q=1\"]}");
        assertEquals(List.of("https://test.url/", "doi:10.1/x", "https://a.org/p?q=1"), m.associatedIds());
        assertThrows(BadFormatException.class, () -> BatteryMetadata.fromJson("{\"associated_ids\":[\"no scheme\"]}"));
    }

    @Test
    void modelVersionMayBeMissing() {
        BatteryMetadata m = BatteryMetadata.fromJson("{\"modeling\":{\"name\":\"PyBaMM\",\"type\":\"physics\"}}");
        assertNull(m.modeling().version());
        assertEquals(ModelTypes.PHYSICS, m.modeling().type());
    }

    @Test
    void pythonFloatRepr() {
        assertEquals("0.037", Json.pythonRepr(0.037));
        assertEquals("1.0", Json.pythonRepr(1.0));
        assertEquals("1e-07", Json.pythonRepr(1e-7));
        assertEquals("0.0001", Json.pythonRepr(1e-4));
        assertEquals("1e-05", Json.pythonRepr(1e-5));
        assertEquals("1000000000000000.0", Json.pythonRepr(1e15));
        assertEquals("1e+16", Json.pythonRepr(1e16));
        assertEquals("-2.5e+20", Json.pythonRepr(-2.5e20));
        assertEquals("123.456", Json.pythonRepr(123.456));
        assertEquals("null", Json.pythonRepr(Double.NaN));
    }
}
