package io.battdat.hadoop;

import io.battdat.api.BattdatException;
import io.battdat.api.FileAccessException;
import io.battdat.api.spi.RandomAccessSource;
import org.apache.hadoop.fs.FSDataInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A remote file read by position through Hadoop's {@link FSDataInputStream#readFully(long, byte[], int, int)}.
 *
 * <p>Each request to a remote store costs a round trip, so the file is read in aligned blocks
 * ({@link HadoopStorage.Builder#blockSize(int)}): the many small reads of a table header or chunk index, and
 * neighbouring chunks, fall into one block and cost one request. When reads move forward, the next blocks
 * ({@link HadoopStorage.Builder#readAhead(int)}) are fetched on background threads while the decoder works. At most
 * {@link HadoopStorage.Builder#cachedBlocks(int)} blocks are held (least recently used first out), so memory is
 * bounded whatever the file size. Reads larger than a block go to the store directly.
 *
 * <p>Transient failures (an I/O error other than a missing file or denied access) are retried a bounded number of
 * times, each retry logged at WARN; then the read fails with a {@link FileAccessException} naming the URI.
 */
final class HadoopSource implements RandomAccessSource {
    private static final Logger LOG = LoggerFactory.getLogger(HadoopSource.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    /** Opens the stream again after a failure: Hadoop streams may be unusable once their connection broke. */
    interface Opener {
        FSDataInputStream open() throws IOException;
    }

    private final String uri;
    private final long size;
    private final Opener opener;
    private final HadoopStorage.Settings settings;
    private final Map<Long, CompletableFuture<byte[]>> blocks;
    private final ExecutorService fetchers;
    // Hadoop streams serialise positional reads on some stores (s3a), so each fetch borrows its own stream
    private final java.util.concurrent.BlockingQueue<FSDataInputStream> idle;
    private long lastBlock = -2;
    private volatile boolean closed;

    HadoopSource(String uri, long size, FSDataInputStream in, Opener opener, HadoopStorage.Settings settings) {
        this.uri = uri;
        this.size = size;
        this.idle = new java.util.concurrent.ArrayBlockingQueue<>(Math.max(1, settings.readAhead()) + 1);
        this.idle.add(in);
        this.opener = opener;
        this.settings = settings;
        int capacity = Math.max(settings.cachedBlocks(), settings.readAhead() + 2);
        this.blocks = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, CompletableFuture<byte[]>> eldest) {
                return size() > capacity;
            }
        };
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "battdat-hadoop-read-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.fetchers = Executors.newFixedThreadPool(Math.max(1, settings.readAhead()), factory);
    }

    @Override
    public String name() {
        return uri;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void readFully(long position, ByteBuffer into) {
        int length = into.remaining();
        if (position < 0 || position + length > size) {
            throw new FileAccessException(null, null, "bytes " + position + ".." + (position + length)
                    + " lie beyond the end of the file (" + size + " bytes)").withLocation(uri);
        }
        if (closed) {
            throw new FileAccessException(null, null, "read after close").withLocation(uri);
        }
        int blockSize = settings.blockSize();
        if (length > 2 * blockSize) {
            byte[] direct = fetch(position, length);
            into.put(direct);
            return;
        }
        long at = position;
        while (into.hasRemaining()) {
            long block = at / blockSize;
            byte[] bytes = block(block);
            int offset = (int) (at - block * blockSize);
            int n = Math.min(into.remaining(), bytes.length - offset);
            into.put(bytes, offset, n);
            at += n;
        }
    }

    @Override
    public void willRead(long position, long length) {
        int blockSize = settings.blockSize();
        for (long b = position / blockSize; b <= (position + length - 1) / blockSize; b++) {
            schedule(b);
        }
    }

    private byte[] block(long block) {
        CompletableFuture<byte[]> f;
        synchronized (this) {
            f = schedule(block);
            // forward moves within the window count as sequential: decoding threads read neighbouring chunks out of order
            if (block >= lastBlock - 1 && block <= lastBlock + settings.readAhead() + 1) {
                for (int i = 1; i <= settings.readAhead(); i++) {
                    schedule(block + i);
                }
            }
            lastBlock = block;
        }
        try {
            return f.join();
        } catch (CompletionException e) {
            synchronized (this) {
                blocks.remove(block); // a later read tries again instead of repeating the failure
            }
            if (e.getCause() instanceof BattdatException b) {
                throw b;
            }
            throw new FileAccessException(null, null, "cannot read: " + e.getCause(), e.getCause()).withLocation(uri);
        }
    }

    /** The future of a block, started when not yet cached. Callers hold the lock. */
    private synchronized CompletableFuture<byte[]> schedule(long block) {
        long start = block * settings.blockSize();
        if (start >= size || block < 0) {
            return CompletableFuture.completedFuture(new byte[0]);
        }
        CompletableFuture<byte[]> f = blocks.get(block);
        if (f == null) {
            int length = (int) Math.min(settings.blockSize(), size - start);
            f = CompletableFuture.supplyAsync(() -> fetch(start, length), fetchers);
            blocks.put(block, f);
        }
        return f;
    }

    /** One request to the store, retried on transient failures. */
    private byte[] fetch(long position, int length) {
        byte[] bytes = new byte[length];
        IOException last = null;
        for (int attempt = 0; attempt <= settings.retries(); attempt++) {
            if (closed) {
                throw new FileAccessException(null, null, "read after close").withLocation(uri);
            }
            FSDataInputStream stream = null;
            try {
                stream = borrow();
                settings.simulateLatency();
                stream.readFully(position, bytes, 0, length);
                giveBack(stream);
                return bytes;
            } catch (InterruptedIOException e) {
                closeQuietly(stream);
                Thread.currentThread().interrupt();
                throw new FileAccessException(null, null, "interrupted while reading", e).withLocation(uri);
            } catch (IOException e) {
                closeQuietly(stream); // its connection may be broken: the next attempt opens another
                BattdatException permanent = HadoopStorage.permanent(e, uri);
                if (permanent != null || (e instanceof EOFException && !HadoopStorage.isDroppedConnection(e))) {
                    throw permanent != null ? permanent : new FileAccessException(null, null, "file ended early "
                            + "reading bytes " + position + ".." + (position + length) + ": " + e.getMessage(), e)
                            .withLocation(uri);
                }
                last = e;
                if (attempt < settings.retries()) {
                    LOG.warn("{}: reading bytes {}..{} failed ({}); retry {} of {}", uri, position, position + length,
                            e.toString(), attempt + 1, settings.retries());
                    settings.backOff(attempt);
                }
            }
        }
        throw new FileAccessException(null, null, "cannot read bytes " + position + ".." + (position + length)
                + " after " + (settings.retries() + 1) + " attempts: " + last.getMessage(), last).withLocation(uri);
    }

    private FSDataInputStream borrow() throws IOException {
        FSDataInputStream s = idle.poll();
        return s != null ? s : opener.open();
    }

    private void giveBack(FSDataInputStream s) {
        if (closed || !idle.offer(s)) {
            closeQuietly(s);
        }
    }

    private static void closeQuietly(FSDataInputStream s) {
        try {
            if (s != null) {
                s.close();
            }
        } catch (IOException | RuntimeException ignore) {
            // the stream is being replaced or released; its close error changes nothing
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        fetchers.shutdownNow();
        synchronized (this) {
            blocks.clear();
        }
        for (FSDataInputStream s; (s = idle.poll()) != null; ) {
            closeQuietly(s);
        }
    }

    @Override
    public String toString() {
        return "HadoopSource[" + uri + ", " + size + " bytes]";
    }
}
