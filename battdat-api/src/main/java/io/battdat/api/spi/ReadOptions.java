package io.battdat.api.spi;

import io.battdat.api.InvalidUseException;
import io.battdat.api.data.TableLayout;

import java.util.List;
import java.util.Objects;

/**
 * How a backend streams a table. Immutable and thread-safe; made with {@link #builder()} or from
 * {@link #DEFAULT}, and changed with the {@code with*} methods, which return new instances. New options are added
 * as builder methods, so code written today keeps compiling.
 */
public final class ReadOptions {
    /** 65,536-row batches, one decoding thread per available core (at most 4), 2 batches ahead per thread. */
    public static final ReadOptions DEFAULT = builder().build();

    private final int batchRows;
    private final int threads;
    private final int prefetch;
    private final long firstRow;
    private final long endRow;
    private final List<String> columns;

    private ReadOptions(Builder b) {
        if (b.batchRows < 1 || b.threads < 1 || b.prefetch < 0) {
            throw new InvalidUseException("batch rows (" + b.batchRows + ") and threads (" + b.threads
                    + ") must be >= 1, prefetch (" + b.prefetch + ") >= 0");
        }
        if (b.firstRow < 0 || b.endRow < b.firstRow) {
            throw new InvalidUseException("row range [" + b.firstRow + ", " + b.endRow + ") is not a range");
        }
        this.batchRows = b.batchRows;
        this.threads = b.threads;
        this.prefetch = b.prefetch;
        this.firstRow = b.firstRow;
        this.endRow = b.endRow;
        this.columns = b.columns == null ? null : List.copyOf(b.columns);
    }

    /** A builder holding the defaults of {@link #DEFAULT}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this instance's values. */
    public Builder toBuilder() {
        return new Builder().batchRows(batchRows).threads(threads).prefetch(prefetch).rowRange(firstRow, endRow)
                .columns(columns);
    }

    /** Upper bound of rows per batch (backends may round to whole chunks, never above this). */
    public int batchRows() {
        return batchRows;
    }

    /** Decoding threads for compressed tables (1 = decode on the caller's thread). */
    public int threads() {
        return threads;
    }

    /** Batches decoded ahead of the consumer. */
    public int prefetch() {
        return prefetch;
    }

    /** The first row to stream (0 = the table's start). */
    public long firstRow() {
        return firstRow;
    }

    /**
     * The row after the last one to stream ({@link Long#MAX_VALUE} = to the table's end); a range reaching past the
     * table is clipped to it. Splitting a table at chunk boundaries ({@link TableInfo#chunkRows()}) lets several
     * readers share one table without reading a byte twice.
     */
    public long endRow() {
        return endRow;
    }

    /**
     * The columns to stream, in this order ({@code null}: every column of the table); batches then have the
     * {@link #project projected} layout, and backends decode (and, where the layout allows, read) only these.
     */
    public List<String> columns() {
        return columns;
    }

    /** A copy that streams only rows {@code [first, end)} of the table. */
    public ReadOptions withRowRange(long first, long end) {
        return toBuilder().rowRange(first, end).build();
    }

    /** A copy that streams only the named columns, in this order ({@code null}: all). */
    public ReadOptions withColumns(List<String> names) {
        return toBuilder().columns(names).build();
    }

    /** A copy with another batch size. */
    public ReadOptions withBatchRows(int rows) {
        return toBuilder().batchRows(rows).build();
    }

    /** A copy with another thread count. */
    public ReadOptions withThreads(int n) {
        return toBuilder().threads(n).build();
    }

    /** A copy with another prefetch depth. */
    public ReadOptions withPrefetch(int batches) {
        return toBuilder().prefetch(batches).build();
    }

    /**
     * The layout of the batches for a table of layout {@code table}: the selected columns, or all of them.
     *
     * @throws io.battdat.api.KeyNotFoundException when a selected column is not in the table
     */
    public TableLayout project(TableLayout table) {
        return columns == null ? table : table.select(columns);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReadOptions r && batchRows == r.batchRows && threads == r.threads
                && prefetch == r.prefetch && firstRow == r.firstRow && endRow == r.endRow
                && Objects.equals(columns, r.columns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(batchRows, threads, prefetch, firstRow, endRow, columns);
    }

    @Override
    public String toString() {
        return "ReadOptions[batchRows=" + batchRows + ", threads=" + threads + ", prefetch=" + prefetch
                + (firstRow != 0 || endRow != Long.MAX_VALUE ? ", rows=[" + firstRow + ", " + endRow + ")" : "")
                + (columns != null ? ", columns=" + columns : "") + "]";
    }

    /** Builds {@link ReadOptions}; values are checked by {@link #build()}. Not thread-safe. */
    public static final class Builder {
        private int batchRows = 65_536;
        private int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        private int prefetch = 2;
        private long firstRow;
        private long endRow = Long.MAX_VALUE;
        private List<String> columns;

        private Builder() {
        }

        /** Upper bound of rows per batch, at least 1 (default 65,536). */
        public Builder batchRows(int rows) {
            this.batchRows = rows;
            return this;
        }

        /** Decoding threads, at least 1 (default: the cores, at most 4). */
        public Builder threads(int n) {
            this.threads = n;
            return this;
        }

        /** Batches decoded ahead per thread, at least 0 (default 2). */
        public Builder prefetch(int batches) {
            this.prefetch = batches;
            return this;
        }

        /** Rows {@code [first, end)} only (default: the whole table). */
        public Builder rowRange(long first, long end) {
            this.firstRow = first;
            this.endRow = end;
            return this;
        }

        /** Only these columns, in this order ({@code null}, the default: every column). */
        public Builder columns(List<String> names) {
            this.columns = names;
            return this;
        }

        /**
         * The options.
         *
         * @throws InvalidUseException when a value is out of range
         */
        public ReadOptions build() {
            return new ReadOptions(this);
        }
    }
}
