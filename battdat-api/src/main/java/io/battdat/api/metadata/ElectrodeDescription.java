package io.battdat.api.metadata;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An electrode (spec 3.4). Unknown fields are kept in {@code extra}.
 *
 * @param name      required name
 * @param supplier  supplier, or null
 * @param product   product name, or null
 * @param thickness thickness in um, at least 0, or null
 * @param area      area in cm^2, at least 0, or null
 * @param loading   loading in mg/cm^2, at least 0, or null
 * @param porosity  porosity in %, 0 to 100, or null
 * @param extra     unknown fields in order
 */
public record ElectrodeDescription(String name, String supplier, String product, Double thickness, Double area,
                                   Double loading, Double porosity, Map<String, Object> extra) {
    private static final Set<String> FIELDS = Set.of("name", "supplier", "product", "thickness", "area", "loading",
            "porosity");

    public ElectrodeDescription {
        Objects.requireNonNull(name, "name");
        extra = Fields.frozen(extra);
    }

    /** An electrode with only a name. */
    public static ElectrodeDescription named(String name) {
        return new ElectrodeDescription(name, null, null, null, null, null, null, Map.of());
    }

    static ElectrodeDescription parse(Fields f, String path) {
        return new ElectrodeDescription(f.requiredStr("name"), f.str("supplier"), f.str("product"),
                f.dbl("thickness", 0.0, null), f.dbl("area", 0.0, null), f.dbl("loading", 0.0, null),
                f.dbl("porosity", 0.0, 100.0), f.extras(FIELDS));
    }

    Map<String, Object> toMap(boolean nulls) {
        return new Fields.Out(nulls).put("name", name).put("supplier", supplier).put("product", product)
                .put("thickness", thickness).put("area", area).put("loading", loading).put("porosity", porosity)
                .extras(extra);
    }
}
