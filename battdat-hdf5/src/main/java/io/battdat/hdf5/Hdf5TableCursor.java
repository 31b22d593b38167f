package io.battdat.hdf5;

import io.battdat.api.BadFormatException;
import io.battdat.api.BattdatException;
import io.battdat.api.ErrorLocation;
import io.battdat.api.data.BatchBuffer;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.TableLayout;
import io.battdat.api.spi.ReadOptions;
import io.battdat.api.spi.TableCursor;
import io.battdat.api.spi.TableInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Streams a table in batches of whole chunks. Each batch is decoded straight from the chunk bytes into the
 * batch's primitive arrays. With more than one thread, batches are decoded by worker threads ahead of the
 * consumer (at most {@code threads * prefetch + 1} in flight, so memory stays bounded) and delivered in row order.
 */
final class Hdf5TableCursor implements TableCursor {
    private static final Logger LOG = LoggerFactory.getLogger(Hdf5TableCursor.class);
    private static final AtomicInteger THREAD_IDS = new AtomicInteger();

    private final TablePlan plan;
    private final FileRegions file;
    private final ElementDecoder decoder;
    private final TableLayout layout;
    private final long batchRows;
    private final long totalBatches;
    /** The rows streamed: [rangeStart, rangeEnd) of the table. */
    private final long rangeStart;
    private final long rangeEnd;
    private final int maxStoredChunk;

    private final ExecutorService executor;
    private final BlockingQueue<FilterPipeline.Scratch> scratchPool;
    private final ConcurrentLinkedQueue<BatchBuffer> batchPool = new ConcurrentLinkedQueue<>();
    private final ArrayDeque<Future<BatchBuffer>> inFlight = new ArrayDeque<>();
    private final int maxInFlight;

    private long nextToSubmit;
    private BatchBuffer current;
    private boolean closed;

    Hdf5TableCursor(TablePlan plan, FileRegions file, ReadOptions options) {
        this.plan = plan;
        this.file = file;
        TableLayout stored = plan.info().layout();
        this.layout = options.project(stored);
        int[] members = new int[layout.size()];
        for (int i = 0; i < members.length; i++) {
            members[i] = stored.indexOf(layout.column(i).name());
        }
        this.decoder = new ElementDecoder(plan.layout(), members);
        long chunkRows = Math.max(1, plan.chunkRows());
        this.batchRows = plan.contiguous() != null
                ? options.batchRows()
                : Math.max(1, options.batchRows() / chunkRows) * chunkRows;
        this.rangeEnd = Math.min(plan.rows(), options.endRow());
        this.rangeStart = Math.min(rangeEnd, options.firstRow());
        this.totalBatches = (rangeEnd - rangeStart + batchRows - 1) / batchRows;
        long chunkBytes = chunkRows * plan.layout().elementSize();
        // Deflate never grows data by more than a few bytes per 16 KiB block; anything larger is a damaged size
        // field, refused before a buffer is allocated for it.
        this.maxStoredChunk = (int) Math.min(Integer.MAX_VALUE - 64, chunkBytes + chunkBytes / 64 + 4096);

        int threads = plan.pipeline().isEmpty() ? Math.min(options.threads(), 2) : options.threads();
        if (totalBatches <= 1) {
            threads = 1;
        }
        this.scratchPool = new ArrayBlockingQueue<>(threads);
        for (int i = 0; i < threads; i++) {
            scratchPool.add(new FilterPipeline.Scratch());
        }
        if (threads > 1) {
            ThreadFactory factory = r -> {
                Thread t = new Thread(r, "battdat-hdf5-decode-" + THREAD_IDS.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
            this.executor = Executors.newFixedThreadPool(threads, factory);
            this.maxInFlight = threads * Math.max(1, options.prefetch()) + 1;
        } else {
            this.executor = null;
            this.maxInFlight = 0;
        }
        LOG.debug("streaming {} of {}: {} rows in {} batches of up to {} rows, {} thread(s)", plan.table(),
                plan.file(), plan.rows(), totalBatches, batchRows, threads);
    }

    @Override
    public TableInfo table() {
        return plan.info();
    }

    @Override
    public boolean next() {
        if (closed) {
            throw new io.battdat.api.InvalidUseException("cursor over " + plan.table() + " of " + plan.file()
                    + " is closed");
        }
        if (current != null) {
            batchPool.offer(current);
            current = null;
        }
        if (executor == null) {
            if (nextToSubmit >= totalBatches) {
                return false;
            }
            current = decodeBatch(nextToSubmit++);
            return true;
        }
        while (nextToSubmit < totalBatches && inFlight.size() < maxInFlight) {
            long index = nextToSubmit++;
            inFlight.add(executor.submit(() -> decodeBatch(index)));
        }
        Future<BatchBuffer> head = inFlight.poll();
        if (head == null) {
            return false;
        }
        current = await(head);
        if (nextToSubmit < totalBatches) {
            long index = nextToSubmit++;
            inFlight.add(executor.submit(() -> decodeBatch(index)));
        }
        return true;
    }

    private BatchBuffer await(Future<BatchBuffer> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BattdatException(ErrorLocation.of(plan.file(), plan.table()), "interrupted while reading", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof BattdatException be) {
                throw be;
            }
            throw new BadFormatException(ErrorLocation.of(plan.file(), plan.table()), "cannot decode: " + cause, cause);
        }
    }

    @Override
    public ColumnBatch batch() {
        if (current == null) {
            throw new NoSuchElementException("no current batch: call next() first");
        }
        return current;
    }

    private BatchBuffer decodeBatch(long index) {
        long start = rangeStart + index * batchRows;
        long end = Math.min(rangeEnd, start + batchRows);
        int rows = (int) (end - start);
        BatchBuffer batch = batchPool.poll();
        if (batch == null) {
            batch = BatchBuffer.allocate(layout, (int) batchRows);
        }
        batch.setRowCount(0);
        batch.setFirstRow(start);
        FilterPipeline.Scratch scratch = scratchPool.poll();
        if (scratch == null) {
            scratch = new FilterPipeline.Scratch();
        }
        try {
            if (plan.contiguous() != null) {
                decoder.decode(plan.contiguous(), Math.toIntExact(start * plan.layout().elementSize()), rows, batch, 0);
            } else {
                decodeChunks(start, end, batch, scratch);
            }
        } finally {
            if (!scratchPool.offer(scratch)) {
                scratch.release();
            }
        }
        batch.setRowCount(rows);
        return batch;
    }

    private void decodeChunks(long start, long end, BatchBuffer batch, FilterPipeline.Scratch scratch) {
        long chunkRows = plan.chunkRows();
        int e = plan.layout().elementSize();
        ChunkLookup chunks = plan.chunks();
        for (long first = (start / chunkRows) * chunkRows; first < end; first += chunkRows) {
            long from = Math.max(start, first);
            long to = Math.min(end, first + chunkRows);
            int target = (int) (from - start);
            int n = (int) (to - from);
            ChunkIndex.Entry chunk = chunks.chunkAt(first);
            if (chunk == null) {
                ElementDecoder.zero(batch, target, n);
                continue;
            }
            int expected = Math.toIntExact(chunkRows * e);
            if (plan.pipeline().isEmpty()) {
                // HDF5 ignores the stored size of unfiltered chunks (always a full chunk); so do we.
                long position = chunk.address() + (from - first) * e;
                int length = n * e;
                decoder.decode(range(position, length, first, scratch), 0, n, batch, target);
            } else {
                if (chunk.size() > maxStoredChunk) {
                    throw new BadFormatException(ErrorLocation.of(plan.file(), plan.table()), "chunk at row " + first
                            + " claims " + chunk.size() + " stored bytes, more than a " + expected
                            + "-byte chunk can compress to", null);
                }
                byte[] stored = scratch.stored(chunk.size());
                readStored(chunk, stored, first);
                if (plan.pipeline().decodesShuffledBlocks()) {
                    byte[] data = scratch.inflated(expected);
                    int blockBytes = plan.pipeline().decodeShuffledBlocks(stored, chunk.size(), expected,
                            chunk.filterMask(), e, data, plan.file(), plan.table(), first);
                    if (blockBytes > 0) {
                        decoder.decodeShuffledBlocks(data, blockBytes, (int) chunkRows, (int) (from - first), n, batch,
                                target);
                    } else {
                        decoder.decode(ByteBuffer.wrap(data, 0, expected), (int) ((from - first) * e), n, batch,
                                target);
                    }
                    continue;
                }
                boolean fused = plan.pipeline().endsWithShuffle() && (chunk.filterMask() & 1) == 0;
                ByteBuffer decoded = plan.pipeline().decode(stored, chunk.size(), expected, chunk.filterMask(), e,
                        scratch, plan.file(), plan.table(), first, fused);
                if (fused) {
                    decoder.decodeShuffled(decoded.array(), (int) chunkRows, (int) (from - first), n, batch, target);
                } else {
                    decoder.decode(decoded, (int) ((from - first) * e), n, batch, target);
                }
            }
        }
    }

    /** The bytes {@code [position, position + length)}, read into the thread's reusable buffer. */
    private ByteBuffer range(long position, int length, long chunkRow, FilterPipeline.Scratch scratch) {
        if (position < 0 || position + length > file.size()) {
            throw new BadFormatException(ErrorLocation.of(plan.file(), plan.table()), "chunk at row " + chunkRow
                    + " lies past the end of the file", null);
        }
        ByteBuffer buffer = scratch.direct(length);
        buffer.limit(length);
        file.read(position, buffer, plan.table());
        return buffer.flip();
    }

    private void readStored(ChunkIndex.Entry chunk, byte[] into, long chunkRow) {
        if (chunk.address() + chunk.size() > file.size()) {
            throw new BadFormatException(ErrorLocation.of(plan.file(), plan.table()), "chunk at row " + chunkRow
                    + " lies past the end of the file", null);
        }
        file.read(chunk.address(), ByteBuffer.wrap(into, 0, chunk.size()), plan.table());
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        current = null;
        if (executor != null) {
            for (Future<BatchBuffer> f : inFlight) {
                f.cancel(false); // never interrupt: an interrupt inside FileChannel.read closes the channel
            }
            inFlight.clear();
            executor.shutdown();
            try {
                if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                    LOG.warn("decoding threads of {} in {} did not stop in 30 s", plan.table(), plan.file());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        FilterPipeline.Scratch s;
        while ((s = scratchPool.poll()) != null) {
            s.release();
        }
        batchPool.clear();
    }
}
