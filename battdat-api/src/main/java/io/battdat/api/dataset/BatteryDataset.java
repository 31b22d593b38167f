package io.battdat.api.dataset;

import io.battdat.api.ErrorLocation;
import io.battdat.api.KeyNotFoundException;
import io.battdat.api.SchemaViolationException;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.schema.ColumnSchema;
import io.battdat.api.schema.CycleLevelData;
import io.battdat.api.schema.EISData;
import io.battdat.api.schema.RawData;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Battery metadata, column schemas and tables of one cell (docs/format.md section 5.8). Immutable maps; the tables are
 * batches owned by this dataset. Every table must have a schema (unless the check is turned off); a schema may exist
 * for a table that is absent.
 */
public final class BatteryDataset {
    /** Name of the time-series table. */
    public static final String RAW_DATA = "raw_data";
    /** Name of the per-cycle summary table. */
    public static final String CYCLE_STATS = "cycle_stats";
    /** Name of the impedance table. */
    public static final String EIS_DATA = "eis_data";

    private final BatteryMetadata metadata;
    private final Map<String, ColumnSchema> schemas;
    private final Map<String, ColumnBatch> tables;

    /**
     * A dataset whose every table has a schema.
     *
     * @param metadata the battery metadata (null = {@link BatteryMetadata#defaults()})
     * @param schemas  column schemas by table name, in order
     * @param tables   tables by name, in order
     * @throws SchemaViolationException when a table has no schema
     *                                  ({@code Missing schema for some datasets: <names, comma-separated>})
     */
    public BatteryDataset(BatteryMetadata metadata, Map<String, ColumnSchema> schemas, Map<String, ColumnBatch> tables) {
        this(metadata, schemas, tables, true);
    }

    /**
     * A dataset, as Python's constructor with {@code check_schemas}.
     *
     * @param metadata     the battery metadata (null = {@link BatteryMetadata#defaults()})
     * @param schemas      column schemas by table name, in order
     * @param tables       tables by name, in order
     * @param checkSchemas whether a table without a schema is an error
     * @throws SchemaViolationException when {@code checkSchemas} is set and a table has no schema
     */
    public BatteryDataset(BatteryMetadata metadata, Map<String, ColumnSchema> schemas, Map<String, ColumnBatch> tables,
                          boolean checkSchemas) {
        this.metadata = metadata == null ? BatteryMetadata.defaults() : metadata;
        this.schemas = Collections.unmodifiableMap(new LinkedHashMap<>(schemas));
        this.tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        List<String> missing = new ArrayList<>();
        for (String name : tables.keySet()) {
            if (!schemas.containsKey(name)) {
                missing.add(name);
            }
        }
        if (checkSchemas && !missing.isEmpty()) {
            throw new SchemaViolationException(ErrorLocation.NONE, "Missing schema for some datasets: "
                    + String.join(", ", missing), null);
        }
    }

    /**
     * A cell's dataset as Python's {@code make_cell_dataset}: {@code raw_data}, {@code cycle_stats} and
     * {@code eis_data} get the standard schemas ({@link RawData}, {@link CycleLevelData}, {@link EISData});
     * {@code schemas} and {@code tables} then override or add.
     *
     * @param metadata   the battery metadata (null = defaults)
     * @param rawData    the time series, or null
     * @param cycleStats the per-cycle summaries, or null
     * @param eisData    the impedance measurements, or null
     * @param schemas    further schemas (may be null)
     * @param tables     further tables (may be null)
     * @throws SchemaViolationException when a further table has no schema
     */
    public static BatteryDataset makeCellDataset(BatteryMetadata metadata, ColumnBatch rawData, ColumnBatch cycleStats,
                                                 ColumnBatch eisData, Map<String, ColumnSchema> schemas,
                                                 Map<String, ColumnBatch> tables) {
        Map<String, ColumnSchema> allSchemas = standardSchemas();
        if (schemas != null) {
            allSchemas.putAll(schemas);
        }
        Map<String, ColumnBatch> allTables = new LinkedHashMap<>();
        if (rawData != null) {
            allTables.put(RAW_DATA, rawData);
        }
        if (eisData != null) {
            allTables.put(EIS_DATA, eisData);
        }
        if (cycleStats != null) {
            allTables.put(CYCLE_STATS, cycleStats);
        }
        if (tables != null) {
            allTables.putAll(tables);
        }
        return new BatteryDataset(metadata, allSchemas, allTables);
    }

    /**
     * A cell's dataset from tables by name, with the standard schemas of {@link #makeCellDataset}; {@code extraSchemas}
     * add or override.
     */
    public static BatteryDataset ofCell(BatteryMetadata metadata, Map<String, ColumnBatch> tables,
                                        Map<String, ColumnSchema> extraSchemas) {
        return makeCellDataset(metadata, null, null, null, extraSchemas, tables);
    }

    /** The standard schemas by table name: raw_data, cycle_stats, eis_data (a new modifiable map). */
    public static Map<String, ColumnSchema> standardSchemas() {
        Map<String, ColumnSchema> schemas = new LinkedHashMap<>();
        schemas.put(RAW_DATA, new RawData());
        schemas.put(CYCLE_STATS, new CycleLevelData());
        schemas.put(EIS_DATA, new EISData());
        return schemas;
    }

    /** The battery metadata. */
    public BatteryMetadata metadata() {
        return metadata;
    }

    /** Column schemas by table name. */
    public Map<String, ColumnSchema> schemas() {
        return schemas;
    }

    /** Tables by name. */
    public Map<String, ColumnBatch> tables() {
        return tables;
    }

    /** Whether a table of that name is present. */
    public boolean contains(String name) {
        return tables.containsKey(name);
    }

    /** Number of tables. */
    public int size() {
        return tables.size();
    }

    /** A table by name; {@link KeyNotFoundException} naming it when absent. */
    public ColumnBatch table(String name) {
        ColumnBatch t = tables.get(name);
        if (t == null) {
            throw new KeyNotFoundException(ErrorLocation.of(null, name),
                    "No such table or attribute: " + name + "; tables are " + tables.keySet(), null);
        }
        return t;
    }

    /**
     * Checks every table that has a schema against it (docs/format.md section 5.7, plus EISData's check), in schema
     * order; throws at the first violation, with the table's name as its location.
     *
     * @param allowExtraColumns whether columns a schema does not describe are allowed
     * @throws SchemaViolationException with Python's message
     */
    public void validateColumns(boolean allowExtraColumns) {
        for (Map.Entry<String, ColumnSchema> s : schemas.entrySet()) {
            ColumnBatch table = tables.get(s.getKey());
            if (table == null) {
                continue;
            }
            try {
                s.getValue().validate(table, allowExtraColumns);
            } catch (SchemaViolationException e) {
                throw new SchemaViolationException(ErrorLocation.of(null, s.getKey(), e.row()), e.getRawMessage(), e);
            }
        }
    }

    /**
     * {@link #validateColumns(boolean)} with extra columns allowed, then one recommendation per table column its
     * schema does not describe:
     * {@code Undefined column, <col>, in <table>. Add a description into schemas.<table>.extra_columns}.
     *
     * @return the recommendations, in schema then column order
     * @throws SchemaViolationException when a table breaks its schema
     */
    public List<String> validate() {
        validateColumns(true);
        List<String> warnings = new ArrayList<>();
        for (Map.Entry<String, ColumnSchema> s : schemas.entrySet()) {
            ColumnBatch table = tables.get(s.getKey());
            if (table == null) {
                continue;
            }
            for (String column : table.layout().names()) {
                if (!s.getValue().contains(column)) {
                    warnings.add("Undefined column, " + column + ", in " + s.getKey()
                            + ". Add a description into schemas." + s.getKey() + ".extra_columns");
                }
            }
        }
        return warnings;
    }
}
