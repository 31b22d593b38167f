package io.battdat.api.schema;

/** How a charge or discharge was controlled (spec 4.2). */
public enum ControlMethod {
    SHORT_REST("short_rest"), REST("rest"), SHORT_NONREST("short_nonrest"), PULSE("pulse"),
    CONSTANT_CURRENT("constant_current"), CONSTANT_VOLTAGE("constant_voltage"), CONSTANT_POWER("constant_power"),
    UNKNOWN("unknown"), OTHER("other");

    private final String value;

    ControlMethod(String value) {
        this.value = value;
    }

    /** The stored value. */
    public String value() {
        return value;
    }

    /** The method for a stored value, or null when it names none. */
    public static ControlMethod fromValue(String text) {
        for (ControlMethod m : values()) {
            if (m.value.equals(text)) {
                return m;
            }
        }
        return null;
    }
}
