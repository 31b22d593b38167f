package io.battdat.api.json;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSON as the battdat files hold it. {@link #parse} reads any document into plain ordered Java values (maps, lists,
 * strings, numbers, booleans, null) with jackson-core's streaming parser, which starts in a fraction of the time an
 * {@code ObjectMapper} needs, so opening a file stays cheap. {@link #read} binds a document to a model annotated for
 * jackson-databind with pydantic's lax rules, and {@link #write} / {@link #writeExcludingNulls} write plain values
 * or models compactly the way Python's pydantic {@code model_dump_json} does (no spaces, non-ASCII kept, floats in
 * Python's {@code repr} form, control characters escaped with lower-case hex digits). Every reading error says what
 * is wrong in plain words, without Jackson's terms.
 */
public final class Json {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final Pattern UNEXPECTED_CHARACTER = Pattern.compile("Unexpected character \\(.*?\\(code (\\d+)");
    private static final Pattern UNKNOWN_WORD = Pattern.compile("(?:Unrecognized|Non-standard) token '([^']*)'");
    private static final Pattern CONTROL_CHARACTER = Pattern.compile("Illegal unquoted character.*?code (\\d+)");

    private Json() {
    }

    /**
     * The value of a JSON document: {@code Map<String, Object>} (insertion-ordered), {@code List<Object>},
     * {@code String}, {@code Long}/{@code BigInteger}, {@code Double}, {@code Boolean} or null.
     *
     * @throws IOException on malformed text or content after the value (a {@link JsonReadException} saying what
     *                     is wrong in plain words)
     */
    public static Object parse(String text) throws IOException {
        try (JsonParser p = FACTORY.createParser(text)) {
            Object value = read(p, firstToken(p));
            requireEnd(p);
            return value;
        } catch (StreamReadException e) {
            throw new JsonReadException("", syntaxProblem(e), true, e);
        }
    }

    /** The document's first token; an empty text is an error. */
    private static JsonToken firstToken(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            throw new JsonReadException("", "the text is empty", true, null);
        }
        return t;
    }

    /** Fails when anything but white space follows the value just read. */
    private static void requireEnd(JsonParser p) throws IOException {
        if (p.nextToken() != null) {
            JsonLocation at = p.currentTokenLocation();
            throw new JsonReadException("", "there is more text after the JSON value (line " + at.getLineNr()
                    + ", column " + at.getColumnNr() + ")", true, null);
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

    /**
     * Compact JSON of a value, as pydantic writes it: plain values (maps keep their order), or a model bound with
     * Jackson annotations, every field written and nulls included. NaN and infinities become null.
     */
    public static String write(Object value) {
        return write(Mappers.ALL_FIELDS, value);
    }

    /**
     * Compact JSON of a model as pydantic's {@code exclude_none} writes it: fields holding null are left out (at
     * every level of the model; values inside free-form maps are written as they are).
     */
    public static String writeExcludingNulls(Object value) {
        return write(Mappers.WITHOUT_NULLS, value);
    }

    private static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON", e);
        }
    }

    /**
     * Reads JSON text into a type bound with Jackson annotations, with pydantic's lax rules for scalars
     * (docs/format.md section 4.1):
     * floats accept integers and numeric strings, integers accept integral floats and numeric strings, booleans
     * accept 0/1 and yes/no words, dates accept {@code YYYY-MM-DD} and midnight UNIX times, strings reject numbers.
     *
     * @throws JsonReadException with the path of the offending value and what is wrong, in plain words; a model's
     *                           own validation error is its cause
     */
    public static <T> T read(String text, Class<T> type) throws JsonReadException {
        JsonParser p = null;
        try {
            p = Mappers.ALL_FIELDS.createParser(text);
            firstToken(p);
            T value = Mappers.ALL_FIELDS.readerFor(type).readValue(p);
            requireEnd(p);
            return value;
        } catch (JsonReadException e) {
            throw e;
        } catch (IOException e) {
            throw plainWords(e, p);
        } finally {
            if (p != null) {
                try {
                    p.close();
                } catch (IOException ignored) {
                    // a parser over a String holds nothing to release
                }
            }
        }
    }

    /** A Jackson error as a reader of the file would put it: where, and what is wrong, without Jackson's terms. */
    private static JsonReadException plainWords(IOException e, JsonParser p) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamReadException syntax) {
                return new JsonReadException("", syntaxProblem(syntax), true, null);
            }
        }
        if (!(e instanceof DatabindException bound)) {
            return new JsonReadException("", "cannot be read", false, e);
        }
        String path = path(bound);
        Throwable rejected = e;
        while (rejected.getCause() != null && rejected instanceof DatabindException) {
            rejected = rejected.getCause();
        }
        if (!(rejected instanceof IOException)) {
            // the model's own validation (a builder or a creator refused the value)
            return new JsonReadException(path, String.valueOf(rejected.getMessage()), false, rejected);
        }
        if (rejected instanceof PydanticValues.Rejected r) {
            return new JsonReadException(path, r.getOriginalMessage(), false, null);
        }
        if (rejected instanceof InvalidNullException) {
            return new JsonReadException(path, "must not be null", false, null);
        }
        if (rejected instanceof MismatchedInputException m) {
            return new JsonReadException(path, "must be " + expected(m.getTargetType()) + ", got "
                    + PydanticValues.describe(p), false, null);
        }
        return new JsonReadException(path, "is not valid here", false, null);
    }

    private static String path(DatabindException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : ((JsonMappingException) e).getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        return type.isEnum() ? "one of the known names" : "an object";
    }

    private static String syntaxProblem(StreamReadException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        if (e instanceof JsonEOFException) {
            return "the text ends before the JSON value is complete" + where;
        }
        // Jackson's wording names its own types; only the offending character or word is taken from it
        String jackson = String.valueOf(e.getOriginalMessage());
        Matcher m = UNEXPECTED_CHARACTER.matcher(jackson);
        if (m.find()) {
            int code = Integer.parseInt(m.group(1));
            return "unexpected character " + shown(code) + where;
        }
        m = UNKNOWN_WORD.matcher(jackson);
        if (m.find()) {
            return "unknown word '" + m.group(1) + "'" + where;
        }
        m = CONTROL_CHARACTER.matcher(jackson);
        if (m.find()) {
            return "a control character (code " + m.group(1) + ") inside a string must be escaped" + where;
        }
        return "it is not well-formed JSON" + where;
    }

    private static String shown(int code) {
        return code < 0x20 || code == 0x7f ? "with code " + code : "'" + new String(Character.toChars(code)) + "'";
    }

    /**
     * The two mappers, made on first use: reading plain values with {@link #parse} does not pay for them. Only
     * members annotated for Jackson are bound ({@code @JsonProperty}, any-getters and -setters), named in
     * snake_case unless the annotation names them.
     */
    private static final class Mappers {
        static final ObjectMapper ALL_FIELDS = JsonMapper.builder()
                .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                // pydantic (serde_json) escapes control characters with lower-case hex digits
                .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
                .addModule(PydanticValues.module())
                .build();
        static final ObjectMapper WITHOUT_NULLS = ALL_FIELDS.copy().setDefaultPropertyInclusion(
                JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.USE_DEFAULTS));

        private Mappers() {
        }
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
