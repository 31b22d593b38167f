package io.battdat.api.metadata;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.battdat.api.BadFormatException;

import java.util.Arrays;
import java.util.List;

/**
 * The model behind simulated data (docs/format.md section 4.5). Unknown fields are kept in {@link #extra()}.
 *
 * <p>{@code version} is required but nullable in Python. The exclude-nulls JSON flavour (Parquet, the streaming
 * writer) therefore drops it when it is null, and Python then cannot read the document back ("field required").
 * This port reads a missing {@code version} as null instead of failing, so such files open.
 */
@JsonDeserialize(builder = ModelMetadata.Builder.class)
public final class ModelMetadata extends MetadataModel {
    // the JSON fields, written in this order (pydantic's) under their snake_case names
    @JsonProperty
    private final String name;
    @JsonProperty
    private final String version;
    @JsonProperty
    private final ModelTypes type;
    @JsonProperty
    private final List<String> references;
    @JsonProperty
    private final List<String> models;
    @JsonProperty
    private final String simulationType;

    private ModelMetadata(Builder b) {
        super(b);
        Validation.required("name", b.name);
        name = b.name;
        version = b.version;
        type = b.type;
        references = UrlNormalizer.normalizeAll(b.references, "references");
        models = Validation.listWithoutNulls("models", b.models);
        simulationType = b.simulationType;
    }

    /** A builder for a model of that software name. */
    public static Builder builder(String name) {
        return new Builder().name(name);
    }

    /** A builder holding this model's values. */
    public Builder toBuilder() {
        return new Builder().name(name).version(version).type(type).references(references).models(models)
                .simulationType(simulationType).extra(extra());
    }

    /** Required software name. */
    public String name() {
        return name;
    }

    /** Software version, or null. */
    public String version() {
        return version;
    }

    /** Kind of model, or null. */
    public ModelTypes type() {
        return type;
    }

    /** Reference URLs (normalised), or null. */
    public List<String> references() {
        return references;
    }

    /** BattINFO model terms, or null. */
    public List<String> models() {
        return models;
    }

    /** BattINFO simulation type, or null. */
    public String simulationType() {
        return simulationType;
    }

    @Override
    List<Object> fieldValues() {
        return Arrays.asList(name, version, type, references, models, simulationType);
    }

    /** Builds a {@link ModelMetadata}. */
    @JsonPOJOBuilder(withPrefix = "")
    public static final class Builder extends MetadataModel.Builder<Builder> {
        private String name;
        private String version;
        private ModelTypes type;
        private List<String> references;
        private List<String> models;
        private String simulationType;

        private Builder() {
            super(Builder.class);
        }

        /** Sets the (required) software name. */
        @JsonProperty
        public Builder name(String value) {
            name = value;
            return this;
        }

        /** Sets the software version. */
        @JsonProperty
        public Builder version(String value) {
            version = value;
            return this;
        }

        /** Sets the kind of model. */
        @JsonProperty
        public Builder type(ModelTypes value) {
            type = value;
            return this;
        }

        /** Sets the reference URLs. */
        @JsonProperty
        public Builder references(List<String> value) {
            references = value;
            return this;
        }

        /** Sets the BattINFO model terms. */
        @JsonProperty
        public Builder models(List<String> value) {
            models = value;
            return this;
        }

        /** Sets the BattINFO simulation type. */
        @JsonProperty
        public Builder simulationType(String value) {
            simulationType = value;
            return this;
        }

        /**
         * The model description.
         *
         * @throws BadFormatException when a field is invalid
         */
        public ModelMetadata build() {
            return new ModelMetadata(this);
        }
    }
}
