package io.battdat.streaming;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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
 * @param keys        the table keys ({@code raw_data}, {@code cell_a/raw_data}) in output order; null for every
 *                    table of one cell
 * @param prefix      with {@code keys == null}: the cell's prefix ({@code cell_a}; {@code ""} or {@code "/"} for
 *                    root-level tables), or null for the file's only cell; ignored when keys are given
 * @param makeDataset whether each cycle carries a {@link io.battdat.api.dataset.BatteryDataset}
 */
public record CycleRequest(List<String> keys, String prefix, boolean makeDataset) {

    /**
     * Checks and copies the keys.
     *
     * @param keys        the table keys in output order, or null for every table of one cell
     * @param prefix      the cell when {@code keys} is null, or null
     * @param makeDataset whether each cycle carries a dataset
     * @throws IllegalArgumentException for an empty key list, or a null or repeated key
     */
    public CycleRequest {
        if (keys != null) {
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("no table keys given");
            }
            List<String> copy = new ArrayList<>(keys.size());
            for (String k : keys) {
                if (k == null) {
                    throw new IllegalArgumentException("null table key in " + keys);
                }
                if (copy.contains(k)) {
                    throw new IllegalArgumentException("table key " + k + " given twice in " + keys);
                }
                copy.add(k);
            }
            keys = Collections.unmodifiableList(copy);
        }
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
}
