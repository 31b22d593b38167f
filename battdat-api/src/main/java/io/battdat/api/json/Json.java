package io.battdat.api.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON as the battdat files hold it: read into plain ordered Java values (maps, lists, strings, numbers,
 * booleans, null) with jackson-core's streaming parser, and written compactly the way Python's pydantic
 * {@code model_dump_json} writes it (no spaces, non-ASCII kept, floats in Python's {@code repr} form). Opening a
 * file parses JSON; the streaming parser starts in a fraction of the time an {@code ObjectMapper} needs.
 */
public final class Json {
    private static final JsonFactory FACTORY = new JsonFactory();

    private Json() {
    }

    /**
     * The value of a JSON document: {@code Map<String, Object>} (insertion-ordered), {@code List<Object>},
     * {@code String}, {@code Long}/{@code BigInteger}, {@code Double}, {@code Boolean} or null.
     *
     * @throws IOException on malformed text or content after the value
     */
    public static Object parse(String text) throws IOException {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new IOException("empty JSON text");
            }
            Object value = read(p, t);
            if (p.nextToken() != null) {
                throw new IOException("unexpected content after the JSON value at " + p.currentLocation());
            }
            return value;
        }
    }

    private static Object read(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String name = p.currentName();
                    map.put(name, read(p, p.nextToken()));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) {
                    list.add(read(p, v));
                }
                return list;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT -> {
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getBigIntegerValue() : p.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IOException("unexpected JSON token " + t + " at " + p.currentLocation());
        }
    }

    /** Compact JSON of a plain value, as pydantic writes it. Maps keep their order; NaN and infinities become null. */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            string(sb, s);
        } else if (v instanceof Boolean b) {
            sb.append(b);
        } else if (v instanceof Double || v instanceof Float) {
            sb.append(pythonRepr(((Number) v).doubleValue()));
        } else if (v instanceof Number n) {
            sb.append(n);
        } else if (v instanceof LocalDate d) {
            string(sb, d.toString());
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                string(sb, String.valueOf(e.getKey()));
                sb.append(':');
                write(sb, e.getValue());
            }
            sb.append('}');
        } else if (v instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                write(sb, l.get(i));
            }
            sb.append(']');
        } else {
            string(sb, v.toString());
        }
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /**
     * A float as Python's {@code repr} prints it: the shortest digits that read back to the same value, in
     * positional form for decimal exponents from -4 to 15 ({@code 0.037}, {@code 1.0}, {@code 1e-05},
     * {@code 1e+16}); NaN and infinities as {@code null}, as pydantic's JSON does.
     */
    public static String pythonRepr(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "null";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal bd = shortestDigits(Math.abs(d));
        String digits = bd.unscaledValue().toString();
        int decimalPoint = digits.length() - bd.scale(); // value = 0.digits x 10^decimalPoint
        String sign = d < 0 ? "-" : "";
        if (decimalPoint > -4 && decimalPoint <= 16) {
            if (decimalPoint <= 0) {
                return sign + "0." + "0".repeat(-decimalPoint) + digits;
            }
            if (decimalPoint >= digits.length()) {
                return sign + digits + "0".repeat(decimalPoint - digits.length()) + ".0";
            }
            return sign + digits.substring(0, decimalPoint) + "." + digits.substring(decimalPoint);
        }
        int exponent = decimalPoint - 1;
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "")
                + Math.abs(exponent);
    }

    /**
     * The shortest decimal that reads back as {@code d} (positive, finite). Java 19+ prints exactly that with
     * {@link Double#toString(double)}; Java 17 sometimes prints a digit or two too many (2.82879384806159E17 as
     * 2.82879384806159008E17), so the output is re-checked by rounding the exact value to fewer digits; the
     * nearest p-digit decimal is the one Python's repr would pick among p-digit candidates.
     */
    private static BigDecimal shortestDigits(double d) {
        BigDecimal printed = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        if (printed.precision() == 1) {
            return printed;
        }
        BigDecimal exact = new BigDecimal(d);
        for (int p = 1; p < printed.precision(); p++) {
            BigDecimal candidate = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == d) {
                return candidate.stripTrailingZeros();
            }
        }
        return printed;
    }

    /** A JSON integer value as a long (for BigInteger values in range). */
    public static Long asLong(Object v) {
        if (v instanceof BigInteger b) {
            return b.longValueExact();
        }
        return v instanceof Number n ? n.longValue() : null;
    }
}
