package io.battdat.api.metadata;

import io.battdat.api.BadFormatException;
import io.battdat.api.ErrorLocation;
import io.battdat.api.json.Json;
import io.battdat.api.json.JsonReadException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules the metadata models enforce whether they are read from JSON or built in code (required fields,
 * ranges, extra fields), and the errors they raise. Type coercion of JSON values (pydantic's lax mode) happens
 * while reading, in {@link Json#read}; the path Jackson reports while reading is put in front of the field a
 * model's builder complains about ({@code battery.anode} + {@code porosity}).
 */
final class Validation {
    private Validation() {
    }

    /** A rejected field. */
    static BadFormatException invalid(String path, String what) {
        return new InvalidField(path, what);
    }

    static String describe(Object v) {
        return v == null ? "null" : v instanceof String s ? "\"" + s + "\"" : v.toString();
    }

    private static String join(String prefix, String field) {
        if (field.isEmpty()) {
            return prefix;
        }
        return prefix.isEmpty() ? field : field.startsWith("[") ? prefix + field : prefix + "." + field;
    }

    /**
     * Reads one metadata model from JSON text; every error is a {@link BadFormatException} in plain words
     * (docs/format.md section 4.1 rules, the field's path in front).
     */
    static <T> T read(String text, Class<T> type) {
        if (looksLikePickle(text)) {
            throw new BadFormatException(ErrorLocation.NONE,
                    "battery metadata is not JSON (it looks like a Python pickle)", null);
        }
        try {
            return Json.read(text, type);
        } catch (JsonReadException e) {
            if (e.isSyntaxError()) {
                throw new BadFormatException(ErrorLocation.NONE, "battery metadata is not JSON: " + e.problem(), null);
            }
            if (e.getCause() instanceof InvalidField f) {
                throw new InvalidField(join(e.path(), f.field), f.what);
            }
            if (e.path().isEmpty() && e.problem().startsWith("must be an object")) {
                throw new BadFormatException(ErrorLocation.NONE, "battery metadata is not a JSON object"
                        + e.problem().substring("must be an object".length()), null);
            }
            throw new InvalidField(e.path(), e.problem());
        }
    }

    /**
     * Old writers stored Python objects pickled: protocol 0 starts a dict or list with {@code (dp} or {@code (lp},
     * protocol 2 and later with the byte 0x80 (read as that character, or as a replacement character when the
     * bytes were decoded as UTF-8).
     */
    private static boolean looksLikePickle(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return text.startsWith("(dp") || text.startsWith("(lp") || first == '\u0080'
                || (first == '\ufffd' && text.length() > 1 && text.charAt(1) <= 5);
    }

    /** Fails unless a required value is present; returns it. */
    static <T> T required(String field, T value) {
        if (value == null) {
            throw invalid(field, "field required");
        }
        return value;
    }

    /** Fails unless the value (when present) lies in [min, max]; NaN never does. */
    static void range(String field, Double value, double min, double max) {
        if (value != null && !(value >= min && value <= max)) {
            String bounds = max == Double.POSITIVE_INFINITY ? "greater than or equal to " + min
                    : "between " + min + " and " + max;
            throw invalid(field, "must be " + bounds + ", got " + value);
        }
    }

    /** Fails unless the value (when present) is at least 0; returns it. */
    static Double nonNegative(String field, Double value) {
        range(field, value, 0, Double.POSITIVE_INFINITY);
        return value;
    }

    /** Fails unless the value (when present) is a percentage, 0 to 100; returns it. */
    static Double percentage(String field, Double value) {
        range(field, value, 0, 100);
        return value;
    }

    /** An unmodifiable copy of a list whose elements must not be null; null stays null. */
    static <T> List<T> listWithoutNulls(String field, List<T> values) {
        if (values == null) {
            return null;
        }
        for (int i = 0; i < values.size(); i++) {
            required(field + "[" + i + "]", values.get(i));
        }
        return List.copyOf(values);
    }

    /**
     * An unmodifiable ordered copy of extra fields (null values allowed); a key that names a declared field is
     * an error, since it would be written twice.
     *
     * @param declared the model's declared fields
     */
    static Map<String, Object> frozenExtra(Map<String, Object> extra, DeclaredFields declared) {
        if (extra == null || extra.isEmpty()) {
            return Map.of();
        }
        for (String key : extra.keySet()) {
            if (key == null || declared.declares(key)) {
                throw invalid(String.valueOf(key), "is a declared field and cannot be an extra field");
            }
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        extra.forEach((k, v) -> copy.put(k, deepFrozen(v)));
        return Collections.unmodifiableMap(copy);
    }

    /** Nested maps and lists of an extra value copied into unmodifiable ones, so the model stays immutable. */
    private static Object deepFrozen(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, x) -> copy.put(String.valueOf(k), deepFrozen(x)));
            return Collections.unmodifiableMap(copy);
        }
        if (v instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l.size());
            l.forEach(x -> copy.add(deepFrozen(x)));
            return Collections.unmodifiableList(copy);
        }
        return v;
    }

    /** A rejected field; {@link #read} re-reports it under the path of the object being read. */
    static final class InvalidField extends BadFormatException {
        private static final long serialVersionUID = 1L;

        private final String field;
        private final String what;

        InvalidField(String field, String what) {
            super(ErrorLocation.NONE, "invalid battery metadata: " + (field.isEmpty() ? "" : field + ": ") + what,
                    null);
            this.field = field;
            this.what = what;
        }
    }
}
