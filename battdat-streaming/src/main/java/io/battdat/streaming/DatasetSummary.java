package io.battdat.streaming;

import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.schema.ColumnSchema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link BattdatEngine#inspect} finds in a file (Python's {@code inspect_hdf}).
 *
 * @param metadata the root battery metadata
 * @param prefixes the cells: prefix names, null for root-level tables
 * @param schemas  column schemas by table name, in walk order (the last prefix wins for a repeated name)
 * @param ignored  datasets that are not battdat tables, with the reason
 */
public record DatasetSummary(BatteryMetadata metadata, List<String> prefixes, Map<String, ColumnSchema> schemas,
                             List<String> ignored) {
    /** Copies the lists and the map into unmodifiable ones. */
    public DatasetSummary {
        prefixes = Collections.unmodifiableList(new ArrayList<>(prefixes));
        schemas = Collections.unmodifiableMap(new LinkedHashMap<>(schemas));
        ignored = List.copyOf(ignored);
    }
}
