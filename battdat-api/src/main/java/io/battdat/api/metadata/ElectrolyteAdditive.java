package io.battdat.api.metadata;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An electrolyte additive (spec 3.4). {@code units} is a number, as in the Python model (a quirk kept so files
 * round-trip).
 *
 * @param name   required name
 * @param amount amount, or null
 * @param units  units (typed as a number in battdat), or null
 * @param extra  unknown fields in order
 */
public record ElectrolyteAdditive(String name, Double amount, Double units, Map<String, Object> extra) {
    private static final Set<String> FIELDS = Set.of("name", "amount", "units");

    public ElectrolyteAdditive {
        Objects.requireNonNull(name, "name");
        extra = Fields.frozen(extra);
    }

    static ElectrolyteAdditive parse(Fields f, String path) {
        return new ElectrolyteAdditive(f.requiredStr("name"), f.dbl("amount", null, null), f.dbl("units", null, null),
                f.extras(FIELDS));
    }

    Map<String, Object> toMap(boolean nulls) {
        return new Fields.Out(nulls).put("name", name).put("amount", amount).put("units", units).extras(extra);
    }
}
