package io.battdat.parsers.common;

import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.StorageType;
import io.battdat.api.data.TableLayout;
import io.battdat.api.parse.BatchBuilder;
import io.battdat.api.parse.ParseContext;
import io.battdat.api.parse.PostProcessing;
import io.battdat.api.schema.ColumnSchema;
import io.battdat.api.schema.ColumnType;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns of one output table and its schema, declared together: a column the schema defines is a name and a
 * storage type, an extra column also says what it holds. {@link #open} then declares the table to the context.
 */
public final class TableColumns {
    private final List<ColumnSpec> specs = new ArrayList<>();
    private ColumnSchema schema;

    /** @param schema the table's schema, before the extra columns */
    public TableColumns(ColumnSchema schema) {
        this.schema = schema;
    }

    /** Adds a column that the schema defines. */
    public TableColumns add(String name, StorageType type) {
        return add(ColumnSpec.of(name, type));
    }

    /** Adds a column that the schema defines (a fixed-width string column, say). */
    public TableColumns add(ColumnSpec spec) {
        specs.add(spec);
        return this;
    }

    /**
     * Adds a column that the schema does not define, with its description; it is not required.
     *
     * @param units     the units, or null
     * @param monotonic whether the values never decrease
     */
    public TableColumns addExtra(ColumnSpec spec, String description, ColumnType type, String units,
                                 boolean monotonic) {
        specs.add(spec);
        schema = schema.withExtraColumn(spec.name(), description, type, false, units, monotonic);
        return this;
    }

    /** Whether a column of this name was added. */
    public boolean contains(String name) {
        return specs.stream().anyMatch(spec -> spec.name().equals(name));
    }

    /** Declares the table to the context; returns the builder of its batches. */
    public BatchBuilder open(ParseContext context, String table, PostProcessing derive) {
        TableLayout layout = TableLayout.of(specs);
        return new BatchBuilder(layout, context.table(table, layout, schema, derive), context.options().batchRows());
    }
}
