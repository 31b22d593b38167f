package io.battdat.api.metadata;

import io.battdat.api.BadFormatException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The battery (docs/format.md section 4.4). Every field is optional; unknown fields are kept in {@code extra}.
 *
 * @param manufacturer    manufacturer, or null
 * @param design          product id or cell type, or null
 * @param layerCount      number of layers, greater than 1, or null
 * @param formFactor      form factor, or null
 * @param mass            mass in kg, or null
 * @param dimensions      dimensions as free text, or null
 * @param anode           the anode, or null
 * @param cathode         the cathode, or null
 * @param electrolyte     the electrolyte, or null
 * @param nominalCapacity nominal capacity in A-hr, or null
 * @param extra           unknown fields in order (never null once built)
 */
public record BatteryDescription(String manufacturer, String design, Integer layerCount, String formFactor, Double mass,
                                 String dimensions, ElectrodeDescription anode, ElectrodeDescription cathode,
                                 ElectrolyteDescription electrolyte, Double nominalCapacity, Map<String, Object> extra) {
    private static final Set<String> FIELDS = Set.of("manufacturer", "design", "layer_count", "form_factor", "mass",
            "dimensions", "anode", "cathode", "electrolyte", "nominal_capacity");

    /**
     * Validates and freezes the fields.
     *
     * @throws BadFormatException when {@code layer_count} is not greater than 1 or an extra field repeats a
     *                            declared one
     */
    public BatteryDescription {
        if (layerCount != null && layerCount <= 1) {
            throw Fields.invalid("layer_count", "must be greater than 1, got " + layerCount);
        }
        extra = Fields.frozen(extra, FIELDS);
    }

    /** A builder with every field empty. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this description's values. */
    public Builder toBuilder() {
        return new Builder().manufacturer(manufacturer).design(design).layerCount(layerCount).formFactor(formFactor)
                .mass(mass).dimensions(dimensions).anode(anode).cathode(cathode).electrolyte(electrolyte)
                .nominalCapacity(nominalCapacity).extra(extra);
    }

    static BatteryDescription parse(Fields f, String path) {
        String manufacturer = f.str("manufacturer");
        String design = f.str("design");
        Integer layers = f.integer("layer_count");
        String formFactor = f.str("form_factor");
        Double mass = f.dbl("mass");
        String dimensions = f.str("dimensions");
        ElectrodeDescription anode = f.object("anode", ElectrodeDescription::parse);
        ElectrodeDescription cathode = f.object("cathode", ElectrodeDescription::parse);
        ElectrolyteDescription electrolyte = f.object("electrolyte", ElectrolyteDescription::parse);
        Double capacity = f.dbl("nominal_capacity");
        Map<String, Object> extra = f.extras(FIELDS);
        return Fields.construct(path, () -> new BatteryDescription(manufacturer, design, layers, formFactor, mass,
                dimensions, anode, cathode, electrolyte, capacity, extra));
    }

    Map<String, Object> toMap(boolean nulls) {
        return new Fields.Out(nulls).put("manufacturer", manufacturer).put("design", design)
                .put("layer_count", layerCount).put("form_factor", formFactor).put("mass", mass)
                .put("dimensions", dimensions).put("anode", anode == null ? null : anode.toMap(nulls))
                .put("cathode", cathode == null ? null : cathode.toMap(nulls))
                .put("electrolyte", electrolyte == null ? null : electrolyte.toMap(nulls))
                .put("nominal_capacity", nominalCapacity).extras(extra);
    }

    /** Builds a {@link BatteryDescription}. */
    public static final class Builder {
        private String manufacturer;
        private String design;
        private Integer layerCount;
        private String formFactor;
        private Double mass;
        private String dimensions;
        private ElectrodeDescription anode;
        private ElectrodeDescription cathode;
        private ElectrolyteDescription electrolyte;
        private Double nominalCapacity;
        private final Map<String, Object> extra = new LinkedHashMap<>();

        private Builder() {
        }

        /** Sets the manufacturer. */
        public Builder manufacturer(String value) {
            manufacturer = value;
            return this;
        }

        /** Sets the design (product id or cell type). */
        public Builder design(String value) {
            design = value;
            return this;
        }

        /** Sets the number of layers (greater than 1). */
        public Builder layerCount(Integer value) {
            layerCount = value;
            return this;
        }

        /** Sets the form factor. */
        public Builder formFactor(String value) {
            formFactor = value;
            return this;
        }

        /** Sets the mass in kg. */
        public Builder mass(Double value) {
            mass = value;
            return this;
        }

        /** Sets the dimensions (free text). */
        public Builder dimensions(String value) {
            dimensions = value;
            return this;
        }

        /** Sets the anode. */
        public Builder anode(ElectrodeDescription value) {
            anode = value;
            return this;
        }

        /** Sets the cathode. */
        public Builder cathode(ElectrodeDescription value) {
            cathode = value;
            return this;
        }

        /** Sets the electrolyte. */
        public Builder electrolyte(ElectrolyteDescription value) {
            electrolyte = value;
            return this;
        }

        /** Sets the nominal capacity in A-hr. */
        public Builder nominalCapacity(Double value) {
            nominalCapacity = value;
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
         * The description.
         *
         * @throws BadFormatException when a field is invalid
         */
        public BatteryDescription build() {
            return new BatteryDescription(manufacturer, design, layerCount, formFactor, mass, dimensions, anode, cathode,
                    electrolyte, nominalCapacity, extra);
        }
    }
}
