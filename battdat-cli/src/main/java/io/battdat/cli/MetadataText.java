package io.battdat.cli;

import io.battdat.api.BadFormatException;
import io.battdat.api.BattdatException;
import io.battdat.api.ErrorLocation;
import io.battdat.api.metadata.BatteryMetadata;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Battery metadata text as the CLI meets it: in a file's root attribute or a {@code --metadata} file. Says what the
 * text is when it is not battdat's JSON (a pickled Python object written by another program, or malformed JSON) in
 * words, without the JSON library's internals, and finds keys the metadata model does not know.
 */
final class MetadataText {
    // PyTables stores an attribute it cannot write natively with pickle protocol 0 ("(dp0", "(lp0", "ccopy_reg");
    // newer protocols start with the PROTO opcode 0x80, which a UTF-8 decoder turns into U+FFFD
    private static final Pattern PICKLE = Pattern.compile("^(?:[\\u0080\\uFFFD]|\\((?:dp|lp|tp|i)\\d*\\R|c[\\w.]+\\R)");

    private MetadataText() {
    }

    /**
     * The metadata of {@code text}, or a {@link BadFormatException} naming {@code file} and {@code what} (e.g. "root
     * attribute 'metadata'") that says what the text is instead.
     */
    static BatteryMetadata parse(Path file, String what, String text) {
        try {
            return BatteryMetadata.fromJson(text);
        } catch (BattdatException e) {
            throw new BadFormatException(ErrorLocation.of(file), what + " " + problem(text, e), e);
        }
    }

    /** As {@link #parse(Path, String, String)}, for a path or URI as the user wrote it. */
    static BatteryMetadata parse(String location, String what, String text) {
        try {
            return parse(Locations.localPath(location), what, text);
        } catch (BattdatException e) {
            throw Locations.at(e, location);
        }
    }

    /** Why {@code text} is not battery metadata, as the end of a sentence ("is a pickled Python object, ..."). */
    static String problem(String text, Throwable e) {
        if (text != null && PICKLE.matcher(text).find()) {
            return "is a pickled Python object (written by another program, e.g. PyTables storing a Python dict),"
                    + " not JSON; have it written as JSON text, as the Python battery-data-toolkit does";
        }
        if (text == null || text.isBlank()) {
            return "is empty";
        }
        String json = CliErrors.jsonProblem(e);
        if (json != null) {
            return "is not JSON: " + json;
        }
        String raw = CliErrors.clean(e instanceof BattdatException b ? b.getRawMessage() : e.getMessage());
        return raw.startsWith("battery metadata ") ? raw.substring("battery metadata ".length()) : "is invalid: " + raw;
    }

    /**
     * Keys the metadata model does not know ({@code battery.nmae}), with the known key they most likely mean; they
     * are kept as extra fields, but a typo would otherwise go unnoticed.
     */
    static List<String> unknownKeys(BatteryMetadata m) {
        List<String> out = new ArrayList<>();
        List<String> known = knownTopLevel();
        add(out, "", m.extra(), known);
        if (m.battery() != null) {
            add(out, "battery.", m.battery().extra(), List.of());
            if (m.battery().anode() != null) {
                add(out, "battery.anode.", m.battery().anode().extra(), List.of());
            }
            if (m.battery().cathode() != null) {
                add(out, "battery.cathode.", m.battery().cathode().extra(), List.of());
            }
            if (m.battery().electrolyte() != null) {
                add(out, "battery.electrolyte.", m.battery().electrolyte().extra(), List.of());
            }
        }
        if (m.testProtocol() != null) {
            add(out, "test_protocol.", m.testProtocol().extra(), List.of());
        }
        if (m.modeling() != null) {
            add(out, "modeling.", m.modeling().extra(), List.of());
        }
        return out;
    }

    private static void add(List<String> out, String path, Map<String, Object> extra, List<String> known) {
        if (extra == null) {
            return;
        }
        for (String key : extra.keySet()) {
            String guess = closest(key, known);
            out.add("'" + path + key + "'" + (guess == null ? "" : " (did you mean '" + path + guess + "'?)"));
        }
    }

    /** The model's own top-level keys: those of an empty document written with its nulls. */
    private static List<String> knownTopLevel() {
        try {
            Object root = io.battdat.api.json.Json.parse(BatteryMetadata.defaults().toJson());
            return root instanceof Map<?, ?> map ? map.keySet().stream().map(String::valueOf).toList() : List.of();
        } catch (java.io.IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** The known key within two edits of {@code key}, or null. */
    private static String closest(String key, List<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String k : known) {
            int d = distance(key.toLowerCase(java.util.Locale.ROOT), k);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
