package io.battdat.api.metadata;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.battdat.api.BadFormatException;

import java.util.Arrays;
import java.util.List;

/**
 * An electrolyte (docs/format.md section 4.4). {@code additives} defaults to an empty list, which is written even when
 * nulls are
 * left out; in JSON it may be missing but not null (it is not nullable in Python). Unknown fields are kept in
 * {@link #extra()}.
 */
@JsonDeserialize(builder = ElectrolyteDescription.Builder.class)
public final class ElectrolyteDescription extends MetadataModel {
    // the JSON fields, written in this order (pydantic's) under their snake_case names
    @JsonProperty
    private final String name;
    @JsonProperty
    private final List<ElectrolyteAdditive> additives;

    private ElectrolyteDescription(Builder b) {
        super(b);
        Validation.required("name", b.name);
        name = b.name;
        List<ElectrolyteAdditive> list = Validation.listWithoutNulls("additives", b.additives);
        additives = list == null ? List.of() : list;
    }

    /** An electrolyte with a name and additives. */
    public static ElectrolyteDescription of(String name, ElectrolyteAdditive... additives) {
        return builder(name).additives(List.of(additives)).build();
    }

    /** A builder for an electrolyte of that name, without additives. */
    public static Builder builder(String name) {
        return new Builder().name(name);
    }

    /** A builder holding this electrolyte's values. */
    public Builder toBuilder() {
        return new Builder().name(name).additives(additives).extra(extra());
    }

    /** Required name. */
    public String name() {
        return name;
    }

    /** Additives, unmodifiable (never null). */
    public List<ElectrolyteAdditive> additives() {
        return additives;
    }

    @Override
    List<Object> fieldValues() {
        return Arrays.asList(name, additives);
    }

    /** Builds an {@link ElectrolyteDescription}. */
    @JsonPOJOBuilder(withPrefix = "")
    public static final class Builder extends MetadataModel.Builder<Builder> {
        private String name;
        private List<ElectrolyteAdditive> additives;

        private Builder() {
            super(Builder.class);
        }

        /** Sets the (required) name. */
        @JsonProperty
        public Builder name(String value) {
            name = value;
            return this;
        }

        /** Sets the additives (null means none). */
        @JsonProperty
        @JsonSetter(nulls = Nulls.FAIL)
        public Builder additives(List<ElectrolyteAdditive> value) {
            additives = value;
            return this;
        }

        /**
         * The electrolyte.
         *
         * @throws BadFormatException when the name is missing, an additive is null, or an extra field repeats a
         *                            declared one
         */
        public ElectrolyteDescription build() {
            return new ElectrolyteDescription(this);
        }
    }
}
