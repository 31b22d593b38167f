package io.battdat.api.metadata;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.battdat.api.BadFormatException;
import io.battdat.api.metadata.DeclaredFields.Field;

/**
 * An electrolyte additive (docs/format.md section 4.4). {@code units} is a number, as in the Python model (a quirk
 * kept so that
 * files round-trip: a text unit such as {@code "wt%"} is rejected there and here). Unknown fields are kept in
 * {@link #extra()}.
 */
@JsonDeserialize(builder = ElectrolyteAdditive.Builder.class)
public final class ElectrolyteAdditive extends NamedMetadataModel {
    private static final DeclaredFields FIELDS = fieldsAfterName();
    private static final Field<Double> AMOUNT = FIELDS.add("amount");
    private static final Field<Double> UNITS = FIELDS.add("units");

    private ElectrolyteAdditive(Builder b) {
        super(b);
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
        return new Builder().copyOf(this);
    }

    /** Amount, or null. */
    public Double amount() {
        return get(AMOUNT);
    }

    /** Units (typed as a number in battdat), or null. */
    public Double units() {
        return get(UNITS);
    }

    /** Builds an {@link ElectrolyteAdditive}. */
    public static final class Builder extends NamedMetadataModel.Builder<Builder> {
        private Builder() {
            super(Builder.class, FIELDS);
        }

        /** Sets the amount. */
        @JsonProperty
        public Builder amount(Double value) {
            return set(AMOUNT, value);
        }

        /** Sets the units (a number, as battdat types them). */
        @JsonProperty
        public Builder units(Double value) {
            return set(UNITS, value);
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
