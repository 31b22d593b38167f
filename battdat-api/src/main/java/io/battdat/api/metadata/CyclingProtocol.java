package io.battdat.api.metadata;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * How the cell was cycled (spec 3.3).
 *
 * @param cycler         cycler make and model
 * @param startDate      first day of testing
 * @param setTemperature set temperature in C
 * @param schedule       schedule file used by the cycler
 * @param extra          unknown fields in order
 */
public record CyclingProtocol(String cycler, LocalDate startDate, Double setTemperature, String schedule,
                              Map<String, Object> extra) {
    private static final Set<String> FIELDS = Set.of("cycler", "start_date", "set_temperature", "schedule");

    public CyclingProtocol {
        extra = Fields.frozen(extra);
    }

    static CyclingProtocol parse(Fields f, String path) {
        return new CyclingProtocol(f.str("cycler"), f.date("start_date"), f.dbl("set_temperature", null, null),
                f.str("schedule"), f.extras(FIELDS));
    }

    Map<String, Object> toMap(boolean nulls) {
        return new Fields.Out(nulls).put("cycler", cycler).put("start_date", startDate)
                .put("set_temperature", setTemperature).put("schedule", schedule).extras(extra);
    }
}
