package io.battdat.api.metadata;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.battdat.api.BadFormatException;

import java.util.Arrays;
import java.util.List;

/**
 * An electrode (docs/format.md section 4.4). Only {@code name} is required; unknown fields are kept in {@link
 * #extra()}.
 */
@JsonDeserialize(builder = ElectrodeDescription.Builder.class)
public final class ElectrodeDescription extends MetadataModel {
    // the JSON fields, written in this order (pydantic's) under their snake_case names
    @JsonProperty
    private final String name;
    @JsonProperty
    private final String supplier;
    @JsonProperty
    private final String product;
    @JsonProperty
    private final Double thickness;
    @JsonProperty
    private final Double area;
    @JsonProperty
    private final Double loading;
    @JsonProperty
    private final Double porosity;

    private ElectrodeDescription(Builder b) {
        super(b);
        Validation.required("name", b.name);
        Validation.range("thickness", b.thickness, 0, Double.POSITIVE_INFINITY);
        Validation.range("area", b.area, 0, Double.POSITIVE_INFINITY);
        Validation.range("loading", b.loading, 0, Double.POSITIVE_INFINITY);
        Validation.range("porosity", b.porosity, 0, 100);
        name = b.name;
        supplier = b.supplier;
        product = b.product;
        thickness = b.thickness;
        area = b.area;
        loading = b.loading;
        porosity = b.porosity;
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
        return new Builder().name(name).supplier(supplier).product(product).thickness(thickness).area(area)
                .loading(loading).porosity(porosity).extra(extra());
    }

    /** Required name. */
    public String name() {
        return name;
    }

    /** Supplier, or null. */
    public String supplier() {
        return supplier;
    }

    /** Product name, or null. */
    public String product() {
        return product;
    }

    /** Thickness in um (at least 0), or null. */
    public Double thickness() {
        return thickness;
    }

    /** Area in cm^2 (at least 0), or null. */
    public Double area() {
        return area;
    }

    /** Loading in mg/cm^2 (at least 0), or null. */
    public Double loading() {
        return loading;
    }

    /** Porosity in % (0 to 100), or null. */
    public Double porosity() {
        return porosity;
    }

    @Override
    List<Object> fieldValues() {
        return Arrays.asList(name, supplier, product, thickness, area, loading, porosity);
    }

    /** Builds an {@link ElectrodeDescription}. */
    @JsonPOJOBuilder(withPrefix = "")
    public static final class Builder extends MetadataModel.Builder<Builder> {
        private String name;
        private String supplier;
        private String product;
        private Double thickness;
        private Double area;
        private Double loading;
        private Double porosity;

        private Builder() {
            super(Builder.class);
        }

        /** Sets the (required) name. */
        @JsonProperty
        public Builder name(String value) {
            name = value;
            return this;
        }

        /** Sets the supplier. */
        @JsonProperty
        public Builder supplier(String value) {
            supplier = value;
            return this;
        }

        /** Sets the product name. */
        @JsonProperty
        public Builder product(String value) {
            product = value;
            return this;
        }

        /** Sets the thickness in um (at least 0). */
        @JsonProperty
        public Builder thickness(Double value) {
            thickness = value;
            return this;
        }

        /** Sets the area in cm^2 (at least 0). */
        @JsonProperty
        public Builder area(Double value) {
            area = value;
            return this;
        }

        /** Sets the loading in mg/cm^2 (at least 0). */
        @JsonProperty
        public Builder loading(Double value) {
            loading = value;
            return this;
        }

        /** Sets the porosity in % (0 to 100). */
        @JsonProperty
        public Builder porosity(Double value) {
            porosity = value;
            return this;
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
