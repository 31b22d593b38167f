package io.battdat.api.metadata;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.battdat.api.BadFormatException;

import java.util.Arrays;
import java.util.List;

/**
 * An electrolyte additive (docs/format.md section 4.4). {@code units} is a number, as in the Python model (a quirk
 * kept so that
 * files round-trip: a text unit such as {@code "wt%"} is rejected there and here). Unknown fields are kept in
 * {@link #extra()}.
 */
@JsonDeserialize(builder = ElectrolyteAdditive.Builder.class)
public final class ElectrolyteAdditive extends MetadataModel {
    // the JSON fields, written in this order (pydantic's) under their snake_case names
    @JsonProperty
    private final String name;
    @JsonProperty
    private final Double amount;
    @JsonProperty
    private final Double units;

    private ElectrolyteAdditive(Builder b) {
        super(b);
        Validation.required("name", b.name);
        name = b.name;
        amount = b.amount;
        units = b.units;
    }

    /** An additive with a name and an amount. */
    public static ElectrolyteAdditive of(String name, Double amount) {
        return builder(name).amount(amount).build();
    }

    /** A builder for an additive of that name. */
    public static Builder builder(String name) {
        return new Builder().name(name);
    }

    /** A builder holding this additive's values. */
    public Builder toBuilder() {
        return new Builder().name(name).amount(amount).units(units).extra(extra());
    }

    /** Required name. */
    public String name() {
        return name;
    }

    /** Amount, or null. */
    public Double amount() {
        return amount;
    }

    /** Units (typed as a number in battdat), or null. */
    public Double units() {
        return units;
    }

    @Override
    List<Object> fieldValues() {
        return Arrays.asList(name, amount, units);
    }

    /** Builds an {@link ElectrolyteAdditive}. */
    @JsonPOJOBuilder(withPrefix = "")
    public static final class Builder extends MetadataModel.Builder<Builder> {
        private String name;
        private Double amount;
        private Double units;

        private Builder() {
            super(Builder.class);
        }

        /** Sets the (required) name. */
        @JsonProperty
        public Builder name(String value) {
            name = value;
            return this;
        }

        /** Sets the amount. */
        @JsonProperty
        public Builder amount(Double value) {
            amount = value;
            return this;
        }

        /** Sets the units (a number, as battdat types them). */
        @JsonProperty
        public Builder units(Double value) {
            units = value;
            return this;
        }

        /**
         * The additive.
         *
         * @throws BadFormatException when the name is missing or an extra field repeats a declared one
         */
        public ElectrolyteAdditive build() {
            return new ElectrolyteAdditive(this);
        }
    }
}
