package io.battdat.api.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scalars as pydantic reads and writes them (docs/format.md section 4.1). Reading is "lax": floats accept integers and
 * numeric
 * strings, integers accept integral floats and numeric strings, booleans accept 0/1 and yes/no words, dates accept
 * {@code YYYY-MM-DD} and midnight UNIX times, but strings reject numbers. Writing prints floats in Python's
 * {@code repr} form (NaN and infinities as null) and dates as {@code YYYY-MM-DD}.
 */
final class PydanticValues {
    private static final Pattern FLOAT_TEXT = Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");
    private static final Pattern SPECIAL_FLOAT_TEXT = Pattern.compile("[+-]?(?:inf|infinity|nan)",
            Pattern.CASE_INSENSITIVE);
    // pydantic strips zeros after a decimal point before parsing an int ("3.0" is 3, "3.5" is an error)
    private static final Pattern INT_TEXT = Pattern.compile("([+-]?\\d+)(?:\\.0*)?");
    private static final Pattern DATE_TEXT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    // pydantic reads numbers above this as milliseconds rather than seconds
    private static final double MS_THRESHOLD = 2e10;

    private PydanticValues() {
    }

    /** The serializers and lax deserializers, for a mapper that reads and writes battdat's JSON. */
    static SimpleModule module() {
        SimpleModule m = new SimpleModule("battdat-pydantic-values");
        m.addSerializer(Double.class, new PythonFloat());
        m.addSerializer(Float.class, new PythonFloat());
        m.addSerializer(LocalDate.class, ToStringSerializer.instance);
        m.addDeserializer(Double.class, new LaxFloat());
        m.addDeserializer(Integer.class, new LaxInt());
        m.addDeserializer(Boolean.class, new LaxBool());
        m.addDeserializer(boolean.class, new LaxBool());
        m.addDeserializer(String.class, new StrictString());
        m.addDeserializer(LocalDate.class, new LaxDate());
        return m;
    }

    /** A value this module rejected; its message is already in plain words. */
    static final class Rejected extends JsonMappingException {
        private static final long serialVersionUID = 1L;

        Rejected(JsonParser p, String what) {
            super(p, what);
        }
    }

    /** The value under the parser, as a reader would recognise it in the file. */
    static String describe(JsonParser p) {
        JsonToken t = p == null ? null : p.currentToken();
        if (t == null) {
            return "nothing";
        }
        try {
            return switch (t) {
                case START_ARRAY -> "a list";
                case START_OBJECT -> "an object";
                case VALUE_STRING -> "\"" + p.getText() + "\"";
                case VALUE_NULL -> "null";
                default -> p.getText();
            };
        } catch (IOException e) {
            return "a value that cannot be shown";
        }
    }

    private static Rejected rejected(JsonParser p, String expected) {
        return new Rejected(p, "must be " + expected + ", got " + describe(p));
    }

    private static final class PythonFloat extends JsonSerializer<Number> {
        @Override
        public void serialize(Number value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            double d = value.doubleValue();
            if (Double.isFinite(d)) {
                gen.writeNumber(Json.pythonRepr(d));
            } else {
                gen.writeNull();
            }
        }
    }

    private static final class LaxFloat extends JsonDeserializer<Double> {
        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                return p.getDoubleValue();
            }
            if (t == JsonToken.VALUE_STRING) {
                String s = p.getText().strip();
                if (FLOAT_TEXT.matcher(s).matches()) {
                    return Double.parseDouble(s);
                }
                if (SPECIAL_FLOAT_TEXT.matcher(s).matches()) {
                    String lower = s.toLowerCase(Locale.ROOT);
                    return lower.endsWith("nan") ? Double.NaN
                            : lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                }
            }
            throw rejected(p, "a number");
        }
    }

    private static final class LaxInt extends JsonDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            BigInteger i = null;
            if (t == JsonToken.VALUE_NUMBER_INT) {
                i = p.getBigIntegerValue();
            } else if (t == JsonToken.VALUE_NUMBER_FLOAT) {
                double d = p.getDoubleValue();
                if (Double.isFinite(d) && d == Math.rint(d)) {
                    i = new BigDecimal(d).toBigIntegerExact();
                }
            } else if (t == JsonToken.VALUE_STRING) {
                Matcher m = INT_TEXT.matcher(p.getText().strip());
                if (m.matches()) {
                    i = new BigInteger(m.group(1));
                }
            }
            if (i == null) {
                throw rejected(p, "an integer");
            }
            if (i.bitLength() > 31) {
                throw new Rejected(p, "must be an integer that fits 32 bits, got " + i);
            }
            return i.intValue();
        }
    }

    private static final class LaxBool extends JsonDeserializer<Boolean> {
        @Override
        public Boolean deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
                return t == JsonToken.VALUE_TRUE;
            }
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                double d = p.getDoubleValue();
                if (d == 0 || d == 1) {
                    return d == 1;
                }
            } else if (t == JsonToken.VALUE_STRING) {
                switch (p.getText().strip().toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "1", "on", "t", "y" -> {
                        return true;
                    }
                    case "false", "no", "0", "off", "f", "n" -> {
                        return false;
                    }
                    default -> { }
                }
            }
            throw rejected(p, "a boolean");
        }
    }

    private static final class StrictString extends JsonDeserializer<String> {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                return p.getText();
            }
            throw rejected(p, "a string");
        }
    }

    private static final class LaxDate extends JsonDeserializer<LocalDate> {
        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_STRING) {
                String s = p.getText().strip();
                if (DATE_TEXT.matcher(s).matches()) {
                    try {
                        return LocalDate.parse(s);
                    } catch (DateTimeException e) {
                        throw rejected(p, "a valid date YYYY-MM-DD");
                    }
                }
                if (FLOAT_TEXT.matcher(s).matches()) {
                    return epochDate(Double.parseDouble(s), p);
                }
            } else if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                return epochDate(p.getDoubleValue(), p);
            }
            throw rejected(p, "a date YYYY-MM-DD");
        }

        private static LocalDate epochDate(double value, JsonParser p) throws IOException {
            double seconds = Math.abs(value) > MS_THRESHOLD ? value / 1000 : value;
            if (!Double.isFinite(seconds) || seconds % 86_400 != 0) {
                throw new Rejected(p, "a UNIX time given for a date must be a midnight, got " + describe(p));
            }
            try {
                return LocalDate.ofEpochDay((long) (seconds / 86_400));
            } catch (DateTimeException e) {
                throw new Rejected(p, "date out of range: " + describe(p));
            }
        }
    }
}
