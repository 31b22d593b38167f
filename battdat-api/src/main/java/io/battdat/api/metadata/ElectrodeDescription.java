package io.battdat.api.metadata;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.battdat.api.BadFormatException;
import io.battdat.api.metadata.DeclaredFields.Field;

/**
 * An electrode (docs/format.md section 4.4). Only {@code name} is required; unknown fields are kept in {@link
 * #extra()}.
 */
@JsonDeserialize(builder = ElectrodeDescription.Builder.class)
public final class ElectrodeDescription extends NamedMetadataModel {
    private static final DeclaredFields FIELDS = fieldsAfterName();
    private static final Field<String> SUPPLIER = FIELDS.add("supplier");
    private static final Field<String> PRODUCT = FIELDS.add("product");
    private static final Field<Double> THICKNESS = FIELDS.add("thickness", Validation::nonNegative);
    private static final Field<Double> AREA = FIELDS.add("area", Validation::nonNegative);
    private static final Field<Double> LOADING = FIELDS.add("loading", Validation::nonNegative);
    private static final Field<Double> POROSITY = FIELDS.add("porosity", Validation::percentage);

    private ElectrodeDescription(Builder b) {
        super(b);
    }

    /** An electrode with only a name. */
    public static ElectrodeDescription named(String name) {
        return new Builder().name(name).build();
    }

    /** A builder for an electrode of that name. */
    public static Builder builder(String name) {
        return new Builder().name(name);
    }

    /** A builder holding this electrode's values. */
    public Builder toBuilder() {
        return new Builder().copyOf(this);
    }

    /** Supplier, or null. */
    public String supplier() {
        return get(SUPPLIER);
    }

    /** Product name, or null. */
    public String product() {
        return get(PRODUCT);
    }

    /** Thickness in um (at least 0), or null. */
    public Double thickness() {
        return get(THICKNESS);
    }

    /** Area in cm^2 (at least 0), or null. */
    public Double area() {
        return get(AREA);
    }

    /** Loading in mg/cm^2 (at least 0), or null. */
    public Double loading() {
        return get(LOADING);
    }

    /** Porosity in % (0 to 100), or null. */
    public Double porosity() {
        return get(POROSITY);
    }

    /** Builds an {@link ElectrodeDescription}. */
    public static final class Builder extends NamedMetadataModel.Builder<Builder> {
        private Builder() {
            super(Builder.class, FIELDS);
        }

        /** Sets the supplier. */
        @JsonProperty
        public Builder supplier(String value) {
            return set(SUPPLIER, value);
        }

        /** Sets the product name. */
        @JsonProperty
        public Builder product(String value) {
            return set(PRODUCT, value);
        }

        /** Sets the thickness in um (at least 0). */
        @JsonProperty
        public Builder thickness(Double value) {
            return set(THICKNESS, value);
        }

        /** Sets the area in cm^2 (at least 0). */
        @JsonProperty
        public Builder area(Double value) {
            return set(AREA, value);
        }

        /** Sets the loading in mg/cm^2 (at least 0). */
        @JsonProperty
        public Builder loading(Double value) {
            return set(LOADING, value);
        }

        /** Sets the porosity in % (0 to 100). */
        @JsonProperty
        public Builder porosity(Double value) {
            return set(POROSITY, value);
        }

        /**
         * The electrode.
         *
         * @throws BadFormatException when a field is invalid
         */
        public ElectrodeDescription build() {
            return new ElectrodeDescription(this);
        }
    }
}
