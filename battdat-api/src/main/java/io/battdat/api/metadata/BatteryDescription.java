package io.battdat.api.metadata;

import java.util.Map;
import java.util.Set;

/**
 * The battery (spec 3.4). Every field is optional.
 *
 * @param manufacturer    manufacturer
 * @param design          product id or cell type
 * @param layerCount      number of layers, greater than 1
 * @param formFactor      form factor
 * @param mass            mass in kg
 * @param dimensions      dimensions as free text
 * @param anode           the anode
 * @param cathode         the cathode
 * @param electrolyte     the electrolyte
 * @param nominalCapacity nominal capacity in A-hr
 * @param extra           unknown fields in order
 */
public record BatteryDescription(String manufacturer, String design, Integer layerCount, String formFactor, Double mass,
                                 String dimensions, ElectrodeDescription anode, ElectrodeDescription cathode,
                                 ElectrolyteDescription electrolyte, Double nominalCapacity, Map<String, Object> extra) {
    private static final Set<String> FIELDS = Set.of("manufacturer", "design", "layer_count", "form_factor", "mass",
            "dimensions", "anode", "cathode", "electrolyte", "nominal_capacity");

    public BatteryDescription {
        extra = Fields.frozen(extra);
    }

    static BatteryDescription parse(Fields f, String path) {
        return new BatteryDescription(f.str("manufacturer"), f.str("design"), f.integer("layer_count", 1),
                f.str("form_factor"), f.dbl("mass", null, null), f.str("dimensions"),
                f.object("anode", ElectrodeDescription::parse), f.object("cathode", ElectrodeDescription::parse),
                f.object("electrolyte", ElectrolyteDescription::parse), f.dbl("nominal_capacity", null, null),
                f.extras(FIELDS));
    }

    Map<String, Object> toMap(boolean nulls) {
        return new Fields.Out(nulls).put("manufacturer", manufacturer).put("design", design)
                .put("layer_count", layerCount).put("form_factor", formFactor).put("mass", mass)
                .put("dimensions", dimensions).put("anode", anode == null ? null : anode.toMap(nulls))
                .put("cathode", cathode == null ? null : cathode.toMap(nulls))
                .put("electrolyte", electrolyte == null ? null : electrolyte.toMap(nulls))
                .put("nominal_capacity", nominalCapacity).extras(extra);
    }
}
