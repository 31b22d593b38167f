package io.battdat.api.metadata;

import io.battdat.api.BadFormatException;
import io.battdat.api.json.Json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The battery metadata document stored once per file (docs/format.md section 4.2), immutable. Unknown fields (at every
 * level) are kept in {@code extra} and written back after the declared ones, in their order. Read with
 * {@link #fromJson(String)}, which accepts both JSON flavours battdat writes (nulls present or left out); write
 * with {@link #toJson()} (nulls included, as {@code to_hdf} writes) or {@link #toJsonExcludingNulls()} (as the
 * streaming writer and Parquet write). Build in code with {@link #builder()} or the {@code with*} methods.
 *
 * @param name          free-form cell name, or null
 * @param comments      long free text about the test, or null
 * @param version       version of battdat whose model created the document; null means {@link #CURRENT_VERSION}
 * @param isMeasurement true for observed data, false for simulation
 * @param testProtocol  how the cell was cycled, or null
 * @param battery       the battery, or null
 * @param modeling      the model behind simulated data, or null
 * @param source        organisation that produced the data, or null
 * @param datasetName   larger collection the data belongs to, or null
 * @param authors       authors as [name, affiliation] pairs, or null
 * @param associatedIds related DOIs or pages (normalised URLs), or null
 * @param extra         unknown fields in order (never null once built)
 */
public record BatteryMetadata(String name, String comments, String version, boolean isMeasurement,
                              CyclingProtocol testProtocol, BatteryDescription battery, ModelMetadata modeling,
                              String source, String datasetName, List<List<String>> authors,
                              List<String> associatedIds, Map<String, Object> extra) {

    /**
     * The version of the Python battdat toolkit whose format this library follows (its last release); written as
     * {@link #version()} of new documents. Python compares this string to its own version when it builds a
     * dataset (docs/format.md section 4.6).
     */
    public static final String CURRENT_VERSION = "0.4.6";

    private static final Set<String> FIELDS = Set.of("name", "comments", "version", "is_measurement",
            "test_protocol", "battery", "modeling", "source", "dataset_name", "authors", "associated_ids");

    /**
     * Validates and freezes the fields.
     *
     * @throws BadFormatException when an author is not a [name, affiliation] pair of strings, an associated id is
     *                            not an absolute URL, or an extra field repeats a declared one
     */
    public BatteryMetadata {
        if (version == null) {
            version = CURRENT_VERSION;
        }
        if (authors != null) {
            List<List<String>> copy = new ArrayList<>();
            for (int i = 0; i < authors.size(); i++) {
                List<String> a = authors.get(i);
                if (a == null || a.size() != 2 || a.get(0) == null || a.get(1) == null) {
                    throw Fields.invalid("authors[" + i + "]", "each author must be [name, affiliation], got " + a);
                }
                copy.add(List.copyOf(a));
            }
            authors = List.copyOf(copy);
        }
        if (associatedIds != null) {
            List<String> urls = new ArrayList<>();
            for (int i = 0; i < associatedIds.size(); i++) {
                urls.add(Fields.url(associatedIds.get(i), "associated_ids[" + i + "]"));
            }
            associatedIds = List.copyOf(urls);
        }
        extra = Fields.frozen(extra, FIELDS);
    }

    /** Empty metadata as Python's {@code BatteryMetadata()}: {@link #CURRENT_VERSION}, a measurement. */
    public static BatteryMetadata defaults() {
        return new BatteryMetadata(null, null, CURRENT_VERSION, true, null, null, null, null, null, null, null, Map.of());
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this document's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A copy with another name. */
    public BatteryMetadata withName(String newName) {
        return toBuilder().name(newName).build();
    }

    /** A copy with another battery description. */
    public BatteryMetadata withBattery(BatteryDescription newBattery) {
        return toBuilder().battery(newBattery).build();
    }

    /** A copy with another test protocol. */
    public BatteryMetadata withTestProtocol(CyclingProtocol newProtocol) {
        return toBuilder().testProtocol(newProtocol).build();
    }

    /** A copy with another modeling description. */
    public BatteryMetadata withModeling(ModelMetadata newModeling) {
        return toBuilder().modeling(newModeling).build();
    }

    /** A copy with another version string (e.g. to keep the version of a document being copied). */
    public BatteryMetadata withVersion(String newVersion) {
        return toBuilder().version(newVersion).build();
    }

    /** A copy with an extra field set (added at the end, or replaced in place). */
    public BatteryMetadata withExtra(String key, Object value) {
        return toBuilder().extra(key, value).build();
    }

    /**
     * Parses metadata JSON with pydantic's lax rules (docs/format.md section 4.1). A missing {@code version} reads as
     * {@link #CURRENT_VERSION} and a missing {@code is_measurement} as true, as in Python; an explicit null for
     * either is an error, as both are non-nullable there.
     *
     * @throws BadFormatException when the text is not JSON, not an object, or a field is invalid (the message
     *                            names the field's path, e.g. {@code battery.anode.porosity})
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

    /**
     * Reads metadata the way Python's {@code BatteryDataset} constructor treats it (docs/format.md section 4.6): a
     * document whose {@code version} differs from {@link #CURRENT_VERSION} produces the warning
     * {@code Metadata was created in a different version of battdat. supplied=<s>, current=<c>.}; if it then fails
     * to validate, the warning {@code Metadata failed to validate, probably due to version mismatch. Discarding
     * until we support backwards compatibility} is given and {@link #defaults()} is returned. Invalid metadata of
     * the current version still throws.
     *
     * @param text     the JSON text
     * @param warnings receives the warnings (may be null)
     * @throws BadFormatException when the text is not a JSON object, or the document is invalid without a version
     *                            mismatch
     */
    public static BatteryMetadata fromJsonForDataset(String text, Consumer<String> warnings) {
        Consumer<String> warn = warnings == null ? w -> { } : warnings;
        Object root;
        try {
            root = Json.parse(text);
        } catch (IOException e) {
            throw new BadFormatException(null, null, "battery metadata is not valid JSON: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new BadFormatException(null, null, "battery metadata is not a JSON object");
        }
        Object supplied = map.containsKey("version") ? map.get("version") : CURRENT_VERSION;
        boolean mismatch = !CURRENT_VERSION.equals(supplied);
        if (mismatch) {
            warn.accept("Metadata was created in a different version of battdat. supplied=" + supplied
                    + ", current=" + CURRENT_VERSION + ".");
        }
        try {
            return parse(Fields.of(root, ""));
        } catch (BadFormatException e) {
            if (!mismatch) {
                throw e;
            }
            warn.accept("Metadata failed to validate, probably due to version mismatch. Discarding until we support "
                    + "backwards compatibility");
            return defaults();
        }
    }

    private static BatteryMetadata parse(Fields f) {
        String name = f.str("name");
        String comments = f.str("comments");
        String version = f.nonNullStr("version", CURRENT_VERSION);
        boolean measurement = f.nonNullBool("is_measurement", true);
        CyclingProtocol protocol = f.object("test_protocol", CyclingProtocol::parse);
        BatteryDescription battery = f.object("battery", BatteryDescription::parse);
        ModelMetadata modeling = f.object("modeling", ModelMetadata::parse);
        String source = f.str("source");
        String datasetName = f.str("dataset_name");
        List<List<String>> authors = f.list("authors", BatteryMetadata::author);
        List<String> ids = f.list("associated_ids", Fields::url);
        Map<String, Object> extra = f.extras(FIELDS);
        return Fields.construct("", () -> new BatteryMetadata(name, comments, version, measurement, protocol, battery,
                modeling, source, datasetName, authors, ids, extra));
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

    /** Compact JSON without null fields (pydantic's {@code exclude_none}: what the streaming writer and Parquet store). */
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

    /** Builds a {@link BatteryMetadata}; starts from the defaults (current version, a measurement). */
    public static final class Builder {
        private String name;
        private String comments;
        private String version = CURRENT_VERSION;
        private boolean isMeasurement = true;
        private CyclingProtocol testProtocol;
        private BatteryDescription battery;
        private ModelMetadata modeling;
        private String source;
        private String datasetName;
        private List<List<String>> authors;
        private List<String> associatedIds;
        private final Map<String, Object> extra = new LinkedHashMap<>();

        private Builder() {
        }

        private Builder(BatteryMetadata m) {
            name = m.name;
            comments = m.comments;
            version = m.version;
            isMeasurement = m.isMeasurement;
            testProtocol = m.testProtocol;
            battery = m.battery;
            modeling = m.modeling;
            source = m.source;
            datasetName = m.datasetName;
            authors = m.authors;
            associatedIds = m.associatedIds;
            extra.putAll(m.extra);
        }

        /** Sets the cell name. */
        public Builder name(String value) {
            name = value;
            return this;
        }

        /** Sets the comments. */
        public Builder comments(String value) {
            comments = value;
            return this;
        }

        /** Sets the version string (null = {@link #CURRENT_VERSION}). */
        public Builder version(String value) {
            version = value;
            return this;
        }

        /** Sets whether the data are measured (true) or simulated (false). */
        public Builder isMeasurement(boolean value) {
            isMeasurement = value;
            return this;
        }

        /** Sets the test protocol. */
        public Builder testProtocol(CyclingProtocol value) {
            testProtocol = value;
            return this;
        }

        /** Sets the battery description. */
        public Builder battery(BatteryDescription value) {
            battery = value;
            return this;
        }

        /** Sets the modeling description. */
        public Builder modeling(ModelMetadata value) {
            modeling = value;
            return this;
        }

        /** Sets the source organisation. */
        public Builder source(String value) {
            source = value;
            return this;
        }

        /** Sets the dataset name. */
        public Builder datasetName(String value) {
            datasetName = value;
            return this;
        }

        /** Sets the authors, each a [name, affiliation] pair. */
        public Builder authors(List<List<String>> value) {
            authors = value;
            return this;
        }

        /** Adds one author. */
        public Builder addAuthor(String authorName, String affiliation) {
            List<List<String>> list = new ArrayList<>(authors == null ? List.of() : authors);
            list.add(List.of(Objects.requireNonNull(authorName, "authorName"),
                    Objects.requireNonNull(affiliation, "affiliation")));
            authors = list;
            return this;
        }

        /** Sets the associated ids (URLs; normalised on {@link #build()}). */
        public Builder associatedIds(List<String> value) {
            associatedIds = value;
            return this;
        }

        /** Sets an extra (unknown) field; a new key goes after the existing ones. */
        public Builder extra(String key, Object value) {
            extra.put(key, value);
            return this;
        }

        /** Replaces all extra fields. */
        public Builder extra(Map<String, Object> value) {
            extra.clear();
            if (value != null) {
                extra.putAll(value);
            }
            return this;
        }

        /**
         * The document.
         *
         * @throws BadFormatException when a field is invalid
         */
        public BatteryMetadata build() {
            return new BatteryMetadata(name, comments, version, isMeasurement, testProtocol, battery, modeling, source,
                    datasetName, authors, associatedIds, extra);
        }
    }
}
