/**
 * Post-processing plugins (the README's post-processing section), streamed: {@link
 * io.battdat.api.postprocess.CycleSummarizer} (one row
 * per cycle), {@link io.battdat.api.postprocess.RawDataEnhancer} (columns added to raw rows as they pass) and
 * {@link io.battdat.api.postprocess.ConsistencyChecker} (warnings about a table). The engine finds implementations
 * with {@link java.util.ServiceLoader}; a third-party jar lists its classes in
 * {@code META-INF/services/io.battdat.api.postprocess.<Interface>}.
 *
 * <p>Every implementation sees rows as batches in storage order and keeps only what it needs (one cycle's
 * accumulators, one rolling window), so a table of any length is processed in bounded memory.
 */
package io.battdat.api.postprocess;
