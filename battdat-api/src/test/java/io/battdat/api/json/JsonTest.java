package io.battdat.api.json;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Plain values written as pydantic writes them, and reading errors in plain words. */
class JsonTest {
    @Test
    void plainValuesAreWrittenCompactlyWithPythonFloats() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("z", 1.0);
        m.put("a", Arrays.asList(1, 2L, new BigInteger("123456789012345678901234567890"), null, true, 1e-7, 1e16,
                Double.NaN, Double.NEGATIVE_INFINITY, -0.0, 0.1f));
        m.put("s", "Z\u00fcrich \u2713 \"q\" \\ / \n\r\t\b\f\u0001\u001f\u007f");
        m.put("d", LocalDate.of(2016, 3, 31));
        m.put("n", null);
        m.put("e", Map.of());
        assertEquals("{\"z\":1.0,\"a\":[1,2,123456789012345678901234567890,null,true,1e-07,1e+16,null,null,-0.0,"
                + "0.10000000149011612],\"s\":\"Z\u00fcrich \u2713 \\\"q\\\" \\\\ / \\n\\r\\t\\b\\f\\u0001\\u001f\u007f\","
                + "\"d\":\"2016-03-31\",\"n\":null,\"e\":{}}", Json.write(m));
        assertEquals("\"x\"", Json.write("x"));
        assertEquals("null", Json.write(null));
    }

    @Test
    void parseErrorsArePlainWords() {
        for (String bad : List.of("", "{", "{\"a\":1} 2", "{'a':1}", "[1,]", "nul")) {
            IOException e = assertThrows(IOException.class, () -> Json.parse(bad));
            assertFalse(e.getMessage().contains("REDACTED") || e.getMessage().contains("`"), e.getMessage());
        }
        assertEquals("there is more text after the JSON value (line 1, column 9)",
                assertThrows(JsonReadException.class, () -> Json.parse("{\"a\":1} 2")).getMessage());
    }
}
