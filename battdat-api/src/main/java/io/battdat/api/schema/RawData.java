package io.battdat.api.schema;

import java.util.Map;

import static io.battdat.api.schema.ColumnType.CONTROL;
import static io.battdat.api.schema.ColumnType.FLOAT;
import static io.battdat.api.schema.ColumnType.INTEGER;
import static io.battdat.api.schema.ColumnType.STATE;

/**
 * The time series of one cell, table {@code raw_data} (docs/format.md section 5.4; descriptions as the Python toolkit
 * stores them).
 */
public final class RawData extends ColumnSchema {
    static final Map<String, ColumnInfo> COLUMNS = new Columns()
            .add("file_number", INTEGER, null, false, true,
                    "Which file a row came from, if the data was originally split into multiple files")
            .add("state", STATE, null, false, false, "Whether the battery is being charged, discharged or otherwise.")
            .add("method", CONTROL, null, false, false, "Method to control the charge or discharge")
            .add("cycle_number", INTEGER, null, false, true, "Index of the testing cycle, starting at 0.")
            .add("step_index", INTEGER, null, false, false, "Index of the step number within a testing cycle. A step "
                    + "change is defined by a change states between charging, discharging, or resting.")
            .add("substep_index", INTEGER, null, false, false, "Change of the control method within a cycle.")
            .add("test_time", FLOAT, "s", true, true, "Time from the beginning of measurements")
            .add("voltage", FLOAT, "V", true, false, "Measured voltage of the system")
            .add("current", FLOAT, "A", true, false,
                    "Measured current of the system. Positive current represents the battery charging.")
            .add("internal_resistance", FLOAT, "ohm", false, false, "Internal resistance of the battery.")
            .add("time", FLOAT, "s", false, true, "Time as a UNIX timestamp.")
            .add("temperature", FLOAT, "C", false, false, "Temperature of the battery")
            .add("cycle_time", FLOAT, "s", false, true, "Time from the beginning of a cycle")
            .add("cycle_capacity", FLOAT, "A-hr", false, false, "Cumulative change in amount of charge transferred "
                    + "from a battery since the start of a cycle. Positive values indicate the battery has discharged "
                    + "since the start of the cycle.")
            .add("cycle_energy", FLOAT, "J", false, false, "Cumulative change in amount of energy transferred from a "
                    + "battery since the start of a cycle. Positive values indicate the battery has discharged since "
                    + "the start of the cycle.")
            .add("cycle_capacity_charge", FLOAT, "A-hr", false, false,
                    "Cycle capacity computed only during the 'charging' phase of a cycle")
            .add("cycle_capacity_discharge", FLOAT, "A-hr", false, false,
                    "Cycle capacity computed only during the 'discharging' phase of a cycle")
            .build();

    /** The standard schema, without extra columns. */
    public RawData() {
        super("RawData", COLUMNS, Map.of());
    }

    private RawData(Map<String, ColumnInfo> extraColumns) {
        super("RawData", COLUMNS, extraColumns);
    }

    /** A copy with an extra column added; see {@link ColumnSchema#withExtraColumn(String, ColumnInfo)}. */
    @Override
    public RawData withExtraColumn(String name, ColumnInfo info) {
        return (RawData) super.withExtraColumn(name, info);
    }

    /** A copy with an extra column added, as Python's {@code add_column}. */
    @Override
    public RawData withExtraColumn(String name, String description, ColumnType type, boolean required, String units,
                                boolean monotonic) {
        return (RawData) super.withExtraColumn(name, description, type, required, units, monotonic);
    }

    @Override
    protected RawData copyWithExtraColumns(Map<String, ColumnInfo> extraColumns) {
        return new RawData(extraColumns);
    }
}
