package io.battdat.api.metadata;

import io.battdat.api.BadFormatException;

import java.util.Map;
import java.util.Set;

/**
 * An electrolyte additive (docs/format.md section 4.4). {@code units} is a number, as in the Python model (a quirk kept
 * so that files round-trip: a text unit such as {@code "wt%"} is rejected there and here).
 *
 * @param name   required name
 * @param amount amount, or null
 * @param units  units (typed as a number in battdat), or null
 * @param extra  unknown fields in order (never null once built)
 */
public record ElectrolyteAdditive(String name, Double amount, Double units, Map<String, Object> extra) {
    private static final Set<String> FIELDS = Set.of("name", "amount", "units");

    /**
     * Validates and freezes the fields.
     *
     * @throws BadFormatException when the name is missing or an extra field repeats a declared one
     */
    public ElectrolyteAdditive {
        Fields.required("name", name);
        extra = Fields.frozen(extra, FIELDS);
    }

    /** An additive with a name and an amount. */
    public static ElectrolyteAdditive of(String name, Double amount) {
        return new ElectrolyteAdditive(name, amount, null, Map.of());
    }

    static ElectrolyteAdditive parse(Object value, String path) {
        Fields f = Fields.of(value, path);
        String name = f.requiredStr("name");
        Double amount = f.dbl("amount");
        Double units = f.dbl("units");
        Map<String, Object> extra = f.extras(FIELDS);
        return Fields.construct(path, () -> new ElectrolyteAdditive(name, amount, units, extra));
    }

    Map<String, Object> toMap(boolean nulls) {
        return new Fields.Out(nulls).put("name", name).put("amount", amount).put("units", units).extras(extra);
    }
}
