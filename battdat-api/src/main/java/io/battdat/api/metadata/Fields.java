package io.battdat.api.metadata;

import io.battdat.api.BadFormatException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one JSON object of a metadata model with pydantic's lax rules (docs/format.md section 4.1): floats accept
 * integers and numeric strings, integers accept integral floats and numeric strings, booleans accept 0/1 and yes/no
 * words, strings reject numbers. Every error names the field's path ({@code battery.anode.porosity}).
 *
 * <p>Type coercion happens here; range and required-field rules live in the model constructors so that models
 * built in code obey them too. {@link #construct} puts the path of the object being read in front of the field
 * a constructor complains about.
 */
final class Fields {
    private static final Pattern FLOAT_TEXT = Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");
    private static final Pattern SPECIAL_FLOAT_TEXT = Pattern.compile("[+-]?(?:inf|infinity|nan)",
            Pattern.CASE_INSENSITIVE);
    // pydantic strips zeros after a decimal point before parsing an int ("3.0" is 3, "3.5" is an error)
    private static final Pattern INT_TEXT = Pattern.compile("([+-]?\\d+)(?:\\.0*)?");
    private static final Pattern DATE_TEXT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.\\-]*):(.*)", Pattern.DOTALL);
    private static final Map<String, Integer> SPECIAL_SCHEMES = Map.of("http", 80, "https", 443, "ws", 80,
            "wss", 443, "ftp", 21, "file", -1);
    // pydantic reads numbers above this as milliseconds rather than seconds
    private static final double MS_THRESHOLD = 2e10;

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
        return join(path, key);
    }

    private static String join(String prefix, String field) {
        return prefix.isEmpty() ? field : field.startsWith("[") ? prefix + field : prefix + "." + field;
    }

    static BadFormatException invalid(String path, String what) {
        return new InvalidField(path, what);
    }

    /**
     * Runs a model constructor; a field it rejects is reported under the path of the object being read
     * ({@code anode} + {@code porosity} = {@code battery.anode.porosity}).
     */
    static <T> T construct(String path, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (InvalidField e) {
            throw new InvalidField(join(path, e.field), e.what);
        }
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

    /** A {@code str or null} field. */
    String str(String key) {
        Object v = map.get(key);
        return v == null ? null : string(v, at(key));
    }

    /** A {@code str} field without a null option: missing gives the default, null is an error. */
    String nonNullStr(String key, String missing) {
        if (!map.containsKey(key)) {
            return missing;
        }
        return string(map.get(key), at(key));
    }

    /** A required {@code str} field. */
    String requiredStr(String key) {
        if (!map.containsKey(key)) {
            throw invalid(at(key), "field required");
        }
        return string(map.get(key), at(key));
    }

    /** A {@code float or null} field: numbers, and strings holding a number. */
    Double dbl(String key) {
        Object v = map.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n && !(v instanceof Boolean)) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            String t = s.strip();
            if (FLOAT_TEXT.matcher(t).matches()) {
                return Double.parseDouble(t);
            }
            if (SPECIAL_FLOAT_TEXT.matcher(t).matches()) {
                String lower = t.toLowerCase(Locale.ROOT);
                return lower.endsWith("nan") ? Double.NaN
                        : lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
        }
        throw invalid(at(key), "must be a number, got " + describe(v));
    }

    /** An {@code int or null} field: integers, integral floats, and strings holding an integer. */
    Integer integer(String key) {
        Object v = map.get(key);
        if (v == null) {
            return null;
        }
        BigInteger i = null;
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            i = BigInteger.valueOf(((Number) v).longValue());
        } else if (v instanceof BigInteger b) {
            i = b;
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isFinite(d) && d == Math.rint(d)) {
                i = new BigDecimal(d).toBigIntegerExact();
            }
        } else if (v instanceof String s) {
            Matcher m = INT_TEXT.matcher(s.strip());
            if (m.matches()) {
                i = new BigInteger(m.group(1));
            }
        }
        if (i == null) {
            throw invalid(at(key), "must be an integer, got " + describe(v));
        }
        if (i.bitLength() > 31) {
            throw invalid(at(key), "must be an integer that fits 32 bits, got " + i);
        }
        return i.intValue();
    }

    /** A {@code bool or null} field. */
    Boolean bool(String key) {
        Object v = map.get(key);
        return v == null ? null : bool(v, at(key));
    }

    /** A {@code bool} field without a null option: missing gives the default, null is an error. */
    boolean nonNullBool(String key, boolean missing) {
        return map.containsKey(key) ? bool(map.get(key), at(key)) : missing;
    }

    private static boolean bool(Object v, String path) {
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
        throw invalid(path, "must be a boolean, got " + describe(v));
    }

    /** A {@code date or null} field: {@code YYYY-MM-DD}, or a UNIX time at midnight UTC (seconds or ms). */
    LocalDate date(String key) {
        Object v = map.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            String t = s.strip();
            if (DATE_TEXT.matcher(t).matches()) {
                try {
                    return LocalDate.parse(t);
                } catch (DateTimeException e) {
                    throw invalid(at(key), "must be a valid date YYYY-MM-DD, got " + describe(v));
                }
            }
            if (FLOAT_TEXT.matcher(t).matches()) {
                return epochDate(Double.parseDouble(t), key, v);
            }
        } else if (v instanceof Number n && !(v instanceof Boolean)) {
            return epochDate(n.doubleValue(), key, v);
        }
        throw invalid(at(key), "must be a date YYYY-MM-DD, got " + describe(v));
    }

    private LocalDate epochDate(double value, String key, Object v) {
        double seconds = Math.abs(value) > MS_THRESHOLD ? value / 1000 : value;
        if (!Double.isFinite(seconds) || seconds % 86_400 != 0) {
            throw invalid(at(key), "a UNIX time given for a date must be a midnight, got " + describe(v));
        }
        try {
            return LocalDate.ofEpochDay((long) (seconds / 86_400));
        } catch (DateTimeException e) {
            throw invalid(at(key), "date out of range: " + describe(v));
        }
    }

    /** A nested model or null. */
    <T> T object(String key, BiFunction<Fields, String, T> parser) {
        Object v = map.get(key);
        return v == null ? null : parser.apply(of(v, at(key)), at(key));
    }

    /** A {@code list or null} field, element by element. */
    <T> List<T> list(String key, BiFunction<Object, String, T> element) {
        Object v = map.get(key);
        return v == null ? null : listOf(v, at(key), element);
    }

    /** A {@code list} field without a null option: missing gives an empty list, null is an error. */
    <T> List<T> nonNullList(String key, BiFunction<Object, String, T> element) {
        return map.containsKey(key) ? listOf(map.get(key), at(key), element) : List.of();
    }

    private static <T> List<T> listOf(Object v, String path, BiFunction<Object, String, T> element) {
        if (!(v instanceof List<?> l)) {
            throw invalid(path, "must be a list, got " + describe(v));
        }
        List<T> out = new ArrayList<>(l.size());
        for (int i = 0; i < l.size(); i++) {
            out.add(element.apply(l.get(i), path + "[" + i + "]"));
        }
        return Collections.unmodifiableList(out);
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

    /**
     * An unmodifiable ordered copy of extra fields (null values allowed); a key that names a declared field is
     * an error, since it would be written twice.
     */
    static Map<String, Object> frozen(Map<String, Object> extra, Set<String> declared) {
        if (extra == null || extra.isEmpty()) {
            return Map.of();
        }
        for (String key : extra.keySet()) {
            if (key == null || declared.contains(key)) {
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

    /** Fails unless a required value is present. */
    static void required(String field, Object value) {
        if (value == null) {
            throw invalid(field, "field required");
        }
    }

    /** Fails unless the value (when present) lies in [min, max]; NaN never does. */
    static void range(String field, Double value, double min, double max) {
        if (value != null && !(value >= min && value <= max)) {
            String bounds = max == Double.POSITIVE_INFINITY ? "greater than or equal to " + min
                    : "between " + min + " and " + max;
            throw invalid(field, "must be " + bounds + ", got " + value);
        }
    }

    static String string(Object v, String path) {
        if (!(v instanceof String s)) {
            throw invalid(path, "must be a string, got " + describe(v));
        }
        return s;
    }

    /** A list element that must be a string. */
    static String listString(Object v, String path) {
        return string(v, path);
    }

    /**
     * A URL as pydantic's {@code AnyUrl} normalises it: absolute, scheme lower-cased; for the special schemes
     * (http, https, ws, wss, ftp, file) the host is lower-cased (and converted to ASCII), a default port is
     * dropped, an empty path becomes {@code /}, {@code .} and {@code ..} segments are resolved and characters a
     * URL cannot hold are percent-encoded. Other schemes ({@code doi:10.1/x}) stay as written.
     */
    static String url(Object v, String path) {
        String s = string(v, path).strip();
        Matcher m = SCHEME.matcher(s);
        if (!m.matches()) {
            throw invalid(path, "must be an absolute URL with a scheme, got " + describe(v));
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        String rest = m.group(2);
        Integer defaultPort = SPECIAL_SCHEMES.get(scheme);
        if (defaultPort == null) {
            return scheme + ":" + rest;
        }
        int start = 0;
        if (scheme.equals("file")) {
            // file URLs: "//" opens an (often empty) host; without it the whole rest is the path
            start = rest.startsWith("//") || rest.startsWith("\\\\") ? 2 : -1;
        } else {
            while (start < rest.length() && (rest.charAt(start) == '/' || rest.charAt(start) == '\\')) {
                start++;
            }
        }
        rest = start < 0 ? rest : rest.substring(start);
        int end = start < 0 ? 0 : indexOfAny(rest, "/\\?#");
        String authority = end < 0 ? rest : rest.substring(0, end);
        String tail = end < 0 ? "" : rest.substring(end);

        int at = authority.lastIndexOf('@');
        String userInfo = authority.substring(0, at + 1);
        String hostPort = authority.substring(at + 1);
        int colon = hostPort.startsWith("[") ? hostPort.indexOf(':', Math.max(0, hostPort.indexOf(']')))
                : hostPort.lastIndexOf(':');
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        String port = colon < 0 ? "" : hostPort.substring(colon + 1);
        host = host(host, scheme, path, v);
        if (!port.isEmpty()) {
            if (!port.chars().allMatch(Character::isDigit) || port.length() > 5 || Integer.parseInt(port) > 65_535) {
                throw invalid(path, "must be a URL with a valid port, got " + describe(v));
            }
            port = Integer.parseInt(port) == defaultPort ? "" : ":" + Integer.parseInt(port);
        }

        int q = indexOfAny(tail, "?#");
        String pathPart = (q < 0 ? tail : tail.substring(0, q)).replace('\\', '/');
        String after = q < 0 ? "" : tail.substring(q);
        int hash = after.indexOf('#');
        String query = hash < 0 ? after : after.substring(0, hash);
        String fragment = hash < 0 ? "" : after.substring(hash);
        String cleanPath = percentEncode(removeDotSegments(pathPart.isEmpty() ? "/" : pathPart), " \"<>`{}#?");
        return scheme + "://" + userInfo + host + port + cleanPath + percentEncode(query, " \"<>'#")
                + (fragment.isEmpty() ? "" : "#" + percentEncode(fragment.substring(1), " \"<>`"));
    }

    private static String host(String host, String scheme, String path, Object v) {
        if (host.isEmpty()) {
            if (scheme.equals("file")) {
                return "";
            }
            throw invalid(path, "must be a URL with a host, got " + describe(v));
        }
        String ascii;
        try {
            ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            throw invalid(path, "must be a URL with a valid host, got " + describe(v));
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (" <>^|%\"`{}\\".indexOf(ascii.charAt(i)) >= 0 || ascii.charAt(i) < 0x20) {
                throw invalid(path, "must be a URL with a valid host, got " + describe(v));
            }
        }
        return ascii.toLowerCase(Locale.ROOT);
    }

    private static String removeDotSegments(String path) {
        if (!path.contains("/.") && !path.equals(".")) {
            return path;
        }
        List<String> out = new ArrayList<>();
        String[] segments = path.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            String seg = segments[i];
            boolean last = i == segments.length - 1;
            if (seg.equals("..")) {
                if (!out.isEmpty()) {
                    out.remove(out.size() - 1);
                }
                if (last) {
                    out.add("");
                }
            } else if (seg.equals(".")) {
                if (last) {
                    out.add("");
                }
            } else {
                out.add(seg);
            }
        }
        return "/" + String.join("/", out);
    }

    private static String percentEncode(String s, String unsafe) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean encode = c < 0x20 || c >= 0x7f || unsafe.indexOf(c) >= 0;
            if (encode && sb == null) {
                sb = new StringBuilder(s.substring(0, i));
            }
            if (!encode) {
                if (sb != null) {
                    sb.append(c);
                }
                continue;
            }
            int cp = s.codePointAt(i);
            if (Character.charCount(cp) == 2) {
                i++;
            }
            for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                sb.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return sb == null ? s : sb.toString();
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

        /** Extra fields are written as given; like pydantic's exclude_none, a null extra is dropped too. */
        Map<String, Object> extras(Map<String, Object> extra) {
            for (Map.Entry<String, Object> e : extra.entrySet()) {
                if (e.getValue() != null || nulls) {
                    map.put(e.getKey(), e.getValue());
                }
            }
            return map;
        }
    }

    /** A rejected field; {@link #construct} re-reports it under the enclosing path. */
    static final class InvalidField extends BadFormatException {
        private static final long serialVersionUID = 1L;

        private final String field;
        private final String what;

        InvalidField(String field, String what) {
            super(null, null, "invalid battery metadata: " + (field.isEmpty() ? "" : field + ": ") + what);
            this.field = field;
            this.what = what;
        }
    }
}
