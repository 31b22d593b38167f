package io.battdat.api.spi;

import io.battdat.api.data.TableLayout;

import java.util.List;

/**
 * How a backend streams a table. Immutable; {@code with*} return new instances.
 *
 * @param batchRows   upper bound of rows per batch (backends may round to whole chunks, never above this)
 * @param threads     decoding threads for compressed tables (1 = decode on the caller's thread)
 * @param prefetch    batches decoded ahead of the consumer
 * @param firstRow    the first row to stream (0 = the table's start)
 * @param endRow      the row after the last one to stream ({@link Long#MAX_VALUE} = to the table's end); a range
 *                    reaching past the table is clipped to it. Splitting a table at chunk boundaries
 *                    ({@link TableInfo#chunkRows()}) lets several readers share one table without reading a byte twice.
 * @param columns     the columns to stream, in this order ({@code null}: every column of the table); batches then
 *                    have the {@link #project projected} layout, and backends decode (and, where the layout
 *                    allows, read) only these
 */
public record ReadOptions(int batchRows, int threads, int prefetch, long firstRow, long endRow, List<String> columns) {
    /** 65,536-row batches, one decoding thread per available core (at most 4), 2 batches ahead per thread. */
    public static final ReadOptions DEFAULT = new ReadOptions(65_536,
            Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())), 2);

    public ReadOptions {
        if (batchRows < 1 || threads < 1 || prefetch < 0) {
            throw new IllegalArgumentException("batchRows and threads must be >= 1, prefetch >= 0");
        }
        if (firstRow < 0 || endRow < firstRow) {
            throw new IllegalArgumentException("row range [" + firstRow + ", " + endRow + ") is not a range");
        }
        columns = columns == null ? null : List.copyOf(columns);
    }

    /** Options for the whole table. */
    public ReadOptions(int batchRows, int threads, int prefetch) {
        this(batchRows, threads, prefetch, 0, Long.MAX_VALUE, null);
    }

    /** A copy that streams only rows {@code [first, end)} of the table. */
    public ReadOptions withRowRange(long first, long end) {
        return new ReadOptions(batchRows, threads, prefetch, first, end, columns);
    }

    /** A copy that streams only the named columns, in this order ({@code null}: all). */
    public ReadOptions withColumns(List<String> names) {
        return new ReadOptions(batchRows, threads, prefetch, firstRow, endRow, names);
    }

    /**
     * The layout of the batches for a table of layout {@code table}: the selected columns, or all of them.
     *
     * @throws IllegalArgumentException when a selected column is not in the table
     */
    public TableLayout project(TableLayout table) {
        return columns == null ? table : table.select(columns);
    }

    /** A copy with another batch size. */
    public ReadOptions withBatchRows(int rows) {
        return new ReadOptions(rows, threads, prefetch, firstRow, endRow, columns);
    }

    /** A copy with another thread count. */
    public ReadOptions withThreads(int n) {
        return new ReadOptions(batchRows, n, prefetch, firstRow, endRow, columns);
    }
}
