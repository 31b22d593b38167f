package io.battdat.api.spi;

/**
 * How a backend streams a table. Immutable; {@code with*} return new instances.
 *
 * @param batchRows   upper bound of rows per batch (backends may round to whole chunks, never above this)
 * @param threads     decoding threads for compressed tables (1 = decode on the caller's thread)
 * @param prefetch    batches decoded ahead of the consumer
 */
public record ReadOptions(int batchRows, int threads, int prefetch) {
    /** 65,536-row batches, one decoding thread per available core (at most 4), 2 batches ahead per thread. */
    public static final ReadOptions DEFAULT = new ReadOptions(65_536,
            Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())), 2);

    public ReadOptions {
        if (batchRows < 1 || threads < 1 || prefetch < 0) {
            throw new IllegalArgumentException("batchRows and threads must be >= 1, prefetch >= 0");
        }
    }

    /** A copy with another batch size. */
    public ReadOptions withBatchRows(int rows) {
        return new ReadOptions(rows, threads, prefetch);
    }

    /** A copy with another thread count. */
    public ReadOptions withThreads(int n) {
        return new ReadOptions(batchRows, n, prefetch);
    }
}
