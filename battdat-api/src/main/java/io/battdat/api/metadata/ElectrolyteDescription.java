package io.battdat.api.metadata;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.battdat.api.BadFormatException;
import io.battdat.api.metadata.DeclaredFields.Field;

import java.util.List;

/**
 * An electrolyte (docs/format.md section 4.4). {@code additives} defaults to an empty list, which is written even when
 * nulls are
 * left out; in JSON it may be missing but not null (it is not nullable in Python). Unknown fields are kept in
 * {@link #extra()}.
 */
@JsonDeserialize(builder = ElectrolyteDescription.Builder.class)
public final class ElectrolyteDescription extends NamedMetadataModel {
    private static final DeclaredFields FIELDS = fieldsAfterName();
    private static final Field<List<ElectrolyteAdditive>> ADDITIVES =
            FIELDS.add("additives", ElectrolyteDescription::additivesOrNone);

    private ElectrolyteDescription(Builder b) {
        super(b);
    }

    private static List<ElectrolyteAdditive> additivesOrNone(String field, List<ElectrolyteAdditive> additives) {
        List<ElectrolyteAdditive> list = Validation.listWithoutNulls(field, additives);
        return list == null ? List.of() : list;
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
        return new Builder().copyOf(this);
    }

    /** Additives, unmodifiable (never null). */
    public List<ElectrolyteAdditive> additives() {
        return get(ADDITIVES);
    }

    /** Builds an {@link ElectrolyteDescription}. */
    public static final class Builder extends NamedMetadataModel.Builder<Builder> {
        private Builder() {
            super(Builder.class, FIELDS);
        }

        /** Sets the additives (null means none). */
        @JsonProperty
        @JsonSetter(nulls = Nulls.FAIL)
        public Builder additives(List<ElectrolyteAdditive> value) {
            return set(ADDITIVES, value);
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
