package io.battdat.hdf5;

import io.battdat.api.BattdatException;
import io.battdat.api.ErrorLocation;
import io.battdat.api.FileAccessException;
import io.battdat.api.UnsupportedFeatureException;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.spi.FollowOptions;
import io.battdat.api.spi.ReadOptions;
import io.battdat.api.spi.TableCursor;
import io.battdat.api.spi.TableInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Follows a table while a writer appends to it (the follow mode of {@link Hdf5Dataset#followTable}).
 *
 * <p>Each poll re-reads only what a commit changes: the superblock (its consistency flags and end of file) and the
 * table's object header (its current size). battdat's writer commits a flush by moving the current size last, after
 * the rows and the index they need (docs/commit-protocol.md section 4), and marks the file with consistency flags 5
 * (write access and SWMR write access) while it is open. So while those flags are set, every row below the current size
 * is final and is read at once; when the writer closes the file it clears the flags, and the follower ends after the
 * last row. New rows are read through the index nodes that cover them (for the version 1 B-trees of PyTables' and our
 * files; a poll reads the superblock and the table's object header, a commit a few B-tree nodes); other layouts are
 * re-opened for each commit seen.
 *
 * <p>Files that another program writes (PyTables and HDF5 set flag 1 without 4 while open) are not committed in a
 * safe order, so their rows are read only while no writer has the file open (flags 0), and a batch is dropped and
 * read again later if the superblock changed while it was read. A follower never yields a row twice or out of order.
 * Such programs often reopen the file for each append: {@link FollowOptions#acrossSessions()} keeps following over
 * their closes, until the idle timeout.
 */
final class Hdf5FollowCursor implements TableCursor {
    private static final Logger LOG = LoggerFactory.getLogger(Hdf5FollowCursor.class);
    private static final int WRITE_ACCESS = 0x1;
    private static final int SWMR_WRITE_ACCESS = 0x4;

    private final Path path;
    private final String key;
    private final TableInfo info;
    private final long header;
    private final Superblock superblock;
    private final ReadOptions read;
    private final FollowOptions follow;
    private final FileChannel channel;
    /** For a table indexed by a version 1 B-tree: its layout and filters, to read new chunks directly; else null. */
    private final TablePlan template;
    private final int keyRank;

    private long position;
    private Hdf5Dataset snapshot;
    private TableCursor inner;
    private boolean innerNeedsCheck;
    private long innerEndOfFile;
    private ColumnBatch current;
    private boolean closed;
    private long lastProgress = System.nanoTime();

    /** The state a poll sees: the superblock's flags and end of file, the table's size and index root (or -1). */
    private record Poll(int flags, long endOfFile, long rows, long root) {
        boolean ourWriter() {
            return (flags & SWMR_WRITE_ACCESS) != 0;
        }

        boolean otherWriter() {
            return (flags & WRITE_ACCESS) != 0 && !ourWriter();
        }

        boolean noWriter() {
            return (flags & (WRITE_ACCESS | SWMR_WRITE_ACCESS)) == 0;
        }
    }

    Hdf5FollowCursor(Path path, String key, TableInfo info, long header, Superblock superblock, ReadOptions read,
                     FollowOptions follow, TablePlan template, int keyRank) {
        this.path = path;
        this.key = key;
        this.info = info;
        this.header = header;
        this.superblock = superblock;
        this.read = read;
        this.follow = follow;
        this.position = follow.firstRow();
        this.template = template;
        this.keyRank = keyRank;
        try {
            this.channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new FileAccessException(ErrorLocation.of(path, info.path()),
                    "cannot open to follow: " + e.getMessage(), e);
        }
    }

    @Override
    public TableInfo table() {
        return info;
    }

    @Override
    public synchronized boolean next() {
        current = null;
        while (!closed) {
            if (inner != null) {
                if (inner.next()) {
                    ColumnBatch b = inner.batch();
                    if (innerNeedsCheck && !unchangedSince(innerEndOfFile)) {
                        LOG.debug("{}: {} changed while it was read; reading again later", path, info.path());
                        closeInner();
                        continue;
                    }
                    current = b;
                    position = b.firstRow() + b.rowCount();
                    lastProgress = System.nanoTime();
                    return true;
                }
                closeInner();
            }
            Poll p = poll();
            long committed = p.otherWriter() ? position : p.rows();
            if (committed > position) {
                openInner(position, committed, p);
                continue;
            }
            if (p.noWriter() && position >= p.rows() && !follow.acrossSessions()) {
                return false; // the writer closed the file and every row was yielded
            }
            if (follow.idleTimeout() != null && System.nanoTime() - lastProgress > follow.idleTimeout().toNanos()) {
                LOG.debug("{}: no new row of {} for {}: follow ends", path, info.path(), follow.idleTimeout());
                return false;
            }
            try {
                wait(Math.max(1, follow.pollInterval().toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BattdatException(ErrorLocation.of(path, info.path()), "interrupted while following", e);
            }
        }
        return false;
    }

    private void openInner(long from, long to, Poll p) {
        innerNeedsCheck = !p.ourWriter();
        innerEndOfFile = p.endOfFile();
        if (template != null && p.root() >= 0 && openFromIndex(from, to, p.root())) {
            return;
        }
        LOG.debug("{}: reading rows [{}, {}) of {} from a fresh snapshot", path, from, to, info.path());
        snapshot = new Hdf5Dataset(path);
        try {
            inner = snapshot.openTable(key, read.withRowRange(from, to));
        } catch (RuntimeException e) {
            closeInner();
            throw e;
        }
    }

    /**
     * Reads the new rows through the index nodes that cover them; false when the index does not cover every chunk of
     * the range (a root read before a later commit moved it), so the caller falls back to a fresh snapshot.
     */
    private boolean openFromIndex(long from, long to, long root) {
        long chunkRows = template.chunkRows();
        List<ChunkIndex.Entry> chunks = BTreeV1ChunkIndex.range(path, channel, superblock.baseAddress(), root, keyRank,
                chunkRows, from, to, info.path());
        long expected = (to - 1) / chunkRows - from / chunkRows + 1;
        if (chunks.size() != expected) {
            LOG.debug("{}: the index read covers {} of {} chunks of rows [{}, {}); re-opening", path, chunks.size(),
                    expected, from, to);
            return false;
        }
        TablePlan plan = new TablePlan(path, info, template.layout(), template.pipeline(), ChunkLookup.of(chunks),
                chunkRows, null, to);
        try {
            inner = new Hdf5TableCursor(plan, new FileRegions(path, channel), read.withRowRange(from, to));
        } catch (IOException e) {
            throw new FileAccessException(ErrorLocation.of(path, info.path()),
                    "cannot read while following: " + e.getMessage(), e);
        }
        return true;
    }

    private boolean unchangedSince(long endOfFile) {
        Poll now = poll();
        return now.noWriter() && now.endOfFile() == endOfFile;
    }

    private Poll poll() {
        Superblock.Status status = superblock.readStatus(path, channel, info.path());
        int flags = status.flags();
        long endOfFile = status.endOfFile();
        Poll busy = new Poll(WRITE_ACCESS, endOfFile, -1, -1);
        if (new Poll(flags, endOfFile, -1, -1).otherWriter()) {
            return busy; // another program is writing: its structures may be half rewritten, so nothing is read
        }
        try {
            long[] table = readHeader();
            return new Poll(flags, endOfFile, table[0], table[1]);
        } catch (BattdatException e) {
            if ((flags & SWMR_WRITE_ACCESS) != 0) {
                throw e; // our writer never rewrites what a reader can reach: this is damage
            }
            LOG.debug("{}: {} changing under another writer ({}); reading later", path, info.path(), e.getMessage());
            return busy;
        }
    }

    /** {current size, chunk index root (-1 when not a version 1 B-tree)} from the table's object header. */
    private long[] readHeader() {
        try {
            List<ObjectHeaderV1.Message> messages = ObjectHeaderV1.read(path, channel, superblock.baseAddress(), header,
                    info.path());
            long rows = ObjectHeaderV1.currentSize(messages);
            long root = ObjectHeaderV1.chunkIndexRoot(messages);
            if (rows >= 0) {
                return new long[]{rows, root};
            }
        } catch (UnsupportedFeatureException e) {
            // a version 2 header (h5py's newer layout): take the size from a snapshot instead
        }
        try (Hdf5Dataset d = new Hdf5Dataset(path)) {
            return new long[]{d.table(key).rows(), -1};
        }
    }

    @Override
    public synchronized ColumnBatch batch() {
        if (current == null) {
            throw new NoSuchElementException("no current batch: call next() first");
        }
        return current;
    }

    private void closeInner() {
        try {
            if (inner != null) {
                inner.close();
            }
        } finally {
            inner = null;
            if (snapshot != null) {
                snapshot.close();
                snapshot = null;
            }
        }
    }

    /** Ends the follow; may be called from another thread, which wakes a {@link #next()} that is waiting. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            notifyAll();
            closeInner();
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("{}: closing: {}", path, e.toString());
            }
        }
    }
}
