package io.battdat.streaming;

import io.battdat.api.InvalidUseException;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.dataset.BatteryDataset;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One cycle of a {@link CycleStream}: for each table streamed, its run of consecutive rows whose
 * {@code cycle_number} equals {@link #cycleNumber()}.
 *
 * <p>Immutable, and independent of the stream: its batches are compact copies (capacity equal to the row count)
 * owned by the cycle, valid after the stream moves on or is closed. Each batch's {@link ColumnBatch#firstRow()} is
 * the table row where the run starts. Do not modify the batches.
 */
public final class Cycle {
    private final double cycleNumber;
    private final Map<String, ColumnBatch> tables;
    private final BatteryDataset dataset;

    Cycle(double cycleNumber, Map<String, ColumnBatch> tables, BatteryDataset dataset) {
        this.cycleNumber = cycleNumber;
        this.tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        this.dataset = dataset;
    }

    /** The cycle number as stored (an integer column's value widened to double). */
    public double cycleNumber() {
        return cycleNumber;
    }

    /** The cycle number as an integer: {@code (long) cycleNumber()}. */
    public long cycleIndex() {
        return (long) cycleNumber;
    }

    /**
     * Each table's rows of this cycle, keyed by table key ({@link io.battdat.api.spi.TableInfo#key()}:
     * {@code raw_data}, {@code cell_a/raw_data}), in the stream's {@link CycleStream#keys()} order. Unmodifiable.
     */
    public Map<String, ColumnBatch> tables() {
        return tables;
    }

    /**
     * The rows of the single table streamed ({@link CycleRequest#of(String)}, or any request that resolves to one
     * table).
     *
     * @return the table's rows of this cycle
     * @throws IllegalStateException when several tables are streamed; use {@link #tables()}
     */
    public ColumnBatch table() {
        if (tables.size() != 1) {
            throw new InvalidUseException("several tables are streamed (" + tables.keySet() + "); use tables()");
        }
        return tables.values().iterator().next();
    }

    /**
     * The cycle as a dataset (Python's {@code make_dataset=True}): the file's battery metadata, the column schemas
     * of every table of the cell (also of tables not streamed), and this cycle's rows keyed by table name
     * ({@code raw_data}, without the prefix).
     *
     * @return the dataset
     * @throws IllegalStateException unless the request asked for datasets ({@link CycleRequest#withDataset()})
     */
    public BatteryDataset dataset() {
        if (dataset == null) {
            throw new InvalidUseException("no dataset: request datasets with CycleRequest.withDataset()");
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
        StringBuilder sb = new StringBuilder("Cycle[").append(Cycles.format(cycleNumber));
        tables.forEach((k, b) -> sb.append(", ").append(k).append(": ").append(b.rowCount()).append(" rows"));
        return sb.append(']').toString();
    }
}
