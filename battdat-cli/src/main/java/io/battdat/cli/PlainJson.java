package io.battdat.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Writes plain values (maps with text keys, lists, text, whole numbers, floats, booleans, null) exactly as a default
 * {@code ObjectMapper} writes them, with jackson-core's generator alone. {@code battdat inspect} prints only such
 * values; an {@code ObjectMapper} builds its serializers by reflection the first time it writes, which was the last
 * step of inspect's start-up. Any other value is handed to an {@code ObjectMapper}, so the text never differs.
 */
final class PlainJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private PlainJson() {
    }

    /** Compact JSON of {@code value}, as {@code new ObjectMapper().writeValueAsString(value)}. */
    static String compact(Object value) throws JsonProcessingException {
        return write(value, false);
    }

    /** Indented JSON of {@code value}, as an {@code ObjectMapper} with {@code INDENT_OUTPUT} writes it. */
    static String indented(Object value) throws JsonProcessingException {
        return write(value, true);
    }

    private static String write(Object value, boolean indent) throws JsonProcessingException {
        if (!isPlain(value)) {
            ObjectMapper mapper = new ObjectMapper();
            return (indent ? mapper.enable(SerializationFeature.INDENT_OUTPUT) : mapper).writeValueAsString(value);
        }
        StringWriter text = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(text)) {
            if (indent) {
                g.useDefaultPrettyPrinter();
            }
            writeValue(g, value);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            // a StringWriter does not fail
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** Whether every value inside {@code value} is one {@link #writeValue} writes as an ObjectMapper would. */
    static boolean isPlain(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof BigInteger || value instanceof Double) {
            return true;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String) || !isPlain(e.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof List<?> list) {
            for (Object v : list) {
                if (!isPlain(v)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static void writeValue(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Integer || value instanceof Long) {
            g.writeNumber(((Number) value).longValue());
        } else if (value instanceof BigInteger b) {
            g.writeNumber(b);
        } else if (value instanceof Double d) {
            g.writeNumber(d);
        } else if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName((String) e.getKey());
                writeValue(g, e.getValue());
            }
            g.writeEndObject();
        } else {
            g.writeStartArray();
            for (Object v : (List<?>) value) {
                writeValue(g, v);
            }
            g.writeEndArray();
        }
    }
}
