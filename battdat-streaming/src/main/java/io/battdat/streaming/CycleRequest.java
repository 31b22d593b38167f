package io.battdat.streaming;

import io.battdat.api.InvalidUseException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Which tables {@link BattdatEngine#cycles} streams together and what each cycle carries. Immutable; build one
 * with the static factories, then {@link #withDataset()} if wanted.
 *
 * <ul>
 *   <li>{@link #of(String)}: one table (Python's {@code key='raw_data'}); read it with {@link Cycle#table()}.</li>
 *   <li>{@link #of(List)}: several tables in the given order (Python's {@code key=[...]}); {@link Cycle#tables()}.</li>
 *   <li>{@link #allTables()}: every table of the file's only cell (Python's {@code key=None}), in the file's walk
 *       order ({@code cycle_stats} before {@code raw_data}); a file of several cells is an error listing them.</li>
 *   <li>{@link #allTables(String)}: every table of one cell; this works on prefixed files, unlike Python.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe; its constructor is private so that fields can be added without breaking callers.
 */
public final class CycleRequest {
    private final List<String> keys;
    private final String prefix;
    private final boolean makeDataset;

    private CycleRequest(List<String> keys, String prefix, boolean makeDataset) {
        if (keys != null) {
            if (keys.isEmpty()) {
                throw new InvalidUseException("no table keys given");
            }
            List<String> copy = new ArrayList<>(keys.size());
            for (String k : keys) {
                if (k == null) {
                    throw new InvalidUseException("null table key in " + keys);
                }
                if (copy.contains(k)) {
                    throw new InvalidUseException("table key " + k + " given twice in " + keys);
                }
                copy.add(k);
            }
            keys = Collections.unmodifiableList(copy);
        }
        this.keys = keys;
        this.prefix = prefix;
        this.makeDataset = makeDataset;
    }

    /** The table keys ({@code raw_data}, {@code cell_a/raw_data}) in output order; null for every table of one cell. */
    public List<String> keys() {
        return keys;
    }

    /**
     * With {@code keys() == null}: the cell's prefix ({@code cell_a}; {@code ""} or {@code "/"} for root-level
     * tables), or null for the file's only cell; null when keys are given.
     */
    public String prefix() {
        return prefix;
    }

    /** Whether each cycle carries a {@link io.battdat.api.dataset.BatteryDataset}. */
    public boolean makeDataset() {
        return makeDataset;
    }

    /**
     * One table, by key; each cycle's {@link Cycle#table()} holds its rows.
     *
     * @param key the table key; null means {@code raw_data}
     */
    public static CycleRequest of(String key) {
        return new CycleRequest(List.of(key == null ? BattdatEngine.DEFAULT_KEY : key), null, false);
    }

    /**
     * Several tables, advanced together; {@link Cycle#tables()} keeps this order.
     *
     * @param keys the table keys, at least one, no repeats
     */
    public static CycleRequest of(List<String> keys) {
        return new CycleRequest(keys, null, false);
    }

    /** Every table of the file's only cell (root-level tables, or the one prefix), in the file's walk order. */
    public static CycleRequest allTables() {
        return new CycleRequest(null, null, false);
    }

    /**
     * Every table of one cell, in the file's walk order (Python cannot do this on a prefixed file).
     *
     * @param prefix the cell's prefix group ({@code cell_a}); null means the file's only cell
     */
    public static CycleRequest allTables(String prefix) {
        return new CycleRequest(null, prefix, false);
    }

    /** The same request, with a {@link io.battdat.api.dataset.BatteryDataset} on every cycle. */
    public CycleRequest withDataset() {
        return new CycleRequest(keys, prefix, true);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CycleRequest r && Objects.equals(keys, r.keys) && Objects.equals(prefix, r.prefix)
                && makeDataset == r.makeDataset;
    }

    @Override
    public int hashCode() {
        return Objects.hash(keys, prefix, makeDataset);
    }

    @Override
    public String toString() {
        return "CycleRequest[" + (keys != null ? "keys=" + keys : "all tables of " + (prefix == null ? "the only cell"
                : "cell " + prefix)) + (makeDataset ? ", with dataset" : "") + "]";
    }
}
