package io.battdat.api.dataset;

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
import java.util.Objects;

/**
 * Battery metadata, column schemas and tables of one cell (spec 4.8). Immutable maps; the tables are batches
 * owned by this dataset. Every table must have a schema.
 */
public final class BatteryDataset {
    private final BatteryMetadata metadata;
    private final Map<String, ColumnSchema> schemas;
    private final Map<String, ColumnBatch> tables;

    /**
     * @param metadata the battery metadata
     * @param schemas  column schemas by table name, in order
     * @param tables   tables by name, in order
     * @throws SchemaViolationException when a table has no schema ({@code Missing schema for some datasets: ...})
     */
    public BatteryDataset(BatteryMetadata metadata, Map<String, ColumnSchema> schemas, Map<String, ColumnBatch> tables) {
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.schemas = Collections.unmodifiableMap(new LinkedHashMap<>(schemas));
        this.tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        List<String> missing = new ArrayList<>();
        for (String name : tables.keySet()) {
            if (!schemas.containsKey(name)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new SchemaViolationException(null, null, "Missing schema for some datasets: " + missing);
        }
    }

    /**
     * A cell's dataset with the standard schemas for {@code raw_data}, {@code cycle_stats} and {@code eis_data}
     * (Python's {@code make_cell_dataset}); {@code extraSchemas} add or override.
     */
    public static BatteryDataset ofCell(BatteryMetadata metadata, Map<String, ColumnBatch> tables,
                                        Map<String, ColumnSchema> extraSchemas) {
        Map<String, ColumnSchema> schemas = new LinkedHashMap<>();
        for (String name : tables.keySet()) {
            switch (name) {
                case "raw_data" -> schemas.put(name, new RawData());
                case "cycle_stats" -> schemas.put(name, new CycleLevelData());
                case "eis_data" -> schemas.put(name, new EISData());
                default -> { }
            }
        }
        schemas.putAll(extraSchemas);
        return new BatteryDataset(metadata, schemas, tables);
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

    /** A table by name; {@link KeyNotFoundException} naming it when absent. */
    public ColumnBatch table(String name) {
        ColumnBatch t = tables.get(name);
        if (t == null) {
            throw new KeyNotFoundException(null, name, "No such table or attribute: " + name + "; tables are "
                    + tables.keySet());
        }
        return t;
    }

    /** Checks every table against its schema (spec 4.7); throws at the first violation, naming the table. */
    public void validateColumns(boolean allowExtraColumns) {
        for (Map.Entry<String, ColumnBatch> t : tables.entrySet()) {
            try {
                schemas.get(t.getKey()).validate(t.getValue(), allowExtraColumns);
            } catch (SchemaViolationException e) {
                throw new SchemaViolationException(null, t.getKey(), e.row(), e.getRawMessage(), e);
            }
        }
    }

    /**
     * {@link #validateColumns(boolean)} with extra columns allowed, then one warning per column its schema does not
     * describe: {@code Undefined column, <col>, in <table>. Add a description into schemas.<table>.extra_columns}.
     */
    public List<String> validate() {
        validateColumns(true);
        List<String> warnings = new ArrayList<>();
        for (Map.Entry<String, ColumnBatch> t : tables.entrySet()) {
            ColumnSchema schema = schemas.get(t.getKey());
            for (String column : t.getValue().layout().names()) {
                if (!schema.contains(column)) {
                    warnings.add("Undefined column, " + column + ", in " + t.getKey()
                            + ". Add a description into schemas." + t.getKey() + ".extra_columns");
                }
            }
        }
        return warnings;
    }
}
