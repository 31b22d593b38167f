package io.battdat.api.metadata;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.battdat.api.metadata.DeclaredFields.Field;

/**
 * A metadata model that must have a name: an electrode, an electrolyte, an additive, the model behind simulated
 * data. The name is the first declared field of each such model (pydantic writes it first), so its getter and its
 * builder's setter live here once. Only the models of this package extend it.
 */
public abstract class NamedMetadataModel extends MetadataModel {
    /** First in every named model's table of fields, so that the one constant serves them all. */
    private static final Field<String> NAME = new Field<>("name", 0, Validation::required);

    /**
     * Takes the builder's values, as {@link MetadataModel} does.
     *
     * @param builder the builder whose values the model keeps
     */
    NamedMetadataModel(Builder<?> builder) {
        super(builder);
    }

    /** A new table of declared fields that starts with the required name; the model declares its own after it. */
    static DeclaredFields fieldsAfterName() {
        DeclaredFields fields = new DeclaredFields();
        fields.add(NAME);
        return fields;
    }

    /**
     * The required name (never null in a built model).
     *
     * @return the name
     */
    public String name() {
        return get(NAME);
    }

    /**
     * What every named model's builder shares, besides {@link MetadataModel.Builder}'s: the name's setter.
     *
     * @param <B> the concrete builder
     */
    public abstract static class Builder<B extends Builder<B>> extends MetadataModel.Builder<B> {
        /**
         * @param type   the concrete builder's class
         * @param fields the model's declared fields, made by {@link #fieldsAfterName()}
         */
        Builder(Class<B> type, DeclaredFields fields) {
            super(type, fields);
        }

        /**
         * Sets the (required) name.
         *
         * @param value the name
         * @return this builder
         */
        @JsonProperty
        public B name(String value) {
            return set(NAME, value);
        }
    }
}
