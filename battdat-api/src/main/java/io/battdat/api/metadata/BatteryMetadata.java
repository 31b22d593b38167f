package io.battdat.api.metadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.battdat.api.BadFormatException;

/**
 * The battery metadata document stored once per file (spec 3.2). PLACEHOLDER: the full typed model replaces
 * this class; its static factory and JSON methods keep these signatures.
 */
public final class BatteryMetadata {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final ObjectNode json;

    private BatteryMetadata(ObjectNode json) {
        this.json = json;
    }

    /** Parses the JSON stored in a file (with or without null fields). */
    public static BatteryMetadata fromJson(String text) {
        try {
            JsonNode n = MAPPER.readTree(text);
            if (n == null || !n.isObject()) {
                throw new BadFormatException(null, null, "battery metadata is not a JSON object");
            }
            return new BatteryMetadata((ObjectNode) n);
        } catch (JsonProcessingException e) {
            throw new BadFormatException(null, null, "battery metadata is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The cell name, or null. */
    public String name() {
        JsonNode n = json.get("name");
        return n == null || n.isNull() ? null : n.asText();
    }

    /** Full JSON, nulls included, as {@code to_hdf} writes it. */
    public String toJson() {
        return json.toString();
    }
}
