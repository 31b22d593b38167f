package io.battdat.api.schema;

/**
 * Whether the battery is charging, resting or discharging (spec 4.2). Released battdat versions (up to 0.4.6)
 * stored the rest state as {@code hold}; it is read as {@link #RESTING}.
 */
public enum ChargingState {
    CHARGING("charging"), RESTING("resting"), DISCHARGING("discharging"), UNKNOWN("unknown");

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
        if ("hold".equals(text)) {
            return RESTING;
        }
        for (ChargingState s : values()) {
            if (s.value.equals(text)) {
                return s;
            }
        }
        return null;
    }
}
