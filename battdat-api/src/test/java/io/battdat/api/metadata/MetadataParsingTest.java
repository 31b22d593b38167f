package io.battdat.api.metadata;

import io.battdat.api.BadFormatException;
import io.battdat.api.json.Json;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** pydantic's lax reading rules (spec 3.1), constraints (3.4), URLs, extras and the version fallback (3.7). */
class MetadataParsingTest {

    private static String error(String json) {
        return assertThrows(BadFormatException.class, () -> BatteryMetadata.fromJson(json)).getMessage();
    }

    private static BatteryDescription battery(String fields) {
        return BatteryMetadata.fromJson("{\"battery\":{" + fields + "}}").battery();
    }

    @Test
    void floatFieldsAcceptIntsAndNumericStrings() {
        assertEquals(1.0, battery("\"mass\":1").mass());
        assertEquals(0.037, battery("\"mass\":\" 0.037 \"").mass());
        assertEquals(1e-7, battery("\"mass\":\"1e-7\"").mass());
        assertEquals(1e20, battery("\"mass\":100000000000000000000").mass());
        assertTrue(Double.isNaN(battery("\"mass\":\"nan\"").mass()));
        assertEquals(Double.NEGATIVE_INFINITY, battery("\"mass\":\"-inf\"").mass());
        assertTrue(error("{\"battery\":{\"mass\":\"heavy\"}}").contains("battery.mass"));
        assertTrue(error("{\"battery\":{\"mass\":true}}").contains("battery.mass"));
        assertTrue(error("{\"battery\":{\"mass\":\"0x10\"}}").contains("battery.mass"));
        assertTrue(error("{\"battery\":{\"mass\":[1]}}").contains("battery.mass"));
        assertEquals("{\"battery\":{\"mass\":1.0,\"nominal_capacity\":1e+20}}",
                BatteryMetadata.fromJson("{\"battery\":{\"mass\":1,\"nominal_capacity\":1e20}}").toJsonExcludingNulls()
                        .replaceFirst("\"version\":\"0.4.6\",\"is_measurement\":true,", ""));
    }

    @Test
    void intFieldsAcceptIntegralFloatsAndNumericStrings() {
        assertEquals(3, battery("\"layer_count\":3").layerCount());
        assertEquals(3, battery("\"layer_count\":3.0").layerCount());
        assertEquals(3, battery("\"layer_count\":\"3\"").layerCount());
        assertEquals(3, battery("\"layer_count\":\" 3.00 \"").layerCount());
        for (String bad : List.of("3.5", "\"3.5\"", "\"three\"", "true", "\"3e0\"", "1e300")) {
            assertTrue(error("{\"battery\":{\"layer_count\":" + bad + "}}").contains("battery.layer_count"), bad);
        }
        assertTrue(BatteryMetadata.fromJson("{\"battery\":{\"layer_count\":3.0}}").toJson()
                .contains("\"layer_count\":3,"));
    }

    @Test
    void boolFieldsAcceptNumbersAndWords() {
        for (String yes : List.of("true", "1", "1.0", "\"true\"", "\"yes\"", "\"1\"", "\"on\"", "\"Y\"", "\"TRUE\"")) {
            assertTrue(BatteryMetadata.fromJson("{\"is_measurement\":" + yes + "}").isMeasurement(), yes);
        }
        for (String no : List.of("false", "0", "\"false\"", "\"no\"", "\"0\"", "\"off\"", "\"f\"")) {
            assertFalse(BatteryMetadata.fromJson("{\"is_measurement\":" + no + "}").isMeasurement(), no);
        }
        for (String bad : List.of("2", "\"maybe\"", "null", "[]")) {
            assertTrue(error("{\"is_measurement\":" + bad + "}").contains("is_measurement"), bad);
        }
    }

    @Test
    void stringFieldsRejectNumbers() {
        String message = error("{\"name\":1}");
        assertTrue(message.contains("name: must be a string"), message);
        assertTrue(error("{\"comments\":1.5}").contains("comments"));
        assertTrue(error("{\"source\":true}").contains("source"));
        assertTrue(error("{\"battery\":{\"anode\":{\"name\":5}}}").contains("battery.anode.name"));
        assertTrue(error("{\"version\":null}").contains("version"));
        assertTrue(error("{\"version\":4}").contains("version"));
        assertTrue(error("{\"modeling\":{\"name\":\"x\",\"models\":[1]}}").contains("modeling.models[0]"));
    }

    @Test
    void datesAreIsoOrMidnightUnixTimes() {
        assertEquals(LocalDate.of(2016, 3, 31), protocolDate("\"2016-03-31\""));
        assertEquals(LocalDate.of(2016, 3, 31), protocolDate("1459382400"));
        assertEquals(LocalDate.of(2016, 3, 31), protocolDate("1459382400000"));
        for (String bad : List.of("\"2016/03/31\"", "\"2016-02-30\"", "\"31 March 2016\"", "1459382401", "true")) {
            assertTrue(error("{\"test_protocol\":{\"start_date\":" + bad + "}}").contains("test_protocol.start_date"),
                    bad);
        }
        assertTrue(BatteryMetadata.fromJson("{\"test_protocol\":{\"start_date\":1459382400}}").toJson()
                .contains("\"start_date\":\"2016-03-31\""));
    }

    private static LocalDate protocolDate(String value) {
        return BatteryMetadata.fromJson("{\"test_protocol\":{\"start_date\":" + value + "}}").testProtocol().startDate();
    }

    @Test
    void constraintsNameTheFieldPath() {
        assertTrue(error("{\"battery\":{\"layer_count\":1}}").contains("battery.layer_count: must be greater than 1"));
        assertEquals(2, battery("\"layer_count\":2").layerCount());
        assertTrue(error("{\"battery\":{\"anode\":{\"name\":\"G\",\"porosity\":150}}}")
                .contains("battery.anode.porosity"));
        assertTrue(error("{\"battery\":{\"cathode\":{\"name\":\"G\",\"porosity\":-0.1}}}")
                .contains("battery.cathode.porosity"));
        assertEquals(100.0, battery("\"anode\":{\"name\":\"G\",\"porosity\":100}").anode().porosity());
        assertEquals(0.0, battery("\"anode\":{\"name\":\"G\",\"thickness\":0}").anode().thickness());
        for (String field : List.of("thickness", "area", "loading")) {
            assertTrue(error("{\"battery\":{\"anode\":{\"name\":\"G\",\"" + field + "\":-1}}}")
                    .contains("battery.anode." + field), field);
            assertTrue(error("{\"battery\":{\"anode\":{\"name\":\"G\",\"" + field + "\":\"nan\"}}}")
                    .contains("battery.anode." + field), field);
        }
        // the same rules hold for models built in code
        BadFormatException e = assertThrows(BadFormatException.class,
                () -> ElectrodeDescription.builder("G").porosity(150.0).build());
        assertTrue(e.getMessage().contains("porosity"), e.getMessage());
        assertThrows(BadFormatException.class, () -> BatteryDescription.builder().layerCount(1).build());
        assertThrows(BadFormatException.class, () -> ElectrodeDescription.named(null));
    }

    @Test
    void requiredFields() {
        assertTrue(error("{\"battery\":{\"cathode\":{}}}").contains("battery.cathode.name: field required"));
        assertTrue(error("{\"battery\":{\"cathode\":{\"name\":null}}}").contains("battery.cathode.name"));
        assertTrue(error("{\"battery\":{\"electrolyte\":{\"additives\":[]}}}").contains("battery.electrolyte.name"));
        assertTrue(error("{\"battery\":{\"electrolyte\":{\"name\":\"E\",\"additives\":[{\"amount\":1}]}}}")
                .contains("battery.electrolyte.additives[0].name"));
        assertTrue(error("{\"modeling\":{\"version\":\"1\"}}").contains("modeling.name"));
        assertTrue(error("{\"authors\":[[\"only name\"]]}").contains("authors[0]"));
        assertTrue(error("{\"authors\":[[\"Jane\",3]]}").contains("authors[0][1]"));
        assertTrue(error("{\"battery\":[]}").contains("battery"));
        assertThrows(BadFormatException.class, () -> BatteryMetadata.fromJson("[1]"));
        assertThrows(BadFormatException.class, () -> BatteryMetadata.fromJson("{not json"));
    }

    @Test
    void electrolyteAdditivesDefaultToAnEmptyListThatIsAlwaysWritten() {
        BatteryMetadata m = BatteryMetadata.fromJson("{\"battery\":{\"electrolyte\":{\"name\":\"LiPF6\"}}}");
        assertEquals(List.of(), m.battery().electrolyte().additives());
        assertTrue(m.toJsonExcludingNulls().contains("\"electrolyte\":{\"name\":\"LiPF6\",\"additives\":[]}"));
        assertTrue(error("{\"battery\":{\"electrolyte\":{\"name\":\"E\",\"additives\":null}}}")
                .contains("battery.electrolyte.additives"));
        // units is a number in battdat (a quirk): text units are rejected
        assertTrue(error("{\"battery\":{\"electrolyte\":{\"name\":\"E\",\"additives\":[{\"name\":\"VC\",\"units\":"
                + "\"wt%\"}]}}}").contains("battery.electrolyte.additives[0].units"));
        BatteryMetadata full = BatteryMetadata.fromJson("{\"battery\":{\"electrolyte\":{\"name\":\"E\",\"additives\":"
                + "[{\"name\":\"VC\",\"amount\":2,\"units\":\"1\"}]}}}");
        assertTrue(full.toJson().contains("\"additives\":[{\"name\":\"VC\",\"amount\":2.0,\"units\":1.0}]"),
                full.toJson());
        assertEquals(full.battery().electrolyte(), ElectrolyteDescription.of("E",
                ElectrolyteAdditive.builder("VC").amount(2.0).units(1.0).build()));
    }

    @Test
    void modelVersionIsRequiredButNullable() {
        BatteryMetadata m = BatteryMetadata.fromJson("{\"is_measurement\":false,\"modeling\":{\"name\":\"PyBaMM\","
                + "\"type\":\"physics\",\"references\":[\"HTTPS://PyBaMM.org\"],\"models\":[\"DFN\"]}}");
        assertNull(m.modeling().version());
        assertEquals(ModelTypes.PHYSICS, m.modeling().type());
        assertEquals(List.of("https://pybamm.org/"), m.modeling().references());
        assertTrue(m.toJson().contains("\"modeling\":{\"name\":\"PyBaMM\",\"version\":null,\"type\":\"physics\","
                + "\"references\":[\"https://pybamm.org/\"],\"models\":[\"DFN\"],\"simulation_type\":null}"), m.toJson());
        String excluded = m.toJsonExcludingNulls();
        assertFalse(excluded.contains("\"version\":null"));
        assertEquals(m, BatteryMetadata.fromJson(excluded), "Python cannot read this back; we can");
        assertTrue(error("{\"modeling\":{\"name\":\"x\",\"type\":\"magic\"}}").contains("modeling.type"));
        assertEquals(ModelTypes.DATA, ModelTypes.fromValue("data").orElseThrow());
        assertEquals(m.modeling(), ModelMetadata.builder("PyBaMM").type(ModelTypes.PHYSICS)
                .references(List.of("https://PyBaMM.org")).models(List.of("DFN")).build());
    }

    @Test
    void urlsAreNormalisedAsPydanticDoes() {
        assertEquals("https://test.url/", url("https://test.url"));
        assertEquals("https://test.url/", url("HTTPS://Test.URL"));
        assertEquals("https://test.url/Path/X", url("https://TEST.url/Path/X"));
        assertEquals("https://a.org/p?q=1", url("https://a.org/p?q=1"));
        assertEquals("https://a.org/?q=1", url("https://a.org?q=1"));
        assertEquals("https://a.org/#top", url("https://a.org#top"));
        assertEquals("http://a.org/", url("http://a.org:80"));
        assertEquals("https://a.org:8443/", url("https://a.org:8443"));
        assertEquals("http://a.org/a/c", url("http://a.org/a/./b/../c"));
        assertEquals("https://a.org/a%20b", url("https://a.org/a b"));
        assertEquals("https://user@a.org/", url("https://user@A.org"));
        assertEquals("ftp://files.org/", url("FTP://Files.org"));
        assertEquals("wss://x.org/", url("wss://x.org:443"));
        assertEquals("file:///tmp/x", url("file:///tmp/x"));
        assertEquals("file:///tmp/x", url("file:/tmp/x"));
        assertEquals("file://server/share", url("FILE://Server/share"));
        assertEquals("doi:10.1/X", url("DOI:10.1/X"));
        assertEquals("urn:isbn:0451450523", url("urn:isbn:0451450523"));
        assertEquals("mailto:Jane@ANL.gov", url("mailto:Jane@ANL.gov"));
        for (String bad : List.of("no scheme", "", "/relative/path", "http://", "https://a.org:99999",
                "https://a b.org/")) {
            assertTrue(error("{\"associated_ids\":[\"" + bad + "\"]}").contains("associated_ids[0]"), bad);
        }
        assertThrows(BadFormatException.class, () -> BatteryMetadata.builder().associatedIds(List.of("nope")).build());
        assertEquals(List.of("https://x.org/"),
                BatteryMetadata.builder().associatedIds(List.of("https://X.org")).build().associatedIds());
    }

    private static String url(String text) {
        return BatteryMetadata.fromJson("{\"associated_ids\":[\"" + text + "\"]}").associatedIds().get(0);
    }

    @Test
    void serialisationIsCompactUtf8WithPythonFloats() {
        BatteryMetadata m = BatteryMetadata.builder().name("Zürich ✓ \"q\" \\ \n\u0001")
                .battery(BatteryDescription.builder().mass(1e-7).nominalCapacity(1e16).build())
                .testProtocol(CyclingProtocol.builder().setTemperature(Double.NaN).build())
                .addAuthor("Jane Doe", "ANL").build();
        String json = m.toJsonExcludingNulls();
        assertEquals("{\"name\":\"Zürich ✓ \\\"q\\\" \\\\ \\n\\u0001\",\"version\":\"0.4.6\",\"is_measurement\":true,"
                + "\"test_protocol\":{\"set_temperature\":null},\"battery\":{\"mass\":1e-07,\"nominal_capacity\":1e+16},"
                + "\"authors\":[[\"Jane Doe\",\"ANL\"]]}", json);
        assertEquals(m.name(), BatteryMetadata.fromJson(json).name());
    }

    @Test
    void extraFieldsAtEveryLevelKeepTheirOrder() {
        String in = "{\"zeta\":1,\"name\":\"x\",\"alpha\":null,\"test_protocol\":{\"lab\":\"X\",\"cycler\":\"M\"},"
                + "\"battery\":{\"electrolyte\":{\"name\":\"E\",\"colour\":\"clear\",\"additives\":[{\"name\":\"VC\","
                + "\"cas\":\"872-36-6\"}]}},\"modeling\":{\"name\":\"m\",\"version\":\"1\",\"seed\":42},"
                + "\"mid\":{\"b\":[1,2.50,{\"c\":true}]}}";
        BatteryMetadata m = BatteryMetadata.fromJson(in);
        assertEquals(List.of("zeta", "alpha", "mid"), new ArrayList<>(m.extra().keySet()));
        assertEquals("{\"name\":\"x\",\"version\":\"0.4.6\",\"is_measurement\":true,\"test_protocol\":{\"cycler\":\"M\","
                + "\"lab\":\"X\"},\"battery\":{\"electrolyte\":{\"name\":\"E\",\"additives\":[{\"name\":\"VC\","
                + "\"cas\":\"872-36-6\"}],\"colour\":\"clear\"}},\"modeling\":{\"name\":\"m\",\"version\":\"1\","
                + "\"seed\":42},\"zeta\":1,\"mid\":{\"b\":[1,2.5,{\"c\":true}]}}", m.toJsonExcludingNulls());
        assertTrue(m.toJson().endsWith("\"associated_ids\":null,\"zeta\":1,\"alpha\":null,\"mid\":{\"b\":[1,2.5,"
                + "{\"c\":true}]}}"), m.toJson());
        assertEquals(m, BatteryMetadata.fromJson(m.toJson()));
        assertEquals(m.toJson(), BatteryMetadata.fromJson(m.toJson()).toJson());
        assertTrue(m.withExtra("lab", "Y").toJson().endsWith(",\"lab\":\"Y\"}"));
        assertTrue(m.withExtra("zeta", 2).toJson().contains(",\"zeta\":2,\"alpha\":null,"));
        assertThrows(BadFormatException.class, () -> BatteryMetadata.builder().extra("name", "clash").build());
        assertThrows(UnsupportedOperationException.class, () -> m.extra().put("x", 1));
        @SuppressWarnings("unchecked")
        Map<String, Object> nested = (Map<String, Object>) m.extra().get("mid");
        assertThrows(UnsupportedOperationException.class, () -> nested.put("x", 1));
        assertEquals(Map.of(), BatteryMetadata.defaults().extra());
    }

    @Test
    void datasetVersionFallbackFollowsPython() {
        List<String> warnings = new ArrayList<>();
        BatteryMetadata old = BatteryMetadata.fromJsonForDataset("{\"name\":\"a\",\"version\":\"0.4.2\"}",
                warnings::add);
        assertEquals("0.4.2", old.version());
        assertEquals(List.of("Metadata was created in a different version of battdat. supplied=0.4.2, current=0.4.6."),
                warnings);
        warnings.clear();
        BatteryMetadata discarded = BatteryMetadata.fromJsonForDataset("{\"name\":1,\"version\":\"0.3.0\"}",
                warnings::add);
        assertEquals(BatteryMetadata.defaults(), discarded);
        assertEquals(2, warnings.size());
        assertEquals("Metadata failed to validate, probably due to version mismatch. Discarding until we support "
                + "backwards compatibility", warnings.get(1));
        warnings.clear();
        assertThrows(BadFormatException.class, () -> BatteryMetadata.fromJsonForDataset("{\"name\":1}", warnings::add));
        assertEquals(List.of(), warnings);
    }

    @Test
    void pythonFloatReprIsShortestEvenOnJava17() {
        assertEquals("2.82879384806159e+17", Json.pythonRepr(2.82879384806159E17));
        assertEquals("1.18575755e-316", Json.pythonRepr(1.18575755E-316));
        assertEquals("1e+23", Json.pythonRepr(1e23));
        assertEquals("0.30000000000000004", Json.pythonRepr(0.1 + 0.2));
        assertEquals("5e-324", Json.pythonRepr(Double.MIN_VALUE));
        assertEquals("1.7976931348623157e+308", Json.pythonRepr(Double.MAX_VALUE));
        assertEquals("0.00015", Json.pythonRepr(1.5e-4));
        assertEquals("100.0", Json.pythonRepr(100));
        assertEquals("-0.0", Json.pythonRepr(-0.0));
        assertEquals("9007199254740994.0", Json.pythonRepr(9007199254740994.0));
        assertEquals("1e+16", Json.pythonRepr(1e16));
        assertEquals("null", Json.pythonRepr(Double.POSITIVE_INFINITY));
    }
}
