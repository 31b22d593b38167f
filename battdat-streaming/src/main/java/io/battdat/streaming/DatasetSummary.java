package io.battdat.streaming;

import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.schema.ColumnSchema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link BattdatEngine#inspect} finds in a file (Python's {@code inspect_hdf}), immutable. The constructor is
 * private (made with {@link #builder}) so that the summary can gain fields without breaking callers.
 */
public final class DatasetSummary {
    private final BatteryMetadata metadata;
    private final List<String> prefixes;
    private final Map<String, ColumnSchema> schemas;
    private final List<String> ignored;

    private DatasetSummary(Builder b) {
        metadata = b.metadata;
        prefixes = Collections.unmodifiableList(new ArrayList<>(b.prefixes));
        schemas = Collections.unmodifiableMap(new LinkedHashMap<>(b.schemas));
        ignored = List.copyOf(b.ignored);
    }

    /**
     * A builder with no cells, tables or ignored datasets.
     *
     * @param metadata the root battery metadata
     */
    public static Builder builder(BatteryMetadata metadata) {
        return new Builder(metadata);
    }

    /** The root battery metadata. */
    public BatteryMetadata metadata() {
        return metadata;
    }

    /** The cells: prefix names, null for root-level tables; unmodifiable. */
    public List<String> prefixes() {
        return prefixes;
    }

    /** Column schemas by table name, in walk order (the last prefix wins for a repeated name); unmodifiable. */
    public Map<String, ColumnSchema> schemas() {
        return schemas;
    }

    /** Datasets that are not battdat tables, with the reason. */
    public List<String> ignored() {
        return ignored;
    }

    private List<Object> values() {
        return Arrays.asList(metadata, prefixes, schemas, ignored);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DatasetSummary d && values().equals(d.values());
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }

    /** The fields in the form a record would print them. */
    @Override
    public String toString() {
        return "DatasetSummary[metadata=" + metadata + ", prefixes=" + prefixes + ", schemas=" + schemas
                + ", ignored=" + ignored + "]";
    }

    /** Builds a {@link DatasetSummary}; the lists and the map are copied on {@link #build()}. */
    public static final class Builder {
        private final BatteryMetadata metadata;
        private List<String> prefixes = List.of();
        private Map<String, ColumnSchema> schemas = Map.of();
        private List<String> ignored = List.of();

        private Builder(BatteryMetadata metadata) {
            this.metadata = metadata;
        }

        /** Sets the cells: prefix names, null for root-level tables. */
        public Builder prefixes(List<String> value) {
            prefixes = value;
            return this;
        }

        /** Sets the column schemas by table name, in walk order. */
        public Builder schemas(Map<String, ColumnSchema> value) {
            schemas = value;
            return this;
        }

        /** Sets the datasets that are not battdat tables, with the reason. */
        public Builder ignored(List<String> value) {
            ignored = value;
            return this;
        }

        /** The summary. */
        public DatasetSummary build() {
            return new DatasetSummary(this);
        }
    }
}
