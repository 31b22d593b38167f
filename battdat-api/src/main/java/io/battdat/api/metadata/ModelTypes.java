package io.battdat.api.metadata;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.Optional;

/** Kinds of models behind simulated data (docs/format.md section 4.5); the JSON value is the lower-case name. */
public enum ModelTypes {
    /** Physics-based simulation ({@code physics}). */
    PHYSICS,
    /** Data-driven model ({@code data}). */
    DATA,
    /** Empirical model ({@code empirical}). */
    EMPIRICAL;

    /** The value stored in JSON: the constant's name in lower case. */
    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type stored as that JSON value, if any. */
    public static Optional<ModelTypes> fromValue(String value) {
        for (ModelTypes t : values()) {
            if (t.json().equals(value)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The type stored as that JSON value; how JSON is read. */
    @JsonCreator
    static ModelTypes fromJson(String value) {
        return fromValue(value).orElseThrow(
                () -> Validation.invalid("", "must be one of physics, data, empirical; got \"" + value + "\""));
    }
}
