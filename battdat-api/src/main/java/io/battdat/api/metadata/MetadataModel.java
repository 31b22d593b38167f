package io.battdat.api.metadata;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.battdat.api.json.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every metadata model of this package shares: the unknown fields kept in their order and written after the
 * declared ones, value equality over the declared fields and the extra ones, and the JSON text as
 * {@code toString}. Each model declares its fields (bound to JSON by their {@code @JsonProperty}) and lists their
 * values in {@link #fieldValues()}. Only the models of this package extend it.
 */
public abstract class MetadataModel {
    private final Map<String, Object> extra;

    /**
     * Freezes the builder's extra fields; a key naming one of the model's declared fields is an error.
     *
     * @param builder the builder whose extra fields the model keeps
     */
    MetadataModel(Builder<?> builder) {
        this.extra = Validation.frozenExtra(builder.extra, getClass());
    }

    /** The declared fields' values in declaration order (nulls allowed), for equality. */
    abstract List<Object> fieldValues();

    /**
     * Unknown fields in their order, unmodifiable (never null).
     *
     * @return the extra fields
     */
    @JsonAnyGetter
    @JsonSerialize(using = ExtraFieldsWriter.class)
    public Map<String, Object> extra() {
        return extra;
    }

    private List<Object> values() {
        List<Object> all = new ArrayList<>(fieldValues());
        all.add(extra);
        return all;
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && values().equals(((MetadataModel) o).values());
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }

    /** The model's name and its JSON with every field. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + Json.write(this);
    }

    /**
     * What every model's builder shares: the extra (unknown) fields, set one by one (as JSON reading does) or all at
     * once. The setters return the concrete builder, so calls chain with the model's own setters.
     *
     * @param <B> the concrete builder
     */
    public abstract static class Builder<B extends Builder<B>> {
        /** The extra fields so far, in their order; frozen by the model's constructor. */
        private final Map<String, Object> extra = new LinkedHashMap<>();
        private final B self;

        /**
         * @param type the concrete builder's class, which this builder must be; the checked cast gives the setters
         *             their return value without an unchecked one
         */
        Builder(Class<B> type) {
            this.self = type.cast(this);
        }

        /** This builder as its concrete type, for chaining. */
        final B self() {
            return self;
        }

        /**
         * Sets an extra (unknown) field: a new key goes after the existing ones, a known key keeps its place.
         *
         * @param key   the field's JSON name (not one of the model's declared fields)
         * @param value its value (null allowed)
         * @return this builder
         */
        @JsonAnySetter
        public B extra(String key, Object value) {
            extra.put(key, value);
            return self();
        }

        /**
         * Replaces all extra fields.
         *
         * @param value the new extra fields in their order (none when null)
         * @return this builder
         */
        public B extra(Map<String, Object> value) {
            extra.clear();
            if (value != null) {
                extra.putAll(value);
            }
            return self();
        }
    }
}
