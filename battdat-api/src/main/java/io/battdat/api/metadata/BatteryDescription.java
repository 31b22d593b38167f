package io.battdat.api.metadata;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.battdat.api.BadFormatException;

import java.util.Arrays;
import java.util.List;

/**
 * The battery (docs/format.md section 4.4). Every field is optional; unknown fields are kept in {@link #extra()}.
 */
@JsonDeserialize(builder = BatteryDescription.Builder.class)
public final class BatteryDescription extends MetadataModel {
    // the JSON fields, written in this order (pydantic's) under their snake_case names
    @JsonProperty
    private final String manufacturer;
    @JsonProperty
    private final String design;
    @JsonProperty
    private final Integer layerCount;
    @JsonProperty
    private final String formFactor;
    @JsonProperty
    private final Double mass;
    @JsonProperty
    private final String dimensions;
    @JsonProperty
    private final ElectrodeDescription anode;
    @JsonProperty
    private final ElectrodeDescription cathode;
    @JsonProperty
    private final ElectrolyteDescription electrolyte;
    @JsonProperty
    private final Double nominalCapacity;

    private BatteryDescription(Builder b) {
        super(b);
        if (b.layerCount != null && b.layerCount <= 1) {
            throw Validation.invalid("layer_count", "must be greater than 1, got " + b.layerCount);
        }
        manufacturer = b.manufacturer;
        design = b.design;
        layerCount = b.layerCount;
        formFactor = b.formFactor;
        mass = b.mass;
        dimensions = b.dimensions;
        anode = b.anode;
        cathode = b.cathode;
        electrolyte = b.electrolyte;
        nominalCapacity = b.nominalCapacity;
    }

    /** A builder with every field empty. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this description's values. */
    public Builder toBuilder() {
        return new Builder().manufacturer(manufacturer).design(design).layerCount(layerCount).formFactor(formFactor)
                .mass(mass).dimensions(dimensions).anode(anode).cathode(cathode).electrolyte(electrolyte)
                .nominalCapacity(nominalCapacity).extra(extra());
    }

    /** Manufacturer, or null. */
    public String manufacturer() {
        return manufacturer;
    }

    /** Product id or cell type, or null. */
    public String design() {
        return design;
    }

    /** Number of layers (greater than 1), or null. */
    public Integer layerCount() {
        return layerCount;
    }

    /** Form factor, or null. */
    public String formFactor() {
        return formFactor;
    }

    /** Mass in kg, or null. */
    public Double mass() {
        return mass;
    }

    /** Dimensions as free text, or null. */
    public String dimensions() {
        return dimensions;
    }

    /** The anode, or null. */
    public ElectrodeDescription anode() {
        return anode;
    }

    /** The cathode, or null. */
    public ElectrodeDescription cathode() {
        return cathode;
    }

    /** The electrolyte, or null. */
    public ElectrolyteDescription electrolyte() {
        return electrolyte;
    }

    /** Nominal capacity in A-hr, or null. */
    public Double nominalCapacity() {
        return nominalCapacity;
    }

    @Override
    List<Object> fieldValues() {
        return Arrays.asList(manufacturer, design, layerCount, formFactor, mass, dimensions, anode, cathode,
                electrolyte, nominalCapacity);
    }

    /** Builds a {@link BatteryDescription}. */
    @JsonPOJOBuilder(withPrefix = "")
    public static final class Builder extends MetadataModel.Builder<Builder> {
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

        private Builder() {
            super(Builder.class);
        }

        /** Sets the manufacturer. */
        @JsonProperty
        public Builder manufacturer(String value) {
            manufacturer = value;
            return this;
        }

        /** Sets the design (product id or cell type). */
        @JsonProperty
        public Builder design(String value) {
            design = value;
            return this;
        }

        /** Sets the number of layers (greater than 1). */
        @JsonProperty
        public Builder layerCount(Integer value) {
            layerCount = value;
            return this;
        }

        /** Sets the form factor. */
        @JsonProperty
        public Builder formFactor(String value) {
            formFactor = value;
            return this;
        }

        /** Sets the mass in kg. */
        @JsonProperty
        public Builder mass(Double value) {
            mass = value;
            return this;
        }

        /** Sets the dimensions (free text). */
        @JsonProperty
        public Builder dimensions(String value) {
            dimensions = value;
            return this;
        }

        /** Sets the anode. */
        @JsonProperty
        public Builder anode(ElectrodeDescription value) {
            anode = value;
            return this;
        }

        /** Sets the cathode. */
        @JsonProperty
        public Builder cathode(ElectrodeDescription value) {
            cathode = value;
            return this;
        }

        /** Sets the electrolyte. */
        @JsonProperty
        public Builder electrolyte(ElectrolyteDescription value) {
            electrolyte = value;
            return this;
        }

        /** Sets the nominal capacity in A-hr. */
        @JsonProperty
        public Builder nominalCapacity(Double value) {
            nominalCapacity = value;
            return this;
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
