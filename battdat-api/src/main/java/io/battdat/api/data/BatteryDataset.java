package io.battdat.api.data;

import io.battdat.api.KeyNotFoundException;
import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.schema.ColumnSchema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Battery metadata, column schemas and tables of one cell (spec 4.8). Immutable maps; the tables are batches
 * owned by this dataset.
 */
public final class BatteryDataset {
    private final BatteryMetadata metadata;
    private final Map<String, ColumnSchema> schemas;
    private final Map<String, ColumnBatch> tables;

    /**
     * @param metadata the battery metadata
     * @param schemas  column schemas by table name, in order
     * @param tables   tables by name, in order
     */
    public BatteryDataset(BatteryMetadata metadata, Map<String, ColumnSchema> schemas, Map<String, ColumnBatch> tables) {
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.schemas = Collections.unmodifiableMap(new LinkedHashMap<>(schemas));
        this.tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
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
}
