package io.battdat.api.metadata;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.battdat.api.json.Json;
import io.battdat.api.metadata.DeclaredFields.Field;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every metadata model of this package shares: the values of its declared fields (listed once, in a
 * {@link DeclaredFields} table, each with the check its value must pass), the unknown fields kept in their order
 * and written after the declared ones, value equality over both, and the JSON text as {@code toString}. Each model
 * adds a typed getter per field, and its builder a typed setter per field (the setters are what JSON reading
 * binds). Only the models of this package extend it.
 */
@JsonSerialize(using = MetadataModel.Writer.class)
public abstract class MetadataModel {
    private final DeclaredFields fields;
    private final Object[] values;
    private final Map<String, Object> extra;

    /**
     * Takes the builder's values as each field's check returns them, and freezes its extra fields; a key naming one
     * of the model's declared fields is an error.
     *
     * @param builder the builder whose values the model keeps
     */
    MetadataModel(Builder<?> builder) {
        this.fields = builder.fields;
        this.values = new Object[fields.size()];
        for (Field<?> field : fields.all()) {
            values[field.index()] = field.checked(builder.values[field.index()]);
        }
        this.extra = Validation.frozenExtra(builder.extra, fields);
    }

    /** The value of one of this model's declared fields. */
    @SuppressWarnings("unchecked")
    final <T> T get(Field<T> field) {
        return (T) values[field.index()];
    }

    /**
     * Unknown fields in their order, unmodifiable (never null).
     *
     * @return the extra fields
     */
    public Map<String, Object> extra() {
        return extra;
    }

    private List<Object> allValues() {
        List<Object> all = new ArrayList<>(Arrays.asList(values));
        all.add(extra);
        return all;
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && allValues().equals(((MetadataModel) o).allValues());
    }

    @Override
    public int hashCode() {
        return allValues().hashCode();
    }

    /** The model's name and its JSON with every field. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + Json.write(this);
    }

    /**
     * Writes a model as pydantic does: the declared fields in their order, then the extra ones. Like pydantic's
     * {@code exclude_none}, the flavour without nulls drops a field whose value is null, declared or extra, but
     * keeps nulls inside a value (a list or a map is written as it is); a mapper-wide rule for map contents could
     * not tell the two apart.
     */
    static final class Writer extends JsonSerializer<MetadataModel> {
        @Override
        public void serialize(MetadataModel model, JsonGenerator gen, SerializerProvider provider)
                throws IOException {
            boolean dropNulls = provider.getConfig().getDefaultPropertyInclusion().getValueInclusion()
                    == JsonInclude.Include.NON_NULL;
            gen.writeStartObject(model);
            for (Field<?> field : model.fields.all()) {
                writeField(field.name(), model.values[field.index()], dropNulls, gen, provider);
            }
            for (Map.Entry<String, Object> e : model.extra.entrySet()) {
                writeField(e.getKey(), e.getValue(), dropNulls, gen, provider);
            }
            gen.writeEndObject();
        }

        private static void writeField(String name, Object value, boolean dropNulls, JsonGenerator gen,
                                       SerializerProvider provider) throws IOException {
            if (value != null || !dropNulls) {
                provider.defaultSerializeField(name, value, gen);
            }
        }
    }

    /**
     * What every model's builder shares: the values of the model's declared fields, set through the model's own
     * typed setters, and the extra (unknown) fields, set one by one (as JSON reading does) or all at once. The
     * setters return the concrete builder, so calls chain with the model's own setters. Jackson takes a class's
     * annotations from its superclasses too, so the {@code @JsonPOJOBuilder} here serves every model's builder.
     *
     * @param <B> the concrete builder
     */
    @JsonPOJOBuilder(withPrefix = "")
    public abstract static class Builder<B extends Builder<B>> {
        private final DeclaredFields fields;
        /** The declared fields' values so far, unchecked; the model's constructor checks them. */
        private final Object[] values;
        /** The extra fields so far, in their order; frozen by the model's constructor. */
        private final Map<String, Object> extra = new LinkedHashMap<>();
        private final B self;

        /**
         * @param type   the concrete builder's class, which this builder must be; the checked cast gives the setters
         *               their return value without an unchecked one
         * @param fields the model's declared fields
         */
        Builder(Class<B> type, DeclaredFields fields) {
            this.self = type.cast(this);
            this.fields = fields;
            this.values = new Object[fields.size()];
        }

        /** This builder as its concrete type, for chaining. */
        final B self() {
            return self;
        }

        /** Sets a declared field's value. */
        final <T> B set(Field<T> field, T value) {
            values[field.index()] = value;
            return self();
        }

        /** A declared field's value so far. */
        @SuppressWarnings("unchecked")
        final <T> T get(Field<T> field) {
            return (T) values[field.index()];
        }

        /** Sets every field, declared and extra, to the model's values: what {@code toBuilder()} starts from. */
        final B copyOf(MetadataModel model) {
            System.arraycopy(model.values, 0, values, 0, values.length);
            return extra(model.extra);
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
