package io.battdat.api.metadata;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.battdat.api.BadFormatException;
import io.battdat.api.metadata.DeclaredFields.Field;

/**
 * The battery (docs/format.md section 4.4). Every field is optional; unknown fields are kept in {@link #extra()}.
 */
@JsonDeserialize(builder = BatteryDescription.Builder.class)
public final class BatteryDescription extends MetadataModel {
    private static final DeclaredFields FIELDS = new DeclaredFields();
    private static final Field<String> MANUFACTURER = FIELDS.add("manufacturer");
    private static final Field<String> DESIGN = FIELDS.add("design");
    private static final Field<Integer> LAYER_COUNT = FIELDS.add("layer_count", BatteryDescription::moreThanOne);
    private static final Field<String> FORM_FACTOR = FIELDS.add("form_factor");
    private static final Field<Double> MASS = FIELDS.add("mass");
    private static final Field<String> DIMENSIONS = FIELDS.add("dimensions");
    private static final Field<ElectrodeDescription> ANODE = FIELDS.add("anode");
    private static final Field<ElectrodeDescription> CATHODE = FIELDS.add("cathode");
    private static final Field<ElectrolyteDescription> ELECTROLYTE = FIELDS.add("electrolyte");
    private static final Field<Double> NOMINAL_CAPACITY = FIELDS.add("nominal_capacity");

    private BatteryDescription(Builder b) {
        super(b);
    }

    private static Integer moreThanOne(String field, Integer layerCount) {
        if (layerCount != null && layerCount <= 1) {
            throw Validation.invalid(field, "must be greater than 1, got " + layerCount);
        }
        return layerCount;
    }

    /** A builder with every field empty. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this description's values. */
    public Builder toBuilder() {
        return new Builder().copyOf(this);
    }

    /** Manufacturer, or null. */
    public String manufacturer() {
        return get(MANUFACTURER);
    }

    /** Product id or cell type, or null. */
    public String design() {
        return get(DESIGN);
    }

    /** Number of layers (greater than 1), or null. */
    public Integer layerCount() {
        return get(LAYER_COUNT);
    }

    /** Form factor, or null. */
    public String formFactor() {
        return get(FORM_FACTOR);
    }

    /** Mass in kg, or null. */
    public Double mass() {
        return get(MASS);
    }

    /** Dimensions as free text, or null. */
    public String dimensions() {
        return get(DIMENSIONS);
    }

    /** The anode, or null. */
    public ElectrodeDescription anode() {
        return get(ANODE);
    }

    /** The cathode, or null. */
    public ElectrodeDescription cathode() {
        return get(CATHODE);
    }

    /** The electrolyte, or null. */
    public ElectrolyteDescription electrolyte() {
        return get(ELECTROLYTE);
    }

    /** Nominal capacity in A-hr, or null. */
    public Double nominalCapacity() {
        return get(NOMINAL_CAPACITY);
    }

    /** Builds a {@link BatteryDescription}. */
    public static final class Builder extends MetadataModel.Builder<Builder> {
        private Builder() {
            super(Builder.class, FIELDS);
        }

        /** Sets the manufacturer. */
        @JsonProperty
        public Builder manufacturer(String value) {
            return set(MANUFACTURER, value);
        }

        /** Sets the design (product id or cell type). */
        @JsonProperty
        public Builder design(String value) {
            return set(DESIGN, value);
        }

        /** Sets the number of layers (greater than 1). */
        @JsonProperty
        public Builder layerCount(Integer value) {
            return set(LAYER_COUNT, value);
        }

        /** Sets the form factor. */
        @JsonProperty
        public Builder formFactor(String value) {
            return set(FORM_FACTOR, value);
        }

        /** Sets the mass in kg. */
        @JsonProperty
        public Builder mass(Double value) {
            return set(MASS, value);
        }

        /** Sets the dimensions (free text). */
        @JsonProperty
        public Builder dimensions(String value) {
            return set(DIMENSIONS, value);
        }

        /** Sets the anode. */
        @JsonProperty
        public Builder anode(ElectrodeDescription value) {
            return set(ANODE, value);
        }

        /** Sets the cathode. */
        @JsonProperty
        public Builder cathode(ElectrodeDescription value) {
            return set(CATHODE, value);
        }

        /** Sets the electrolyte. */
        @JsonProperty
        public Builder electrolyte(ElectrolyteDescription value) {
            return set(ELECTROLYTE, value);
        }

        /** Sets the nominal capacity in A-hr. */
        @JsonProperty
        public Builder nominalCapacity(Double value) {
            return set(NOMINAL_CAPACITY, value);
        }

        /**
         * The description.
         *
         * @throws BadFormatException when a field is invalid
         */
        public BatteryDescription build() {
            return new BatteryDescription(this);
        }
    }
}
