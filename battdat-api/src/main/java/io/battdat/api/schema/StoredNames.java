package io.battdat.api.schema;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Finds the constant of a schema enum from the text a file stores for it ({@code constant_current},
 * {@code float}), which is not the Java name of the constant. Shared by {@link ColumnType}, {@link ChargingState}
 * and {@link ControlMethod} so that each declares only which text belongs to which constant.
 */
final class StoredNames {
    private StoredNames() {
    }

    /**
     * A read-only map from stored text to constant. A lookup of {@code null} or of unknown text gives {@code null}
     * (a {@link HashMap} underneath, as {@code Map.copyOf} would throw on a {@code null} key).
     *
     * @param constants  every constant of the enum, as {@code values()} gives them
     * @param storedText the text a constant is stored as
     */
    static <E extends Enum<E>> Map<String, E> index(E[] constants, Function<E, String> storedText) {
        Map<String, E> byText = new HashMap<>();
        for (E constant : constants) {
            byText.put(storedText.apply(constant), constant);
        }
        return Collections.unmodifiableMap(byText);
    }
}
