package io.battdat.api.schema;

import java.util.Map;

import static io.battdat.api.schema.ColumnType.FLOAT;
import static io.battdat.api.schema.ColumnType.INTEGER;

/**
 * Per-cycle summaries, table {@code cycle_stats} (docs/format.md section 5.5; descriptions as the Python toolkit stores
 * them).
 */
public final class CycleLevelData extends ColumnSchema {
    static final Map<String, ColumnInfo> COLUMNS = new Columns()
            .add("cycle_number", INTEGER, null, true, true, "Index of the cycle")
            .add("cycle_start", FLOAT, "s", false, true,
                    "Time since the first data point recorded for this battery for the start of this cycle")
            .add("cycle_duration", FLOAT, "s", false, false, "Duration of this cycle")
            .add("capacity_discharge", FLOAT, "A-hr", false, false, "Total amount of electrons released during discharge")
            .add("energy_discharge", FLOAT, "W-hr", false, false, "Total amount of energy released during discharge")
            .add("capacity_charge", FLOAT, "A-hr", false, false, "Total amount of electrons stored during charge")
            .add("energy_charge", FLOAT, "W-hr", false, false, "Total amount of energy stored during charge")
            .add("coulomb_efficiency", FLOAT, "%", false, false,
                    "Fraction of electric charge that is lost during charge and recharge")
            .add("energy_efficiency", FLOAT, null, false, false, "Amount of energy lost during charge and discharge")
            .add("max_cycled_capacity", FLOAT, "A-hr", false, false, "Maximum amount of charge cycled during cycle")
            .add("discharge_V_average", FLOAT, "V", false, false, "Average voltage during discharging")
            .add("charge_V_average", FLOAT, "V", false, false, "Average voltage during charge")
            .add("V_maximum", FLOAT, "V", false, false, "Maximum voltage during cycle")
            .add("V_minimum", FLOAT, "V", false, false, "Minimum voltage during cycle")
            .add("discharge_I_average", FLOAT, "A", false, false, "Average current during discharge")
            .add("charge_I_average", FLOAT, "A", false, false, "Average current during charge")
            .add("temperature_minimum", FLOAT, "C", false, false, "Minimum observed battery temperature during cycle")
            .add("temperature_maximum", FLOAT, "C", false, false, "Maximum observed battery temperature during cycle")
            .add("temperature_average", FLOAT, "C", false, false, "Average observed battery temperature during cycle")
            .build();

    /** The standard schema, without extra columns. */
    public CycleLevelData() {
        super("CycleLevelData", COLUMNS, Map.of());
    }

    private CycleLevelData(Map<String, ColumnInfo> extraColumns) {
        super("CycleLevelData", COLUMNS, extraColumns);
    }

    /** A copy with an extra column added; see {@link ColumnSchema#withExtraColumn(String, ColumnInfo)}. */
    @Override
    public CycleLevelData withExtraColumn(String name, ColumnInfo info) {
        return (CycleLevelData) super.withExtraColumn(name, info);
    }

    /** A copy with an extra column added, as Python's {@code add_column}. */
    @Override
    public CycleLevelData withExtraColumn(String name, String description, ColumnType type, boolean required, String units,
                                boolean monotonic) {
        return (CycleLevelData) super.withExtraColumn(name, description, type, required, units, monotonic);
    }

    @Override
    protected CycleLevelData copyWithExtraColumns(Map<String, ColumnInfo> extraColumns) {
        return new CycleLevelData(extraColumns);
    }
}
