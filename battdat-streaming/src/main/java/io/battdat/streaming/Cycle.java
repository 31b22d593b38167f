package io.battdat.streaming;

import io.battdat.api.dataset.BatteryDataset;
import io.battdat.api.data.ColumnBatch;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One cycle: the run of rows of each table whose {@code cycle_number} equals {@link #cycleNumber()}. Immutable. */
public final class Cycle {
    private final double cycleNumber;
    private final Map<String, ColumnBatch> tables;
    private final boolean single;
    private final BatteryDataset dataset;

    Cycle(double cycleNumber, Map<String, ColumnBatch> tables, boolean single, BatteryDataset dataset) {
        this.cycleNumber = cycleNumber;
        this.tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        this.single = single;
        this.dataset = dataset;
    }

    /** The cycle number (a float column's value, or an integer's widened). */
    public double cycleNumber() {
        return cycleNumber;
    }

    /** The cycle number as an integer. */
    public long cycleIndex() {
        return (long) cycleNumber;
    }

    /** Each table's rows of this cycle, in request order. */
    public Map<String, ColumnBatch> tables() {
        return tables;
    }

    /**
     * The rows of the single table requested with {@link CycleRequest#of(String)}.
     *
     * @throws IllegalStateException when several tables were requested
     */
    public ColumnBatch table() {
        if (!single) {
            throw new IllegalStateException("several tables were requested (" + tables.keySet() + "); use tables()");
        }
        return tables.values().iterator().next();
    }

    /**
     * The cycle as a dataset: the file's metadata, the schemas of every table of the cell, these rows.
     *
     * @throws IllegalStateException unless the request asked for datasets
     */
    public BatteryDataset dataset() {
        if (dataset == null) {
            throw new IllegalStateException("request datasets with CycleRequest.withDataset()");
        }
        return dataset;
    }

    /** Rows in this cycle, over all tables. */
    public long rows() {
        long n = 0;
        for (ColumnBatch b : tables.values()) {
            n += b.rowCount();
        }
        return n;
    }

    @Override
    public String toString() {
        return "Cycle[" + Cycles.format(cycleNumber) + ", " + tables.keySet() + "]";
    }
}
