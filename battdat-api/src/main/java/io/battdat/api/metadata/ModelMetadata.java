package io.battdat.api.metadata;

import io.battdat.api.BadFormatException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The model behind simulated data (docs/format.md section 4.5). Unknown fields are kept in {@code extra}.
 *
 * <p>{@code version} is required but nullable in Python. The exclude-nulls JSON flavour (Parquet, the streaming
 * writer) therefore drops it when it is null, and Python then cannot read the document back ("field required").
 * This port reads a missing {@code version} as null instead of failing, so such files open.
 *
 * @param name           required software name
 * @param version        software version, or null
 * @param type           kind of model, or null
 * @param references     reference URLs (normalised), or null
 * @param models         BattINFO model terms, or null
 * @param simulationType BattINFO simulation type, or null
 * @param extra          unknown fields in order (never null once built)
 */
public record ModelMetadata(String name, String version, ModelTypes type, List<String> references, List<String> models,
                            String simulationType, Map<String, Object> extra) {
    private static final Set<String> FIELDS = Set.of("name", "version", "type", "references", "models",
            "simulation_type");

    /**
     * Validates and freezes the fields.
     *
     * @throws BadFormatException when the name is missing, a reference is not an absolute URL, a model term is
     *                            null, or an extra field repeats a declared one
     */
    public ModelMetadata {
        Fields.required("name", name);
        if (references != null) {
            List<String> urls = new ArrayList<>();
            for (int i = 0; i < references.size(); i++) {
                urls.add(Fields.url(references.get(i), "references[" + i + "]"));
            }
            references = List.copyOf(urls);
        }
        if (models != null) {
            for (int i = 0; i < models.size(); i++) {
                Fields.required("models[" + i + "]", models.get(i));
            }
            models = List.copyOf(models);
        }
        extra = Fields.frozen(extra, FIELDS);
    }

    /** A builder for a model of that software name. */
    public static Builder builder(String name) {
        return new Builder().name(name);
    }

    /** A builder holding this model's values. */
    public Builder toBuilder() {
        return new Builder().name(name).version(version).type(type).references(references).models(models)
                .simulationType(simulationType).extra(extra);
    }

    static ModelMetadata parse(Fields f, String path) {
        String name = f.requiredStr("name");
        String version = f.str("version");
        Object rawType = f.raw("type");
        ModelTypes type = rawType == null ? null : ModelTypes.fromJson(rawType, path + ".type");
        List<String> references = f.list("references", Fields::url);
        List<String> models = f.list("models", Fields::listString);
        String simulationType = f.str("simulation_type");
        Map<String, Object> extra = f.extras(FIELDS);
        return Fields.construct(path, () -> new ModelMetadata(name, version, type, references, models, simulationType,
                extra));
    }

    Map<String, Object> toMap(boolean nulls) {
        return new Fields.Out(nulls).put("name", name).put("version", version)
                .put("type", type == null ? null : type.json()).put("references", references).put("models", models)
                .put("simulation_type", simulationType).extras(extra);
    }

    /** Builds a {@link ModelMetadata}. */
    public static final class Builder {
        private String name;
        private String version;
        private ModelTypes type;
        private List<String> references;
        private List<String> models;
        private String simulationType;
        private final Map<String, Object> extra = new LinkedHashMap<>();

        private Builder() {
        }

        /** Sets the (required) software name. */
        public Builder name(String value) {
            name = value;
            return this;
        }

        /** Sets the software version. */
        public Builder version(String value) {
            version = value;
            return this;
        }

        /** Sets the kind of model. */
        public Builder type(ModelTypes value) {
            type = value;
            return this;
        }

        /** Sets the reference URLs. */
        public Builder references(List<String> value) {
            references = value;
            return this;
        }

        /** Sets the BattINFO model terms. */
        public Builder models(List<String> value) {
            models = value;
            return this;
        }

        /** Sets the BattINFO simulation type. */
        public Builder simulationType(String value) {
            simulationType = value;
            return this;
        }

        /** Sets an extra (unknown) field. */
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
         * The model description.
         *
         * @throws BadFormatException when a field is invalid
         */
        public ModelMetadata build() {
            return new ModelMetadata(name, version, type, references, models, simulationType, extra);
        }
    }
}
