package io.battdat.charts;

import java.util.Locale;

/** The charts battdat draws. */
public enum ChartKind {
    /** Discharge and charge capacity per cycle. */
    CAPACITY("Capacity fade"),
    /** Coulombic and energy efficiency per cycle. */
    EFFICIENCY("Efficiency per cycle"),
    /** Voltage against capacity cycled, one line per chosen cycle. */
    VOLTAGE_CAPACITY("Voltage against cycled capacity"),
    /** Smoothed dQ/dV against voltage on discharge, one line per chosen cycle. */
    DQDV("dQ/dV on discharge"),
    /** Voltage, current and temperature over test time. */
    TIMESERIES("Time series");

    private final String heading;

    ChartKind(String heading) {
        this.heading = heading;
    }

    /** The name on the command line: the constant's name in lower case, words joined by '-'. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The heading of the chart. */
    public String heading() {
        return heading;
    }

    /** Whether the chart needs the raw points (a second pass), not only the cycle table. */
    public boolean needsRawPoints() {
        return this == VOLTAGE_CAPACITY || this == DQDV || this == TIMESERIES;
    }

    /** The kind of a command-line name, e.g. {@code voltage-capacity}. */
    public static ChartKind of(String name) {
        for (ChartKind k : values()) {
            if (k.cliName().equals(name.toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new io.battdat.api.InvalidUseException("no chart '" + name + "'; charts are capacity, efficiency, "
                + "voltage-capacity, dqdv, timeseries");
    }
}
