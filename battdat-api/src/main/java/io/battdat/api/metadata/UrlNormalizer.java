package io.battdat.api.metadata;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * URLs as pydantic's {@code AnyUrl} normalises them (docs/format.md section 4.1), so that a URL read from a file or
 * given in code is
 * written the way Python would write it.
 */
final class UrlNormalizer {
    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.\\-]*):(.*)", Pattern.DOTALL);
    private static final Map<String, Integer> SPECIAL_SCHEMES = Map.of("http", 80, "https", 443, "ws", 80,
            "wss", 443, "ftp", 21, "file", -1);

    private UrlNormalizer() {
    }

    /** Every URL of a list normalised, as an unmodifiable list; null stays null. */
    static List<String> normalizeAll(List<String> urls, String field) {
        if (urls == null) {
            return null;
        }
        List<String> out = new ArrayList<>(urls.size());
        for (int i = 0; i < urls.size(); i++) {
            out.add(normalize(urls.get(i), field + "[" + i + "]"));
        }
        return List.copyOf(out);
    }

    /**
     * A URL as pydantic's {@code AnyUrl} normalises it: absolute, scheme lower-cased; for the special schemes
     * (http, https, ws, wss, ftp, file) the host is lower-cased (and converted to ASCII), a default port is
     * dropped, an empty path becomes {@code /}, {@code .} and {@code ..} segments are resolved and characters a
     * URL cannot hold are percent-encoded. Other schemes ({@code doi:10.1/x}) stay as written.
     */
    static String normalize(String v, String path) {
        if (v == null) {
            throw Validation.invalid(path, "must be a URL, got null");
        }
        String s = v.strip();
        Matcher m = SCHEME.matcher(s);
        if (!m.matches()) {
            throw Validation.invalid(path, "must be an absolute URL with a scheme, got " + Validation.describe(v));
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
                throw Validation.invalid(path, "must be a URL with a valid port, got " + Validation.describe(v));
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

    private static String host(String host, String scheme, String path, String v) {
        if (host.isEmpty()) {
            if (scheme.equals("file")) {
                return "";
            }
            throw Validation.invalid(path, "must be a URL with a host, got " + Validation.describe(v));
        }
        String ascii;
        try {
            ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            throw Validation.invalid(path, "must be a URL with a valid host, got " + Validation.describe(v));
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (" <>^|%\"`{}\\".indexOf(ascii.charAt(i)) >= 0 || ascii.charAt(i) < 0x20) {
                throw Validation.invalid(path, "must be a URL with a valid host, got " + Validation.describe(v));
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
}
