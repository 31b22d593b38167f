package io.battdat.api.schema;

import java.util.Map;

/**
 * Whether the battery is charging, resting or discharging (docs/format.md section 5.2). Released battdat versions (up
 * to 0.4.6) stored the rest state as {@code hold}; it is read as {@link #RESTING}.
 */
public enum ChargingState {
    /** The battery is charging ({@code charging}). */
    CHARGING("charging"),
    /** The battery is resting ({@code resting}; {@code hold} in battdat up to 0.4.6). */
    RESTING("resting"),
    /** The battery is discharging ({@code discharging}). */
    DISCHARGING("discharging"),
    /** The state is not known ({@code unknown}). */
    UNKNOWN("unknown");

    /** The rest state's value in battdat releases up to 0.4.6, read as {@link #RESTING}. */
    public static final String LEGACY_REST_VALUE = "hold";

    private static final Map<String, ChargingState> BY_VALUE = StoredNames.index(values(), ChargingState::value);

    private final String value;

    ChargingState(String value) {
        this.value = value;
    }

    /** The stored value. */
    public String value() {
        return value;
    }

    /** The state for a stored value ({@code hold} = resting), or null when it names none. */
    public static ChargingState fromValue(String text) {
        if (LEGACY_REST_VALUE.equals(text)) {
            return RESTING;
        }
        return BY_VALUE.get(text);
    }
}
