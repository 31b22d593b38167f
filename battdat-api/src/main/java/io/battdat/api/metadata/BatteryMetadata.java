package io.battdat.api.metadata;

import io.battdat.api.BadFormatException;
import io.battdat.api.json.Json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The battery metadata document stored once per file (spec 3.2), immutable. Unknown fields (at every level) are
 * kept and written back after the declared ones. Read with {@link #fromJson(String)}, which accepts both JSON
 * flavours battdat writes (nulls present or left out); write with {@link #toJson()} (nulls included, as
 * {@code to_hdf} writes) or {@link #toJsonExcludingNulls()} (as the streaming writer and Parquet write).
 *
 * @param name          free-form cell name
 * @param comments      long free text about the test
 * @param version       version of battdat whose model created the document
 * @param isMeasurement true for observed data, false for simulation
 * @param testProtocol  how the cell was cycled
 * @param battery       the battery
 * @param modeling      the model behind simulated data
 * @param source        organisation that produced the data
 * @param datasetName   larger collection the data belongs to
 * @param authors       authors as [name, affiliation] pairs
 * @param associatedIds related DOIs or pages (normalised URLs)
 * @param extra         unknown fields in order
 */
public record BatteryMetadata(String name, String comments, String version, boolean isMeasurement,
                              CyclingProtocol testProtocol, BatteryDescription battery, ModelMetadata modeling,
                              String source, String datasetName, List<List<String>> authors,
                              List<String> associatedIds, Map<String, Object> extra) {

    /** The Python toolkit version whose format this library follows; the default {@link #version()}. */
    public static final String CURRENT_VERSION = "0.4.6";

    private static final Set<String> FIELDS = Set.of("name", "comments", "version", "is_measurement",
            "test_protocol", "battery", "modeling", "source", "dataset_name", "authors", "associated_ids");

    public BatteryMetadata {
        if (version == null) {
            version = CURRENT_VERSION;
        }
        if (authors != null) {
            List<List<String>> copy = new ArrayList<>();
            for (List<String> a : authors) {
                if (a == null || a.size() != 2) {
                    throw Fields.invalid("authors", "each author must be [name, affiliation], got " + a);
                }
                copy.add(List.copyOf(a));
            }
            authors = List.copyOf(copy);
        }
        associatedIds = associatedIds == null ? null : List.copyOf(associatedIds);
        extra = Fields.frozen(extra);
    }

    /** Empty metadata: current version, a measurement. */
    public static BatteryMetadata defaults() {
        return new BatteryMetadata(null, null, CURRENT_VERSION, true, null, null, null, null, null, null, null, Map.of());
    }

    /** A copy with another name. */
    public BatteryMetadata withName(String newName) {
        return new BatteryMetadata(newName, comments, version, isMeasurement, testProtocol, battery, modeling, source,
                datasetName, authors, associatedIds, extra);
    }

    /**
     * Parses metadata JSON with pydantic's lax rules (spec 3.1).
     *
     * @throws BadFormatException when the text is not JSON, not an object, or a field is invalid (the message
     *                            names the field's path)
     */
    public static BatteryMetadata fromJson(String text) {
        Object root;
        try {
            root = Json.parse(text);
        } catch (IOException e) {
            throw new BadFormatException(null, null, "battery metadata is not valid JSON: " + e.getMessage(), e);
        }
        if (!(root instanceof Map)) {
            throw new BadFormatException(null, null, "battery metadata is not a JSON object");
        }
        return parse(Fields.of(root, ""));
    }

    private static BatteryMetadata parse(Fields f) {
        Boolean measurement = f.bool("is_measurement");
        String version = f.has("version") ? f.str("version") : CURRENT_VERSION;
        return new BatteryMetadata(f.str("name"), f.str("comments"), version, measurement == null || measurement,
                f.object("test_protocol", CyclingProtocol::parse), f.object("battery", BatteryDescription::parse),
                f.object("modeling", ModelMetadata::parse), f.str("source"), f.str("dataset_name"),
                f.list("authors", BatteryMetadata::author), f.list("associated_ids", Fields::url), f.extras(FIELDS));
    }

    private static List<String> author(Object v, String path) {
        if (!(v instanceof List<?> l) || l.size() != 2) {
            throw Fields.invalid(path, "must be [name, affiliation], got " + v);
        }
        return List.of(Fields.string(l.get(0), path + "[0]"), Fields.string(l.get(1), path + "[1]"));
    }

    /** Compact JSON with every field, nulls included (what {@code BatteryDataset.to_hdf} stores). */
    public String toJson() {
        return Json.write(toMap(true));
    }

    /** Compact JSON without null fields (what the streaming writer and the Parquet format store). */
    public String toJsonExcludingNulls() {
        return Json.write(toMap(false));
    }

    private Map<String, Object> toMap(boolean nulls) {
        return new Fields.Out(nulls).put("name", name).put("comments", comments).put("version", version)
                .put("is_measurement", isMeasurement)
                .put("test_protocol", testProtocol == null ? null : testProtocol.toMap(nulls))
                .put("battery", battery == null ? null : battery.toMap(nulls))
                .put("modeling", modeling == null ? null : modeling.toMap(nulls)).put("source", source)
                .put("dataset_name", datasetName).put("authors", authors).put("associated_ids", associatedIds)
                .extras(extra);
    }
}
