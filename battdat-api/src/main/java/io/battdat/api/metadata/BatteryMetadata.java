package io.battdat.api.metadata;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.battdat.api.BadFormatException;
import io.battdat.api.json.Json;
import io.battdat.api.metadata.DeclaredFields.Field;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The battery metadata document stored once per file (docs/format.md section 4.2), immutable. Unknown fields (at every
 * level) are
 * kept in {@link #extra()} and written back after the declared ones, in their order. Read with
 * {@link #fromJson(String)}, which accepts both JSON flavours battdat writes (nulls present or left out); write
 * with {@link #toJson()} (nulls included, as {@code to_hdf} writes) or {@link #toJsonExcludingNulls()} (as the
 * streaming writer and Parquet write). Build in code with {@link #builder()} or the {@code with*} methods.
 *
 * <p>The fields are declared once, in the table at the top of the class: each is written under its snake_case JSON
 * name in the order declared there (pydantic's order), checked by the rule declared with it, and read through the
 * {@link Builder}'s method of the same (camel-case) name.
 */
@JsonDeserialize(builder = BatteryMetadata.Builder.class)
public final class BatteryMetadata extends MetadataModel {
    /**
     * The version of the Python battdat toolkit whose format this library follows (its last release); written as
     * {@link #version()} of new documents. Python compares this string to its own version when it builds a
     * dataset (docs/format.md section 4.6).
     */
    public static final String CURRENT_VERSION = "0.4.6";

    private static final DeclaredFields FIELDS = new DeclaredFields();
    private static final Field<String> NAME = FIELDS.add("name");
    private static final Field<String> COMMENTS = FIELDS.add("comments");
    private static final Field<String> VERSION =
            FIELDS.add("version", (field, version) -> version == null ? CURRENT_VERSION : version);
    private static final Field<Boolean> IS_MEASUREMENT = FIELDS.add("is_measurement");
    private static final Field<CyclingProtocol> TEST_PROTOCOL = FIELDS.add("test_protocol");
    private static final Field<BatteryDescription> BATTERY = FIELDS.add("battery");
    private static final Field<ModelMetadata> MODELING = FIELDS.add("modeling");
    private static final Field<String> SOURCE = FIELDS.add("source");
    private static final Field<String> DATASET_NAME = FIELDS.add("dataset_name");
    private static final Field<List<List<String>>> AUTHORS = FIELDS.add("authors", BatteryMetadata::authors);
    private static final Field<List<String>> ASSOCIATED_IDS =
            FIELDS.add("associated_ids", (field, urls) -> UrlNormalizer.normalizeAll(urls, field));

    private BatteryMetadata(Builder b) {
        super(b);
    }

    private static List<List<String>> authors(String field, List<List<String>> authors) {
        if (authors == null) {
            return null;
        }
        List<List<String>> copy = new ArrayList<>();
        for (int i = 0; i < authors.size(); i++) {
            List<String> a = authors.get(i);
            if (a == null || a.size() != 2 || a.get(0) == null || a.get(1) == null) {
                throw Validation.invalid(field + "[" + i + "]", "each author must be [name, affiliation], got " + a);
            }
            copy.add(List.copyOf(a));
        }
        return List.copyOf(copy);
    }

    /** Empty metadata as Python's {@code BatteryMetadata()}: {@link #CURRENT_VERSION}, a measurement. */
    public static BatteryMetadata defaults() {
        return new Builder().build();
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this document's values. */
    public Builder toBuilder() {
        return new Builder().copyOf(this);
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
        return Validation.read(text, BatteryMetadata.class);
    }

    /**
     * Reads metadata the way Python's {@code BatteryDataset} constructor treats it (docs/format.md section 4.6): a
     * document whose
     * {@code version} differs from {@link #CURRENT_VERSION} produces the warning
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
        BatteryMetadata read = null;
        BadFormatException failure = null;
        try {
            read = fromJson(text);
        } catch (BadFormatException e) {
            failure = e;
        }
        Object supplied = read != null ? read.version() : suppliedVersion(text, failure);
        boolean mismatch = !CURRENT_VERSION.equals(supplied);
        if (mismatch) {
            warn.accept("Metadata was created in a different version of battdat. supplied=" + supplied
                    + ", current=" + CURRENT_VERSION + ".");
        }
        if (read != null) {
            return read;
        }
        if (!mismatch) {
            throw failure;
        }
        warn.accept("Metadata failed to validate, probably due to version mismatch. Discarding until we support "
                + "backwards compatibility");
        return defaults();
    }

    /** The raw {@code version} of a document that did not validate; text that is not a JSON object fails as it did. */
    private static Object suppliedVersion(String text, BadFormatException failure) {
        Object root;
        try {
            root = Json.parse(text);
        } catch (IOException e) {
            throw failure;
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw failure;
        }
        return map.containsKey("version") ? map.get("version") : CURRENT_VERSION;
    }

    /**
     * This metadata with every field it leaves unset taken from {@code other}, at every nesting level (a parser
     * adds what a file records about itself without overriding what the user gave). Set fields, including extra
     * ones, are kept; lists are not merged element by element.
     *
     * @param other where missing fields come from
     * @return the merged metadata
     */
    public BatteryMetadata withDefaultsFrom(BatteryMetadata other) {
        try {
            Object mine = Json.parse(toJsonExcludingNulls());
            Object theirs = Json.parse(other.toJsonExcludingNulls());
            return fromJson(Json.write(fillMissing(mine, theirs)));
        } catch (java.io.IOException e) {
            throw new io.battdat.api.BadFormatException(io.battdat.api.ErrorLocation.NONE,
                    "cannot merge battery metadata: " + e.getMessage(),
                    e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object fillMissing(Object mine, Object theirs) {
        if (mine instanceof Map<?, ?> a && theirs instanceof Map<?, ?> b) {
            Map<String, Object> out = new LinkedHashMap<>((Map<String, Object>) a);
            for (Map.Entry<?, ?> e : b.entrySet()) {
                String key = (String) e.getKey();
                Object value = out.get(key);
                out.put(key, value == null ? e.getValue() : fillMissing(value, e.getValue()));
            }
            return out;
        }
        return mine;
    }

    /** Compact JSON with every field, nulls included (what {@code BatteryDataset.to_hdf} stores). */
    public String toJson() {
        return Json.write(this);
    }

    /** Compact JSON without null fields (pydantic's {@code exclude_none}: what the streaming writer and Parquet
     * store). */
    public String toJsonExcludingNulls() {
        return Json.writeExcludingNulls(this);
    }

    /** Free-form cell name, or null. */
    public String name() {
        return get(NAME);
    }

    /** Long free text about the test, or null. */
    public String comments() {
        return get(COMMENTS);
    }

    /** Version of battdat whose model created the document (never null). */
    public String version() {
        return get(VERSION);
    }

    /** True for observed data, false for simulation. */
    public boolean isMeasurement() {
        return get(IS_MEASUREMENT);
    }

    /** How the cell was cycled, or null. */
    public CyclingProtocol testProtocol() {
        return get(TEST_PROTOCOL);
    }

    /** The battery, or null. */
    public BatteryDescription battery() {
        return get(BATTERY);
    }

    /** The model behind simulated data, or null. */
    public ModelMetadata modeling() {
        return get(MODELING);
    }

    /** Organisation that produced the data, or null. */
    public String source() {
        return get(SOURCE);
    }

    /** Larger collection the data belongs to, or null. */
    public String datasetName() {
        return get(DATASET_NAME);
    }

    /** Authors as unmodifiable [name, affiliation] pairs, or null. */
    public List<List<String>> authors() {
        return get(AUTHORS);
    }

    /** Related DOIs or pages as normalised URLs, or null. */
    public List<String> associatedIds() {
        return get(ASSOCIATED_IDS);
    }

    /**
     * Builds a {@link BatteryMetadata}; starts from the defaults (current version, a measurement). Reading JSON goes
     * through the methods annotated {@code @JsonProperty} (named as the fields) and {@code @JsonAnySetter}.
     */
    public static final class Builder extends MetadataModel.Builder<Builder> {
        private Builder() {
            super(Builder.class, FIELDS);
            set(VERSION, CURRENT_VERSION);
            set(IS_MEASUREMENT, true);
        }

        /** Sets the cell name. */
        @JsonProperty
        public Builder name(String value) {
            return set(NAME, value);
        }

        /** Sets the comments. */
        @JsonProperty
        public Builder comments(String value) {
            return set(COMMENTS, value);
        }

        /** Sets the version string (null = {@link #CURRENT_VERSION}). */
        @JsonProperty
        @JsonSetter(nulls = Nulls.FAIL)
        public Builder version(String value) {
            return set(VERSION, value);
        }

        /** Sets whether the data are measured (true) or simulated (false). */
        @JsonProperty
        @JsonSetter(nulls = Nulls.FAIL)
        public Builder isMeasurement(boolean value) {
            return set(IS_MEASUREMENT, value);
        }

        /** Sets the test protocol. */
        @JsonProperty
        public Builder testProtocol(CyclingProtocol value) {
            return set(TEST_PROTOCOL, value);
        }

        /** Sets the battery description. */
        @JsonProperty
        public Builder battery(BatteryDescription value) {
            return set(BATTERY, value);
        }

        /** Sets the modeling description. */
        @JsonProperty
        public Builder modeling(ModelMetadata value) {
            return set(MODELING, value);
        }

        /** Sets the source organisation. */
        @JsonProperty
        public Builder source(String value) {
            return set(SOURCE, value);
        }

        /** Sets the dataset name. */
        @JsonProperty
        public Builder datasetName(String value) {
            return set(DATASET_NAME, value);
        }

        /** Sets the authors, each a [name, affiliation] pair. */
        @JsonProperty
        public Builder authors(List<List<String>> value) {
            return set(AUTHORS, value);
        }

        /** Adds one author. */
        public Builder addAuthor(String authorName, String affiliation) {
            List<List<String>> authors = get(AUTHORS);
            List<List<String>> list = new ArrayList<>(authors == null ? List.of() : authors);
            list.add(List.of(Objects.requireNonNull(authorName, "authorName"),
                    Objects.requireNonNull(affiliation, "affiliation")));
            return set(AUTHORS, list);
        }

        /** Sets the associated ids (URLs; normalised on {@link #build()}). */
        @JsonProperty
        public Builder associatedIds(List<String> value) {
            return set(ASSOCIATED_IDS, value);
        }

        /**
         * The document.
         *
         * @throws BadFormatException when a field is invalid
         */
        public BatteryMetadata build() {
            return new BatteryMetadata(this);
        }
    }
}
