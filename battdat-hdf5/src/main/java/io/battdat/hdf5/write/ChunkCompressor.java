package io.battdat.hdf5.write;

import io.battdat.api.ErrorLocation;
import io.battdat.api.WriteException;
import io.battdat.hdf5.shuffle.ByteShuffle;
import io.battdat.hdf5.ShuffledBlocksEncoder;
import io.battdat.hdf5.ShuffledBlocksFilters;
import io.battdat.hdf5.zlib.ChunkDeflater;
import io.battdat.hdf5.zlib.ChunkInflater;
import io.battdat.hdf5.zlib.Zlib;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Compresses chunks on a thread pool (PyTables' zlib filters: shuffle by element size unless turned off, then
 * deflate; or blosc through the registered filter 32001, taking full chunks as columns when the codec module
 * registered an encoder of shuffled blocks),
 * handing them back in submission order so they are written in row order. At most {@code 2 x threads} chunks are
 * in flight, so memory stays at a few chunks.
 */
final class ChunkCompressor {
    /** Receives a compressed chunk: its first row and its bytes (from position 0 to the limit). */
    interface Sink {
        void accept(long firstRow, java.nio.ByteBuffer stored);
    }

    /**
     * A compressed chunk, the buffer its input came in (a byte[] of rows or a {@link ColumnChunk}) and the reusable
     * output buffer it was encoded into (null when none was used).
     */
    private record Done(long firstRow, java.nio.ByteBuffer stored, Object input, java.nio.ByteBuffer output) {
    }

    private final ExecutorService pool;
    private final Path file;
    private final ChunkFilters filters;
    private final io.jhdf.filter.FilterPipeline blosc;
    private final int elementSize;
    private final int chunkBytes;
    private final int maxInFlight;

    private final ArrayDeque<Future<Done>> inFlight = new ArrayDeque<>();
    private final BlockingQueue<byte[]> inputs;
    /** Blosc's encoder of shuffled blocks, when a codec module registered one; else chunks go in as rows. */
    private final ShuffledBlocksEncoder blockEncoder;
    private final int[] bloscClientData;
    private final BlockingQueue<ColumnChunk> columnInputs;
    /**
     * Direct buffers the column path encodes into, reused once their chunk is written: no array per chunk, and the
     * file channel writes them without first copying them into a direct buffer of its own.
     */
    private final BlockingQueue<java.nio.ByteBuffer> outputs;

    ChunkCompressor(ExecutorService pool, int threads, Path file, ChunkFilters filters, int elementSize,
                    int chunkRows) {
        this.pool = pool;
        this.filters = filters;
        this.blosc = filters.kind() == ChunkFilters.Kind.BLOSC
                ? filters.bloscPipeline(file, elementSize, chunkRows * elementSize) : null;
        this.file = file;
        this.elementSize = elementSize;
        this.chunkBytes = chunkRows * elementSize;
        this.maxInFlight = 2 * threads;
        this.inputs = new ArrayBlockingQueue<>(maxInFlight + 1);
        this.columnInputs = new ArrayBlockingQueue<>(maxInFlight + 1);
        this.outputs = new ArrayBlockingQueue<>(maxInFlight + 1);
        // looked up after the pipeline above made jHDF load the codec's filter, which registers the encoder
        this.blockEncoder = blosc != null && filters.shuffle() ? ShuffledBlocksFilters.findEncoder(ChunkFilters.BLOSC)
                : null;
        this.bloscClientData = blosc != null ? filters.bloscClientData(elementSize, chunkBytes) : null;
    }

    /** Whether full chunks can be handed over as columns ({@link #submit(ColumnChunk, long, Sink)}). */
    boolean takesColumns() {
        return blockEncoder != null;
    }

    int pending() {
        return inFlight.size();
    }

    /** Compresses a copy of {@code chunk}; completed chunks at the head are handed to {@code sink} in order. */
    void submit(java.nio.ByteBuffer chunk, long firstRow, Sink sink) {
        while (inFlight.size() >= maxInFlight) {
            deliver(inFlight.poll(), sink);
        }
        byte[] input = inputs.poll();
        if (input == null) {
            input = new byte[chunkBytes];
        }
        chunk.get(0, input, 0, chunkBytes);
        byte[] copy = input;
        inFlight.add(pool.submit(() -> compress(copy, firstRow)));
        while (!inFlight.isEmpty() && inFlight.peek().isDone()) {
            deliver(inFlight.poll(), sink);
        }
    }

    /**
     * Compresses {@code chunk}, a full chunk held as columns, which belongs to the compressor from now on; returns
     * an idle column chunk for the caller's next rows (one handed back by an earlier compression, or null when
     * there is none yet and the caller must make one). Completed chunks at the head are handed to {@code sink}.
     */
    ColumnChunk submit(ColumnChunk chunk, long firstRow, Sink sink) {
        while (inFlight.size() >= maxInFlight) {
            deliver(inFlight.poll(), sink);
        }
        java.nio.ByteBuffer output = outputs.poll();
        if (output == null) {
            // blosc's container of incompressible data is the chunk plus its 16-byte header
            output = java.nio.ByteBuffer.allocateDirect(chunkBytes + 64);
        }
        java.nio.ByteBuffer target = output;
        inFlight.add(pool.submit(() -> {
            java.nio.ByteBuffer stored = blockEncoder.encode(chunk, chunkBytes / elementSize, elementSize,
                    bloscClientData, target);
            return new Done(firstRow, stored, chunk, target);
        }));
        while (!inFlight.isEmpty() && inFlight.peek().isDone()) {
            deliver(inFlight.poll(), sink);
        }
        return columnInputs.poll();
    }

    /** Hands every remaining chunk to {@code sink}, in order. */
    void drain(Sink sink) {
        while (!inFlight.isEmpty()) {
            deliver(inFlight.poll(), sink);
        }
    }

    private void deliver(Future<Done> f, Sink sink) {
        try {
            Done d = f.get();
            sink.accept(d.firstRow(), d.stored());
            if (d.output() != null) {
                outputs.offer(d.output());
            }
            if (d.input() instanceof ColumnChunk columns) {
                columnInputs.offer(columns);
            } else {
                inputs.offer((byte[]) d.input());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WriteException(ErrorLocation.of(file), "interrupted while compressing", null);
        } catch (ExecutionException e) {
            throw new WriteException(ErrorLocation.of(file), "cannot compress a chunk: " + e.getCause(), e.getCause());
        }
    }

    private Done compress(byte[] chunk, long firstRow) {
        if (blosc != null) {
            byte[] encoded = blosc.encode(chunk);
            return new Done(firstRow, java.nio.ByteBuffer.wrap(encoded), chunk, null);
        }
        boolean shuffle = filters.shuffle();
        byte[] shuffled = shuffle ? new byte[chunkBytes] : chunk;
        if (shuffle) {
            ByteShuffle.shuffle(elementSize, chunkBytes, chunk, 0, shuffled, 0);
        }
        try (ChunkDeflater deflater = Zlib.newDeflater(filters.level())) {
            ChunkDeflater.Deflated out = deflater.deflate(shuffled, chunkBytes);
            return new Done(firstRow, java.nio.ByteBuffer.wrap(out.bytes(), 0, out.size()), chunk, null);
        }
    }

    /**
     * Reverses PyTables' zlib filters for one stored chunk (inflate, then unshuffle): how an appender reloads a
     * partly filled last chunk. A stream that does not decode to exactly {@code expected} bytes is a format error.
     */
    static byte[] decode(java.nio.ByteBuffer stored, int expected, ChunkFilters filters, int elementSize, Path file,
                         String table, long firstRow) {
        if (filters.kind() == ChunkFilters.Kind.BLOSC) {
            byte[] in = new byte[stored.remaining()];
            stored.get(in);
            byte[] out;
            try {
                out = filters.bloscPipeline(file, elementSize, expected).decode(in);
            } catch (RuntimeException e) {
                throw new io.battdat.api.BadFormatException(io.battdat.api.ErrorLocation.of(file, table),
                        "corrupt blosc data in the chunk at row " + firstRow + ": " + e.getMessage(), null);
            }
            if (out.length != expected) {
                throw new io.battdat.api.BadFormatException(io.battdat.api.ErrorLocation.of(file, table),
                        "the chunk at row " + firstRow
                        + " decodes to " + out.length + " bytes, not its " + expected, null);
            }
            return out;
        }
        boolean shuffle = filters.shuffle();
        byte[] shuffled = new byte[expected];
        byte[] in = new byte[stored.remaining()];
        stored.get(in);
        try (ChunkInflater inflater = Zlib.newInflater()) {
            inflater.inflate(in, 0, in.length, shuffled, expected);
        } catch (java.util.zip.DataFormatException e) {
            throw new io.battdat.api.BadFormatException(io.battdat.api.ErrorLocation.of(file, table),
                    "corrupt deflate stream in the chunk at row " + firstRow + ": " + e.getMessage(), null);
        }
        if (!shuffle) {
            return shuffled;
        }
        byte[] rows = new byte[expected];
        ByteShuffle.unshuffle(elementSize, expected, shuffled, 0, rows, 0);
        return rows;
    }
}
