package io.battdat.api.metadata;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.battdat.api.BadFormatException;
import io.battdat.api.metadata.DeclaredFields.Field;

import java.util.List;

/**
 * The model behind simulated data (docs/format.md section 4.5); its required {@link #name()} is the software's name.
 * Unknown fields are kept in {@link #extra()}.
 *
 * <p>{@code version} is required but nullable in Python. The exclude-nulls JSON flavour (Parquet, the streaming
 * writer) therefore drops it when it is null, and Python then cannot read the document back ("field required").
 * This port reads a missing {@code version} as null instead of failing, so such files open.
 */
@JsonDeserialize(builder = ModelMetadata.Builder.class)
public final class ModelMetadata extends NamedMetadataModel {
    private static final DeclaredFields FIELDS = fieldsAfterName();
    private static final Field<String> VERSION = FIELDS.add("version");
    private static final Field<ModelTypes> TYPE = FIELDS.add("type");
    private static final Field<List<String>> REFERENCES =
            FIELDS.add("references", (field, urls) -> UrlNormalizer.normalizeAll(urls, field));
    private static final Field<List<String>> MODELS = FIELDS.add("models", Validation::listWithoutNulls);
    private static final Field<String> SIMULATION_TYPE = FIELDS.add("simulation_type");

    private ModelMetadata(Builder b) {
        super(b);
    }

    /** A builder for a model of that software name. */
    public static Builder builder(String name) {
        return new Builder().name(name);
    }

    /** A builder holding this model's values. */
    public Builder toBuilder() {
        return new Builder().copyOf(this);
    }

    /** Software version, or null. */
    public String version() {
        return get(VERSION);
    }

    /** Kind of model, or null. */
    public ModelTypes type() {
        return get(TYPE);
    }

    /** Reference URLs (normalised), or null. */
    public List<String> references() {
        return get(REFERENCES);
    }

    /** BattINFO model terms, or null. */
    public List<String> models() {
        return get(MODELS);
    }

    /** BattINFO simulation type, or null. */
    public String simulationType() {
        return get(SIMULATION_TYPE);
    }

    /** Builds a {@link ModelMetadata}. */
    public static final class Builder extends NamedMetadataModel.Builder<Builder> {
        private Builder() {
            super(Builder.class, FIELDS);
        }

        /** Sets the software version. */
        @JsonProperty
        public Builder version(String value) {
            return set(VERSION, value);
        }

        /** Sets the kind of model. */
        @JsonProperty
        public Builder type(ModelTypes value) {
            return set(TYPE, value);
        }

        /** Sets the reference URLs. */
        @JsonProperty
        public Builder references(List<String> value) {
            return set(REFERENCES, value);
        }

        /** Sets the BattINFO model terms. */
        @JsonProperty
        public Builder models(List<String> value) {
            return set(MODELS, value);
        }

        /** Sets the BattINFO simulation type. */
        @JsonProperty
        public Builder simulationType(String value) {
            return set(SIMULATION_TYPE, value);
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
