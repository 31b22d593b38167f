package io.battdat.api.metadata;

import io.battdat.api.BadFormatException;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How the cell was cycled (docs/format.md section 4.3). Every field is optional; unknown fields are kept in
 * {@code extra}.
 *
 * @param cycler         cycler make and model, or null
 * @param startDate      first day of testing, or null
 * @param setTemperature set temperature in C, or null
 * @param schedule       schedule file used by the cycler, or null
 * @param extra          unknown fields in order (never null once built)
 */
public record CyclingProtocol(String cycler, LocalDate startDate, Double setTemperature, String schedule,
                              Map<String, Object> extra) {
    private static final Set<String> FIELDS = Set.of("cycler", "start_date", "set_temperature", "schedule");

    /**
     * Freezes the fields.
     *
     * @throws BadFormatException when an extra field repeats a declared one
     */
    public CyclingProtocol {
        extra = Fields.frozen(extra, FIELDS);
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

    static CyclingProtocol parse(Fields f, String path) {
        String cycler = f.str("cycler");
        LocalDate start = f.date("start_date");
        Double temperature = f.dbl("set_temperature");
        String schedule = f.str("schedule");
        Map<String, Object> extra = f.extras(FIELDS);
        return Fields.construct(path, () -> new CyclingProtocol(cycler, start, temperature, schedule, extra));
    }

    Map<String, Object> toMap(boolean nulls) {
        return new Fields.Out(nulls).put("cycler", cycler).put("start_date", startDate)
                .put("set_temperature", setTemperature).put("schedule", schedule).extras(extra);
    }

    /** Builds a {@link CyclingProtocol}. */
    public static final class Builder {
        private String cycler;
        private LocalDate startDate;
        private Double setTemperature;
        private String schedule;
        private final Map<String, Object> extra = new LinkedHashMap<>();

        private Builder() {
        }

        /** Sets the cycler. */
        public Builder cycler(String value) {
            cycler = value;
            return this;
        }

        /** Sets the first day of testing. */
        public Builder startDate(LocalDate value) {
            startDate = value;
            return this;
        }

        /** Sets the set temperature in C. */
        public Builder setTemperature(Double value) {
            setTemperature = value;
            return this;
        }

        /** Sets the schedule file name. */
        public Builder schedule(String value) {
            schedule = value;
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

        /** The protocol. */
        public CyclingProtocol build() {
            return new CyclingProtocol(cycler, startDate, setTemperature, schedule, extra);
        }
    }
}
