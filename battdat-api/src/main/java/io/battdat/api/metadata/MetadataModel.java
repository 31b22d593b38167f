package io.battdat.api.metadata;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.battdat.api.json.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What every metadata model shares: the unknown fields kept in their order and written after the declared ones,
 * value equality over the declared fields and the extra ones, and the JSON text as {@code toString}. Each model
 * declares its fields (bound to JSON by their {@code @JsonProperty}) and lists their values in
 * {@link #fieldValues()}.
 */
abstract class MetadataModel {
    private final Map<String, Object> extra;

    /**
     * Freezes the builder's extra fields; a key naming one of the model's declared fields is an error.
     *
     * @param extra the extra fields as the builder collected them
     */
    MetadataModel(Map<String, Object> extra) {
        this.extra = Validation.frozenExtra(extra, getClass());
    }

    /** The declared fields' values in declaration order (nulls allowed), for equality. */
    abstract List<Object> fieldValues();

    /** Unknown fields in their order, unmodifiable (never null). */
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
}
