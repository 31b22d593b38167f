package io.battdat.hadoop;

import io.battdat.api.BattdatException;
import io.battdat.api.ErrorLocation;
import io.battdat.api.FileAccessException;
import io.battdat.api.spi.RandomAccessSource;
import org.apache.hadoop.fs.FSDataInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A remote file read by position through Hadoop's {@link FSDataInputStream#readFully(long, byte[], int, int)}.
 *
 * <p>Each request to a remote store costs a round trip, so data is read in aligned blocks
 * ({@link HadoopStorage.Builder#blockSize(int)}): neighbouring chunks fall into one block and cost one request. When
 * data reads move forward, the next blocks ({@link HadoopStorage.Builder#readAhead(int)}) are fetched on background
 * threads while the decoder works, {@value #BLOCK_FETCHES} at a time in file order. At most
 * {@link HadoopStorage.Builder#cachedBlocks(int)} blocks are held (those behind the reader first out), so memory is
 * bounded whatever the file size. Reads larger than two blocks go to the store directly. Small reads of a format's
 * structure fetch the {@value #PIECE_SIZE}-byte piece holding them instead and start no read-ahead
 * ({@link #MIN_DATA_READ}).
 *
 * <p>A reader that knows what it will read next says so through {@link #willRead(long, long)} (the HDF5 reader
 * announces a chunk index node's children before reading them one by one): those ranges are fetched in parallel, in
 * the order announced, small ones as 64 KiB pieces rather than whole blocks, and held until read. Memory stays
 * bounded: at most {@code max(cachedBlocks, readAhead + 2)} blocks and {@value #MAX_PIECES} pieces (76 MiB with the
 * defaults).
 *
 * <p>Transient failures (an I/O error other than a missing file or denied access) are retried a bounded number of
 * times, each retry logged at WARN; then the read fails with a {@link FileAccessException} naming the URI.
 */
final class HadoopSource implements RandomAccessSource {
    private static final Logger LOG = LoggerFactory.getLogger(HadoopSource.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** Announced units that may wait for a fetch slot; later announcements are dropped (they are only hints). */
    static final int MAX_WAITING = 4096;
    /** The unit small announced ranges are fetched in: a chunk index node is a few KiB, a block 4 MiB by default. */
    static final int PIECE_SIZE = 64 * 1024;
    /** Pieces held at most: 4 MiB. */
    static final int MAX_PIECES = 64;
    /**
     * Reads smaller than this are taken for a format's structure (a superblock, an object header, an index node, a
     * footer's length), which jumps about the file: such a read fetches the {@value #PIECE_SIZE}-byte piece holding
     * it, not a block, and starts no guessed read-ahead, so opening a file costs short requests and fetches no blocks
     * that would be dropped again before the data reads reach them. Data reads (chunks, column pages) are larger, or
     * small but moving through the file piece after piece (more than {@value #ADJACENT_PIECE_MISSES} pieces in a row:
     * a table of tiny chunks).
     */
    static final int MIN_DATA_READ = 8 * 1024;
    /** Small reads that each needed the piece after the last one fetched, after which small reads go by blocks. */
    static final int ADJACENT_PIECE_MISSES = 2;
    /**
     * Blocks fetched at once. The read-ahead window is larger, but requests started together share the connection's
     * bandwidth and finish together: fetched a few at a time, in order, the block the decoder needs next arrives
     * first, and a few streams already keep up with two decoding cores.
     */
    static final int BLOCK_FETCHES = 4;

    /** Opens the stream again after a failure: Hadoop streams may be unusable once their connection broke. */
    interface Opener {
        FSDataInputStream open() throws IOException;
    }

    private final String uri;
    private final long size;
    private final Opener opener;
    private final HadoopStorage.Settings settings;
    private final Units blocks;
    private final Units pieces;
    private final ExecutorService fetchers;
    private final ExecutorService blockFetchers;
    // Hadoop streams serialise positional reads on some stores (s3a), so each fetch borrows its own stream
    private final java.util.concurrent.BlockingQueue<FSDataInputStream> idle;
    private long lastBlock = -2;
    private boolean lastReadAnnounced;
    private long lastSmallReadEnd = -1;
    private long lastMissedPiece = -2;
    private int adjacentPieceMisses;
    private boolean marching;
    private volatile boolean closed;
    // what a slow store costs this file, logged at DEBUG on close: requests, their bytes, and the time readers
    // spent waiting for bytes that were not there yet
    private final long openedAt = System.nanoTime();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong requestedBytes = new AtomicLong();
    private final AtomicLong waitedNanos = new AtomicLong();

    HadoopSource(String uri, long size, FSDataInputStream in, Opener opener, HadoopStorage.Settings settings) {
        this.uri = uri;
        this.size = size;
        this.idle = new java.util.concurrent.ArrayBlockingQueue<>(Math.max(MAX_PIECES / 2, settings.readAhead())
                + BLOCK_FETCHES + 1);
        this.idle.add(in);
        this.opener = opener;
        this.settings = settings;
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "battdat-hadoop-read-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        // announced pieces (a chunk index level) are many small requests: fetched all at once, they cost one round trip
        this.fetchers = Executors.newFixedThreadPool(Math.max(MAX_PIECES / 2, settings.readAhead()), factory);
        this.blockFetchers = Executors.newFixedThreadPool(Math.max(1, Math.min(settings.readAhead(), BLOCK_FETCHES)),
                factory);
        this.blocks = new Units(settings.blockSize(), Math.max(settings.cachedBlocks(), settings.readAhead() + 2),
                settings.readAhead(), blockFetchers, true);
        this.pieces = new Units(PIECE_SIZE, MAX_PIECES, settings.readAhead() < 1 ? 0 : MAX_PIECES / 2, fetchers, false);
    }

    /**
     * Aligned units of the file (blocks, or the pieces of small announced ranges) fetched or being fetched, least
     * recently used first out. Units the reader announced through {@link #willRead} are fetched in the order
     * announced, at most {@code window} at once, and kept until read (never evicted first); later ones wait and are
     * fetched as the earlier ones are read. So the reader's order, not the file's, drives what is fetched ahead, and
     * a unit fetched ahead is never dropped before its read. Blocks ({@code behindReader}) well behind the last data
     * read go first, before the least recently used; a block fetched again behind it evicts the one farthest ahead.
     * Callers hold the source's lock.
     */
    private final class Units {
        private final int unitSize;
        private final int window;
        private final ExecutorService executor;
        private final boolean behindReader;
        private long inserted = -1; // the unit being added, while the map decides what to evict
        private final Set<Long> announced = new HashSet<>();
        private final LinkedHashSet<Long> waiting = new LinkedHashSet<>();
        private final LinkedHashMap<Long, CompletableFuture<byte[]>> held;

        Units(int unitSize, int capacity, int window, ExecutorService executor, boolean behindReader) {
            this.unitSize = unitSize;
            this.behindReader = behindReader;
            this.window = window;
            this.executor = executor;
            this.held = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, CompletableFuture<byte[]>> eldest) {
                    if (size() <= capacity) {
                        return false;
                    }
                    // blocks: a full read-ahead window makes the least recently used block the one just behind the
                    // reader, which a lagging decoding thread may still need; fetched again, it evicted the next block
                    // that thread needed, and so on through the window (19 of 56 blocks fetched twice in some reads).
                    // So a block fetched again behind the reader evicts the block farthest ahead (fetched again by
                    // the read-ahead later), and otherwise blocks well behind the reader go first, lowest first
                    Long victim = null;
                    if (behindReader && inserted < lastBlock) {
                        for (Long u : keySet()) {
                            if (u != inserted && !announced.contains(u) && (victim == null || u > victim)) {
                                victim = u;
                            }
                        }
                    } else if (behindReader) {
                        for (Long u : keySet()) {
                            if (u < lastBlock - 1 && !announced.contains(u) && (victim == null || u < victim)) {
                                victim = u;
                            }
                        }
                    }
                    if (victim != null) {
                        remove(victim);
                        return false;
                    }
                    // else least recently used first, but never an announced unit not yet read: there are at most
                    // `window` of those, fewer than the capacity, so another unit always goes
                    for (Iterator<Long> i = keySet().iterator(); i.hasNext(); ) {
                        if (!announced.contains(i.next())) {
                            i.remove();
                            break;
                        }
                    }
                    return false;
                }
            };
        }

        /** The unit's bytes, fetched when not held. */
        CompletableFuture<byte[]> get(long unit) {
            long start = unit * unitSize;
            if (start >= size || unit < 0) {
                return CompletableFuture.completedFuture(new byte[0]);
            }
            CompletableFuture<byte[]> f = held.get(unit);
            if (f == null) {
                int length = (int) Math.min(unitSize, size - start);
                f = CompletableFuture.supplyAsync(() -> fetch(start, length), executor);
                inserted = unit;
                held.put(unit, f);
            }
            return f;
        }

        /** Whether every unit of the bytes {@code [position, end)} is fetched or being fetched. */
        boolean holds(long position, long end) {
            for (long u = position / unitSize; u <= (end - 1) / unitSize; u++) {
                if (!held.containsKey(u)) {
                    return false;
                }
            }
            return true;
        }

        boolean isEmpty() {
            return held.isEmpty();
        }

        void announce(long unit) {
            if (window < 1 || unit < 0 || unit * unitSize >= size || announced.contains(unit)
                    || waiting.contains(unit)) {
                return;
            }
            if (announced.size() < window) {
                announced.add(unit);
                get(unit);
            } else if (waiting.size() < MAX_WAITING) {
                waiting.add(unit);
            }
        }

        /** Marks an announced unit read, fetching waiting ones into its place; whether it was announced. */
        boolean read(long unit) {
            if (!announced.remove(unit)) {
                return false;
            }
            for (Iterator<Long> i = waiting.iterator(); i.hasNext() && announced.size() < window; ) {
                long next = i.next();
                i.remove();
                announced.add(next);
                get(next);
            }
            return true;
        }

        void forget(long unit) {
            held.remove(unit);
        }

        void clear() {
            held.clear();
            announced.clear();
            waiting.clear();
        }
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
            throw new FileAccessException(ErrorLocation.NONE, "bytes " + position + ".." + (position + length)
                    + " lie beyond the end of the file (" + size + " bytes)", null).withLocation(uri);
        }
        if (closed) {
            throw new FileAccessException(ErrorLocation.NONE, "read after close", null).withLocation(uri);
        }
        int blockSize = settings.blockSize();
        if (length > 2 * blockSize) {
            byte[] direct = fetch(position, length);
            into.put(direct);
            return;
        }
        boolean data = length >= MIN_DATA_READ || marches(position, length);
        if (length > 0 && length <= PIECE_SIZE && (fromPieces(position, into)
                || (!data && PIECE_SIZE < blockSize && fetchPieces(position, into)))) {
            return;
        }
        long at = position;
        while (into.hasRemaining()) {
            long block = at / blockSize;
            byte[] bytes = block(block, data);
            int offset = (int) (at - block * blockSize);
            int n = Math.min(into.remaining(), bytes.length - offset);
            into.put(bytes, offset, n);
            at += n;
        }
    }

    /**
     * Fetches the bytes of {@code [position, position + length)} ahead, in the order announced. A small range (up to
     * {@value #PIECE_SIZE} bytes, such as a chunk index node) is fetched as the aligned piece(s) holding it rather
     * than a whole block; a larger one as its blocks. At most {@link HadoopStorage.Builder#readAhead(int)} announced
     * blocks (and {@value #MAX_PIECES} / 2 pieces) are fetched or held unread at once; later ones are fetched as
     * those are read. Reads of announced bytes start no guessed read-ahead: the reader has said what it needs.
     */
    @Override
    public synchronized void willRead(long position, long length) {
        if (closed || length <= 0 || position < 0 || position >= size) {
            return;
        }
        long end = Math.min(size, position + length);
        if (length <= PIECE_SIZE && blocks.holds(position, end)) {
            return; // a block fetched already holds it
        }
        Units units = length <= PIECE_SIZE ? pieces : blocks;
        for (long u = position / units.unitSize; u <= (end - 1) / units.unitSize; u++) {
            units.announce(u);
        }
    }

    /**
     * Whether a small read continues a march through the file, piece after piece (a table of tiny chunks): such reads
     * are data reads, by blocks with read-ahead. A jump further than a piece ends the march.
     */
    private synchronized boolean marches(long position, int length) {
        long end = position + length;
        if (lastSmallReadEnd >= 0 && Math.abs(position - lastSmallReadEnd) > PIECE_SIZE) {
            marching = false;
            adjacentPieceMisses = 0;
        }
        lastSmallReadEnd = end;
        if (!marching && !pieces.holds(position, end) && !blocks.holds(position, end)) {
            long piece = position / PIECE_SIZE;
            // a read straddling into the next piece starts in the piece of the last miss
            boolean adjacent = piece == lastMissedPiece || piece == lastMissedPiece + 1;
            adjacentPieceMisses = adjacent ? adjacentPieceMisses + 1 : 0;
            lastMissedPiece = (end - 1) / PIECE_SIZE;
            marching = adjacentPieceMisses >= ADJACENT_PIECE_MISSES;
        }
        return marching;
    }

    /**
     * Fills {@code into}, a structure read, from the pieces holding it, fetching them; false (nothing read) when a
     * block fetched or being fetched holds it already. The file's first read, at its start, also starts fetching the
     * first few blocks and the last piece: both HDF5 and Parquet files keep data right after the header, and
     * structure at the end (Parquet's footer; the object headers and index roots an HDF5 writer appends last), which
     * the reads of the structure would reach only some round trips later.
     */
    private boolean fetchPieces(long position, ByteBuffer into) {
        long end = position + into.remaining();
        synchronized (this) {
            if (blocks.holds(position, end)) {
                return false;
            }
            // nothing held yet: the file's first read (only reads of over two blocks bypass the units)
            boolean speculate = blocks.isEmpty() && pieces.isEmpty() && position < settings.blockSize()
                    && settings.readAhead() > 0;
            for (long p = position / PIECE_SIZE; p <= (end - 1) / PIECE_SIZE; p++) {
                pieces.get(p);
            }
            for (int b = 0; speculate && b < Math.min(settings.readAhead(), BLOCK_FETCHES); b++) {
                blocks.get(b);
            }
            long tail = (size - 1) / PIECE_SIZE;
            if (speculate && tail * PIECE_SIZE >= (long) Math.min(settings.readAhead(), BLOCK_FETCHES)
                    * settings.blockSize()) {
                pieces.get(tail);
            }
        }
        return fromPieces(position, into);
    }

    /** Fills {@code into} from held pieces when they hold all its bytes; false (nothing read) otherwise. */
    private boolean fromPieces(long position, ByteBuffer into) {
        long first = position / PIECE_SIZE;
        long last = (position + into.remaining() - 1) / PIECE_SIZE;
        List<CompletableFuture<byte[]>> futures = new ArrayList<>(2);
        synchronized (this) {
            if (!pieces.holds(position, position + into.remaining())) {
                return false;
            }
            for (long p = first; p <= last; p++) {
                futures.add(pieces.get(p));
                pieces.read(p);
            }
        }
        long at = position;
        for (int i = 0; i < futures.size(); i++) {
            long piece = first + i;
            byte[] bytes = await(futures.get(i), pieces, piece);
            int offset = (int) (at - piece * PIECE_SIZE);
            int n = Math.min(into.remaining(), bytes.length - offset);
            into.put(bytes, offset, n);
            at += n;
        }
        return true;
    }

    /** A block's bytes; a data read ({@link #MIN_DATA_READ}) moving forward fetches the next blocks too. */
    private byte[] block(long block, boolean data) {
        CompletableFuture<byte[]> f;
        synchronized (this) {
            f = blocks.get(block);
            // a block read again right after its announced read (a node's header, then its entries) is announced too
            boolean announced = blocks.read(block) || (block == lastBlock && lastReadAnnounced);
            if (data || announced) {
                if (!announced && block >= lastBlock - 1 && block <= lastBlock + settings.readAhead() + 1) {
                    // forward moves within the window count as sequential: decoding threads read neighbouring chunks
                    // out of order
                    for (int i = 1; i <= settings.readAhead(); i++) {
                        blocks.get(block + i);
                    }
                }
                lastBlock = block;
                lastReadAnnounced = announced;
            }
        }
        return await(f, blocks, block);
    }

    /** The bytes of a fetched unit, counting the time readers wait for them. */
    private byte[] await(CompletableFuture<byte[]> f, Units units, long unit) {
        try {
            if (f.isDone()) {
                return f.join();
            }
            long waitStart = System.nanoTime();
            byte[] bytes = f.join();
            waitedNanos.addAndGet(System.nanoTime() - waitStart);
            return bytes;
        } catch (CompletionException e) {
            synchronized (this) {
                units.forget(unit); // a later read tries again instead of repeating the failure
            }
            if (e.getCause() instanceof BattdatException b) {
                throw b;
            }
            throw new FileAccessException(ErrorLocation.NONE,
                    "cannot read: " + e.getCause(), e.getCause()).withLocation(uri);
        }
    }

    /** One request to the store, retried on transient failures. */
    private byte[] fetch(long position, int length) {
        byte[] bytes = new byte[length];
        IOException last = null;
        for (int attempt = 0; attempt <= settings.retries(); attempt++) {
            if (closed) {
                throw new FileAccessException(ErrorLocation.NONE, "read after close", null).withLocation(uri);
            }
            FSDataInputStream stream = null;
            try {
                stream = borrow();
                long start = System.nanoTime();
                settings.simulateLatency();
                stream.readFully(position, bytes, 0, length);
                requests.incrementAndGet();
                requestedBytes.addAndGet(length);
                if (LOG.isTraceEnabled()) {
                    LOG.trace("{}: request {}: bytes {}..{} ({}), {} ms, at {} ms", uri, requests.get(), position,
                            position + length, length, (System.nanoTime() - start) / 1_000_000,
                            (System.nanoTime() - openedAt) / 1_000_000);
                }
                giveBack(stream);
                return bytes;
            } catch (InterruptedIOException e) {
                closeQuietly(stream);
                Thread.currentThread().interrupt();
                throw new FileAccessException(ErrorLocation.NONE, "interrupted while reading", e).withLocation(uri);
            } catch (IOException e) {
                closeQuietly(stream); // its connection may be broken: the next attempt opens another
                BattdatException permanent = HadoopStorage.permanent(e, uri);
                if (permanent != null || (e instanceof EOFException && !HadoopStorage.isDroppedConnection(e))) {
                    throw permanent != null ? permanent : new FileAccessException(ErrorLocation.NONE,
                            "file ended early "
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
        throw new FileAccessException(ErrorLocation.NONE, "cannot read bytes " + position + ".." + (position + length)
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
        LOG.debug("{}: {} requests, {} bytes, readers waited {} ms in {} ms open", uri, requests.get(),
                requestedBytes.get(), waitedNanos.get() / 1_000_000, (System.nanoTime() - openedAt) / 1_000_000);
        fetchers.shutdownNow();
        blockFetchers.shutdownNow();
        synchronized (this) {
            blocks.clear();
            pieces.clear();
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
