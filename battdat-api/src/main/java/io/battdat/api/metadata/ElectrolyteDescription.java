package io.battdat.api.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An electrolyte (spec 3.4). {@code additives} defaults to an empty list, which is written even when nulls are
 * left out.
 *
 * @param name      required name
 * @param additives additives, never null
 * @param extra     unknown fields in order
 */
public record ElectrolyteDescription(String name, List<ElectrolyteAdditive> additives, Map<String, Object> extra) {
    private static final Set<String> FIELDS = Set.of("name", "additives");

    public ElectrolyteDescription {
        Objects.requireNonNull(name, "name");
        additives = List.copyOf(additives == null ? List.of() : additives);
        extra = Fields.frozen(extra);
    }

    static ElectrolyteDescription parse(Fields f, String path) {
        List<ElectrolyteAdditive> additives = f.list("additives",
                (v, p) -> ElectrolyteAdditive.parse(Fields.of(v, p), p));
        return new ElectrolyteDescription(f.requiredStr("name"), additives, f.extras(FIELDS));
    }

    Map<String, Object> toMap(boolean nulls) {
        List<Object> list = new ArrayList<>();
        additives.forEach(a -> list.add(a.toMap(nulls)));
        return new Fields.Out(nulls).put("name", name).put("additives", list).extras(extra);
    }
}
