package io.battdat.hdf5.write;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Encodes plain data (maps with string keys, lists, strings, integers, floats, booleans, null) as a Python pickle of
 * protocol 0, the form PyTables gives non-string attributes such as battdat's {@code json_schema}
 * (docs/format.md section 2.3). Data only: no memo, no classes, nothing that runs code when unpickled.
 */
final class PickleProtocol0 {
    private PickleProtocol0() {
    }

    /** The pickle of {@code value}, ending with STOP; ASCII, as PyTables stores it. */
    static byte[] dumps(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        out.append('.');
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void write(StringBuilder out, Object value) {
        if (value == null) {
            out.append('N');
        } else if (value instanceof Boolean b) {
            out.append(b ? "I01\n" : "I00\n");
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            out.append('I').append(((Number) value).longValue()).append('\n');
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            out.append('F').append(Double.isNaN(d) ? "nan" : Double.isInfinite(d) ? (d > 0 ? "inf" : "-inf")
                    : io.battdat.api.json.Json.pythonRepr(d)).append('\n');
        } else if (value instanceof CharSequence s) {
            out.append('V');
            unicode(out, s.toString());
            out.append('\n');
        } else if (value instanceof Map<?, ?> m) {
            out.append("(d");
            for (Map.Entry<?, ?> e : m.entrySet()) {
                write(out, String.valueOf(e.getKey()));
                write(out, e.getValue());
                out.append('s');
            }
        } else if (value instanceof List<?> l) {
            out.append("(l");
            for (Object v : l) {
                write(out, v);
                out.append('a');
            }
        } else {
            throw new IllegalArgumentException("cannot pickle " + value.getClass().getName());
        }
    }

    /** Python's raw-unicode-escape, with the characters protocol 0 must escape. */
    private static void unicode(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\\' || cp == 0 || cp == '\n' || cp == '\r' || cp == 0x1a) {
                out.append(String.format("\\u%04x", cp));
            } else if (cp < 0x100) {
                out.append((char) cp);
            } else if (cp < 0x10000) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.append(String.format("\\U%08x", cp));
            }
        }
    }
}
