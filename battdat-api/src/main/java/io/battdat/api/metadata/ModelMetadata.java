package io.battdat.api.metadata;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The model behind simulated data (spec 3.5). {@code version} is required but may be null in Python; files
 * written with nulls left out lose the key, so a missing {@code version} reads as null here instead of failing.
 *
 * @param name           required software name
 * @param version        software version, or null
 * @param type           kind of model, or null
 * @param references     reference URLs, or null
 * @param models         BattINFO model terms, or null
 * @param simulationType BattINFO simulation type, or null
 * @param extra          unknown fields in order
 */
public record ModelMetadata(String name, String version, ModelTypes type, List<String> references, List<String> models,
                            String simulationType, Map<String, Object> extra) {
    private static final Set<String> FIELDS = Set.of("name", "version", "type", "references", "models",
            "simulation_type");

    public ModelMetadata {
        Objects.requireNonNull(name, "name");
        references = references == null ? null : List.copyOf(references);
        models = models == null ? null : List.copyOf(models);
        extra = Fields.frozen(extra);
    }

    static ModelMetadata parse(Fields f, String path) {
        return new ModelMetadata(f.requiredStr("name"), f.str("version"),
                f.raw("type") == null ? null : ModelTypes.fromJson(f.raw("type"), path + ".type"),
                f.list("references", Fields::url), f.list("models", Fields::string), f.str("simulation_type"),
                f.extras(FIELDS));
    }

    Map<String, Object> toMap(boolean nulls) {
        return new Fields.Out(nulls).put("name", name).put("version", version).put("type", type == null ? null : type.json()).put("references", references).put("models", models)
                .put("simulation_type", simulationType).extras(extra);
    }
}
