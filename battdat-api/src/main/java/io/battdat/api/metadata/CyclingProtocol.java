package io.battdat.api.metadata;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.battdat.api.json.Json;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the cell was cycled (docs/format.md section 4.3). Every field is optional; unknown fields are kept in {@link
 * #extra()}.
 */
@JsonDeserialize(builder = CyclingProtocol.Builder.class)
public final class CyclingProtocol {
    // the JSON fields, written in this order (pydantic's) under their snake_case names
    @JsonProperty
    private final String cycler;
    @JsonProperty
    private final LocalDate startDate;
    @JsonProperty
    private final Double setTemperature;
    @JsonProperty
    private final String schedule;
    private final Map<String, Object> extra;

    private CyclingProtocol(Builder b) {
        cycler = b.cycler;
        startDate = b.startDate;
        setTemperature = b.setTemperature;
        schedule = b.schedule;
        extra = Validation.frozenExtra(b.extra, CyclingProtocol.class);
    }

    /** A builder with every field empty. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this protocol's values. */
    public Builder toBuilder() {
        return new Builder().cycler(cycler).startDate(startDate).setTemperature(setTemperature).schedule(schedule)
                .extra(extra);
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

    /** Unknown fields in their order, unmodifiable (never null). */
    @JsonAnyGetter
    @JsonSerialize(using = ExtraFieldsWriter.class)
    public Map<String, Object> extra() {
        return extra;
    }

    private List<Object> values() {
        return Arrays.asList(cycler, startDate, setTemperature, schedule, extra);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CyclingProtocol other && values().equals(other.values());
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }

    /** The description as JSON with every field. */
    @Override
    public String toString() {
        return "CyclingProtocol" + Json.write(this);
    }

    /** Builds a {@link CyclingProtocol}. */
    @JsonPOJOBuilder(withPrefix = "")
    public static final class Builder {
        private String cycler;
        private LocalDate startDate;
        private Double setTemperature;
        private String schedule;
        private final Map<String, Object> extra = new LinkedHashMap<>();

        private Builder() {
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

        /** Sets an extra (unknown) field. */
        @JsonAnySetter
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

        /** The protocol. */
        public CyclingProtocol build() {
            return new CyclingProtocol(this);
        }
    }
}
