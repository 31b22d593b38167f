package io.battdat.api.metadata;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * How the cell was cycled (docs/format.md section 4.3). Every field is optional; unknown fields are kept in {@link
 * #extra()}.
 */
@JsonDeserialize(builder = CyclingProtocol.Builder.class)
public final class CyclingProtocol extends MetadataModel {
    // the JSON fields, written in this order (pydantic's) under their snake_case names
    @JsonProperty
    private final String cycler;
    @JsonProperty
    private final LocalDate startDate;
    @JsonProperty
    private final Double setTemperature;
    @JsonProperty
    private final String schedule;

    private CyclingProtocol(Builder b) {
        super(b);
        cycler = b.cycler;
        startDate = b.startDate;
        setTemperature = b.setTemperature;
        schedule = b.schedule;
    }

    /** A builder with every field empty. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this protocol's values. */
    public Builder toBuilder() {
        return new Builder().cycler(cycler).startDate(startDate).setTemperature(setTemperature).schedule(schedule)
                .extra(extra());
    }

    /** Cycler make and model, or null. */
    public String cycler() {
        return cycler;
    }

    /** First day of testing, or null. */
    public LocalDate startDate() {
        return startDate;
    }

    /** Set temperature in C, or null. */
    public Double setTemperature() {
        return setTemperature;
    }

    /** Schedule file used by the cycler, or null. */
    public String schedule() {
        return schedule;
    }

    @Override
    List<Object> fieldValues() {
        return Arrays.asList(cycler, startDate, setTemperature, schedule);
    }

    /** Builds a {@link CyclingProtocol}. */
    @JsonPOJOBuilder(withPrefix = "")
    public static final class Builder extends MetadataModel.Builder<Builder> {
        private String cycler;
        private LocalDate startDate;
        private Double setTemperature;
        private String schedule;

        private Builder() {
            super(Builder.class);
        }

        /** Sets the cycler. */
        @JsonProperty
        public Builder cycler(String value) {
            cycler = value;
            return this;
        }

        /** Sets the first day of testing. */
        @JsonProperty
        public Builder startDate(LocalDate value) {
            startDate = value;
            return this;
        }

        /** Sets the set temperature in C. */
        @JsonProperty
        public Builder setTemperature(Double value) {
            setTemperature = value;
            return this;
        }

        /** Sets the schedule file name. */
        @JsonProperty
        public Builder schedule(String value) {
            schedule = value;
            return this;
        }

        /** The protocol. */
        public CyclingProtocol build() {
            return new CyclingProtocol(this);
        }
    }
}
