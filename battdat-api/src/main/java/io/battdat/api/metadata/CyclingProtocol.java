package io.battdat.api.metadata;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.battdat.api.metadata.DeclaredFields.Field;

import java.time.LocalDate;

/**
 * How the cell was cycled (docs/format.md section 4.3). Every field is optional; unknown fields are kept in {@link
 * #extra()}.
 */
@JsonDeserialize(builder = CyclingProtocol.Builder.class)
public final class CyclingProtocol extends MetadataModel {
    private static final DeclaredFields FIELDS = new DeclaredFields();
    private static final Field<String> CYCLER = FIELDS.add("cycler");
    private static final Field<LocalDate> START_DATE = FIELDS.add("start_date");
    private static final Field<Double> SET_TEMPERATURE = FIELDS.add("set_temperature");
    private static final Field<String> SCHEDULE = FIELDS.add("schedule");

    private CyclingProtocol(Builder b) {
        super(b);
    }

    /** A builder with every field empty. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this protocol's values. */
    public Builder toBuilder() {
        return new Builder().copyOf(this);
    }

    /** Cycler make and model, or null. */
    public String cycler() {
        return get(CYCLER);
    }

    /** First day of testing, or null. */
    public LocalDate startDate() {
        return get(START_DATE);
    }

    /** Set temperature in C, or null. */
    public Double setTemperature() {
        return get(SET_TEMPERATURE);
    }

    /** Schedule file used by the cycler, or null. */
    public String schedule() {
        return get(SCHEDULE);
    }

    /** Builds a {@link CyclingProtocol}. */
    public static final class Builder extends MetadataModel.Builder<Builder> {
        private Builder() {
            super(Builder.class, FIELDS);
        }

        /** Sets the cycler. */
        @JsonProperty
        public Builder cycler(String value) {
            return set(CYCLER, value);
        }

        /** Sets the first day of testing. */
        @JsonProperty
        public Builder startDate(LocalDate value) {
            return set(START_DATE, value);
        }

        /** Sets the set temperature in C. */
        @JsonProperty
        public Builder setTemperature(Double value) {
            return set(SET_TEMPERATURE, value);
        }

        /** Sets the schedule file name. */
        @JsonProperty
        public Builder schedule(String value) {
            return set(SCHEDULE, value);
        }

        /** The protocol. */
        public CyclingProtocol build() {
            return new CyclingProtocol(this);
        }
    }
}
