package io.battdat.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.battdat.api.json.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link PlainJson} writes, compact and indented, the very text a default {@code ObjectMapper} writes. */
class PlainJsonTest {
    private static void assertSameAsObjectMapper(Object value) throws JsonProcessingException {
        assertEquals(new ObjectMapper().writeValueAsString(value), PlainJson.compact(value));
        assertEquals(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value),
                PlainJson.indented(value));
    }

    @Test
    void plainValuesAreWrittenAsAnObjectMapperWritesThem() throws JsonProcessingException {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("text", "quote \" backslash \\ tab \t newline \n bell \u0007 non-ASCII \u00e9\u4e2d \ud83d\udd0b");
        inner.put("null", null);
        inner.put("empty map", Map.of());
        inner.put("empty list", List.of());
        inner.put("list", Arrays.asList(1, -2L, null, "x", true, false, 0.5, List.of(List.of()), Map.of("k", 1)));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("int", Integer.MIN_VALUE);
        doc.put("long", Long.MAX_VALUE);
        doc.put("big", new BigInteger("123456789012345678901234567890"));
        doc.put("doubles", List.of(1.0, -0.0, 1e-5, 1e16, 0.1 + 0.2, 2.5e-300, Double.MAX_VALUE, Double.NaN,
                Double.POSITIVE_INFINITY));
        doc.put("", inner);
        doc.put("nested", Map.of("a", Map.of("b", Map.of("c", List.of(Map.of())))));
        for (Object value : new Object[]{doc, inner, List.of(), Map.of(), "top", 3, null, 2.0}) {
            assertSameAsObjectMapper(value);
        }
    }

    @Test
    void whatInspectPrintsOfEveryTestFileIsWrittenAsAnObjectMapperWritesIt() throws IOException {
        List<Object> documents = new ArrayList<>();
        documents.add(Json.parse("{\"name\":\"x\",\"v\":[1,2.50,-3e-7,12345678901234567890123],\"o\":{}}"));
        for (String folder : new String[]{"hdf5", "variants"}) {
            try (var files = Files.list(Cli.testdata(folder))) {
                for (Path p : files.filter(f -> f.toString().endsWith(".h5")).sorted().toList()) {
                    Map<String, Object> doc = InspectCommand.of(p.toString(), true).document();
                    documents.add(doc);
                    documents.add(doc.get("metadata"));
                }
            }
        }
        assertTrue(documents.size() > 10, "test files found: " + documents.size());
        for (Object d : documents) {
            assertTrue(PlainJson.isPlain(d), String.valueOf(d));
            assertSameAsObjectMapper(d);
        }
    }

    @Test
    void otherValuesGoToAnObjectMapper() throws JsonProcessingException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("float", 1.5f);
        doc.put("array", new int[]{1, 2});
        assertFalse(PlainJson.isPlain(doc));
        assertFalse(PlainJson.isPlain(Map.of(1, "not a text key")));
        assertSameAsObjectMapper(doc);
    }
}
