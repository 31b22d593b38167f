package io.battdat.api.metadata;

import io.battdat.api.BadFormatException;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Reads one JSON object of a metadata model with pydantic's lax rules (spec 3.1): floats accept integers and
 * numeric strings, integers accept integral floats and numeric strings, booleans accept 0/1 and yes/no words,
 * strings reject numbers. Every error names the field's path ({@code battery.anode.porosity}).
 */
final class Fields {
    private final Map<?, ?> map;
    private final String path;

    private Fields(Map<?, ?> map, String path) {
        this.map = map;
        this.path = path;
    }

    static Fields of(Object value, String path) {
        if (!(value instanceof Map<?, ?> m)) {
            throw invalid(path, "must be a JSON object, got " + describe(value));
        }
        return new Fields(m, path);
    }

    private String at(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static BadFormatException invalid(String path, String what) {
        return new BadFormatException(null, null, "invalid battery metadata: " + (path.isEmpty() ? "" : path + ": ")
                + what);
    }

    private static String describe(Object v) {
        return v == null ? "null" : v instanceof String s ? "\"" + s + "\"" : v.toString();
    }

    boolean has(String key) {
        return map.containsKey(key);
    }

    Object raw(String key) {
        return map.get(key);
    }

    String str(String key) {
        Object v = map.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw invalid(at(key), "must be a string, got " + describe(v));
        }
        return s;
    }

    String requiredStr(String key) {
        if (map.get(key) == null) {
            throw invalid(at(key), "field required");
        }
        return str(key);
    }

    Double dbl(String key, Double min, Double max) {
        Object v = map.get(key);
        if (v == null) {
            return null;
        }
        double d;
        if (v instanceof Number n && !(v instanceof Boolean)) {
            d = n.doubleValue();
        } else if (v instanceof String s) {
            try {
                d = Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                throw invalid(at(key), "must be a number, got " + describe(v));
            }
        } else {
            throw invalid(at(key), "must be a number, got " + describe(v));
        }
        if ((min != null && d < min) || (max != null && d > max)) {
            throw invalid(at(key), "must be within [" + (min == null ? "-inf" : min) + ", " + (max == null ? "inf" : max)
                    + "], got " + d);
        }
        return d;
    }

    Integer integer(String key, Integer exclusiveMin) {
        Object v = map.get(key);
        if (v == null) {
            return null;
        }
        BigDecimal d;
        try {
            d = v instanceof String s ? new BigDecimal(s.strip()) : v instanceof Number n && !(v instanceof Boolean)
                    ? new BigDecimal(n.toString()) : null;
        } catch (NumberFormatException e) {
            d = null;
        }
        if (d == null || d.stripTrailingZeros().scale() > 0) {
            throw invalid(at(key), "must be an integer, got " + describe(v));
        }
        int i = d.intValueExact();
        if (exclusiveMin != null && i <= exclusiveMin) {
            throw invalid(at(key), "must be greater than " + exclusiveMin + ", got " + i);
        }
        return i;
    }

    Boolean bool(String key) {
        Object v = map.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n && (n.doubleValue() == 0 || n.doubleValue() == 1)) {
            return n.doubleValue() == 1;
        }
        if (v instanceof String s) {
            switch (s.strip().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "1", "on", "t", "y" -> {
                    return true;
                }
                case "false", "no", "0", "off", "f", "n" -> {
                    return false;
                }
                default -> { }
            }
        }
        throw invalid(at(key), "must be a boolean, got " + describe(v));
    }

    LocalDate date(String key) {
        Object v = map.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            try {
                return LocalDate.parse(s.strip());
            } catch (DateTimeParseException e) {
                throw invalid(at(key), "must be a date YYYY-MM-DD, got " + describe(v));
            }
        }
        if (v instanceof Number n && !(v instanceof Boolean)) {
            return LocalDate.ofEpochDay(Math.floorDiv((long) n.doubleValue(), 86_400L));
        }
        throw invalid(at(key), "must be a date YYYY-MM-DD, got " + describe(v));
    }

    <T> T object(String key, BiFunction<Fields, String, T> parser) {
        Object v = map.get(key);
        return v == null ? null : parser.apply(of(v, at(key)), at(key));
    }

    <T> List<T> list(String key, BiFunction<Object, String, T> element) {
        Object v = map.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof List<?> l)) {
            throw invalid(at(key), "must be a list, got " + describe(v));
        }
        List<T> out = new ArrayList<>(l.size());
        for (int i = 0; i < l.size(); i++) {
            out.add(element.apply(l.get(i), at(key) + "[" + i + "]"));
        }
        return Collections.unmodifiableList(out);
    }

    /** An unmodifiable ordered copy of extra fields (null values allowed). */
    static Map<String, Object> frozen(Map<String, Object> extra) {
        return extra == null || extra.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    /** Unknown keys, kept in their order. */
    Map<String, Object> extras(Set<String> declared) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!declared.contains(String.valueOf(e.getKey()))) {
                out.put(String.valueOf(e.getKey()), e.getValue());
            }
        }
        return Collections.unmodifiableMap(out);
    }

    static String string(Object v, String path) {
        if (!(v instanceof String s)) {
            throw invalid(path, "must be a string, got " + describe(v));
        }
        return s;
    }

    /**
     * A URL as pydantic's {@code AnyUrl} normalises it: absolute, scheme and host lower-cased, an empty path of a
     * special scheme (http, https, ws, wss, ftp, file) becomes {@code /}.
     */
    static String url(Object v, String path) {
        String s = string(v, path).strip();
        URI uri;
        try {
            uri = new URI(s);
        } catch (URISyntaxException e) {
            throw invalid(path, "must be a URL, got " + describe(v));
        }
        if (uri.getScheme() == null || s.isEmpty()) {
            throw invalid(path, "must be an absolute URL with a scheme, got " + describe(v));
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.isOpaque()) {
            return scheme + s.substring(uri.getScheme().length());
        }
        String rest = s.substring(uri.getScheme().length() + 1);
        if (rest.startsWith("//")) {
            String authorityAndMore = rest.substring(2);
            int end = indexOfAny(authorityAndMore, "/?#");
            String authority = end < 0 ? authorityAndMore : authorityAndMore.substring(0, end);
            String tail = end < 0 ? "" : authorityAndMore.substring(end);
            int at = authority.lastIndexOf('@');
            String host = authority.substring(at + 1).toLowerCase(Locale.ROOT);
            authority = authority.substring(0, at + 1) + host;
            boolean special = Set.of("http", "https", "ws", "wss", "ftp", "file").contains(scheme);
            if (special && (tail.isEmpty() || tail.startsWith("?") || tail.startsWith("#"))) {
                tail = "/" + tail;
            }
            return scheme + "://" + authority + tail;
        }
        return scheme + ":" + rest;
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** Builds the JSON map of a model: declared fields (nulls kept or dropped), then extras. */
    static final class Out {
        private final Map<String, Object> map = new LinkedHashMap<>();
        private final boolean nulls;

        Out(boolean nulls) {
            this.nulls = nulls;
        }

        Out put(String key, Object value) {
            if (value != null || nulls) {
                map.put(key, value);
            }
            return this;
        }

        Map<String, Object> extras(Map<String, Object> extra) {
            for (Map.Entry<String, Object> e : extra.entrySet()) {
                if (e.getValue() != null || nulls) {
                    map.put(e.getKey(), e.getValue());
                }
            }
            return map;
        }
    }
}
