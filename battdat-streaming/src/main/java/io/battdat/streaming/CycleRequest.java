package io.battdat.streaming;

import java.util.List;

/**
 * Which tables {@link BattdatEngine#cycles} streams and what it yields.
 *
 * @param keys        the table keys in output order; null = every table of one cell
 * @param prefix      with {@code keys == null}: the cell (null = the file's only cell)
 * @param makeDataset yield a {@link io.battdat.api.dataset.BatteryDataset} per cycle
 */
public record CycleRequest(List<String> keys, String prefix, boolean makeDataset) {
    public CycleRequest {
        if (keys != null) {
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("no table keys given");
            }
            keys = List.copyOf(keys);
        }
    }

    /** One table; each cycle's {@link Cycle#table()} holds its rows. */
    public static CycleRequest of(String key) {
        return new CycleRequest(List.of(key == null ? "raw_data" : key), null, false);
    }

    /** Several tables, advanced together; {@link Cycle#tables()} in this order. */
    public static CycleRequest of(List<String> keys) {
        return new CycleRequest(keys, null, false);
    }

    /** Every table of the file's only cell (root-level tables, or the one prefix), in walk order. */
    public static CycleRequest allTables() {
        return new CycleRequest(null, null, false);
    }

    /** Every table of one cell (Python cannot do this on a prefixed file). */
    public static CycleRequest allTables(String prefix) {
        return new CycleRequest(null, prefix, false);
    }

    /** The same request, yielding datasets. */
    public CycleRequest withDataset() {
        return new CycleRequest(keys, prefix, true);
    }

    /** Whether one table was asked for by key (a cycle then has {@link Cycle#table()}). */
    boolean single() {
        return keys != null && keys.size() == 1;
    }
}
