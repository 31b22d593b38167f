package io.battdat.api.metadata;

import io.battdat.api.BadFormatException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An electrolyte (docs/format.md section 4.4). {@code additives} defaults to an empty list, which is written even when
 * nulls are left out; in JSON it may be missing but not null (it is not nullable in Python).
 *
 * @param name      required name
 * @param additives additives (null becomes an empty list)
 * @param extra     unknown fields in order (never null once built)
 */
public record ElectrolyteDescription(String name, List<ElectrolyteAdditive> additives, Map<String, Object> extra) {
    private static final Set<String> FIELDS = Set.of("name", "additives");

    /**
     * Validates and freezes the fields.
     *
     * @throws BadFormatException when the name is missing, an additive is null, or an extra field repeats a
     *                            declared one
     */
    public ElectrolyteDescription {
        Fields.required("name", name);
        List<ElectrolyteAdditive> copy = new ArrayList<>();
        if (additives != null) {
            for (int i = 0; i < additives.size(); i++) {
                Fields.required("additives[" + i + "]", additives.get(i));
                copy.add(additives.get(i));
            }
        }
        additives = List.copyOf(copy);
        extra = Fields.frozen(extra, FIELDS);
    }

    /** An electrolyte with a name and additives. */
    public static ElectrolyteDescription of(String name, ElectrolyteAdditive... additives) {
        return new ElectrolyteDescription(name, List.of(additives), Map.of());
    }

    static ElectrolyteDescription parse(Fields f, String path) {
        String name = f.requiredStr("name");
        List<ElectrolyteAdditive> additives = f.nonNullList("additives", ElectrolyteAdditive::parse);
        Map<String, Object> extra = f.extras(FIELDS);
        return Fields.construct(path, () -> new ElectrolyteDescription(name, additives, extra));
    }

    Map<String, Object> toMap(boolean nulls) {
        List<Object> list = new ArrayList<>();
        additives.forEach(a -> list.add(a.toMap(nulls)));
        return new Fields.Out(nulls).put("name", name).put("additives", list).extras(extra);
    }
}
