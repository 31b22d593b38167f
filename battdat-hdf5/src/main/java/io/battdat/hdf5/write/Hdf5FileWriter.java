package io.battdat.hdf5.write;

import io.battdat.api.BattdatException;
import io.battdat.api.ErrorLocation;
import io.battdat.api.FileAccessException;
import io.battdat.api.KeyNotFoundException;
import io.battdat.api.UnsupportedFeatureException;
import io.battdat.api.WriteException;
import io.battdat.api.data.TableLayout;
import io.battdat.api.schema.ColumnSchema;
import io.battdat.api.spi.DatasetSink;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.TableInfo;
import io.battdat.api.spi.TableSink;
import io.battdat.api.spi.WriteOptions;
import io.battdat.hdf5.Hdf5StreamReader;
import io.battdat.hdf5.ObjectHeaderV1;
import io.battdat.hdf5.Superblock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Writes battdat HDF5 files in the layout PyTables writes (docs/commit-protocol.md section 2: superblock version 0,
 * groups with symbol tables, tables as chunked 1-D compound datasets with unlimited size and PyTables' attributes),
 * new or existing, with commits that survive a crash at any instant.
 *
 * <p>Every {@link #flush()} (and {@link TableSink#flush()}, and {@link #close()}) is a commit in the order of
 * docs/commit-protocol.md section 4: rows, index copies, new headers and group copies go to the end of the file; then
 * the end-of-file address; then single 8- or 16-byte swings (group symbol tables, index roots); then the commit point,
 * each table's current size; then NROWS and sibling pointers, which readers ignore. A process killed at any instant
 * leaves a file that PyTables, h5py and battdat open with every row of the last completed commit. With
 * {@link WriteOptions#fsync()} each step is forced to the device before the next, for power loss.
 *
 * <p>A new file is written under a temporary name in the same folder and appears under its name, complete, at its
 * first commit; {@link #abort()} before that leaves nothing behind. Existing groups and tables are never rewritten in
 * place: adding a table or a prefix group copies the changed path of the group's B-tree (splitting full nodes and
 * growing new roots as HDF5 does, so a group holds any number of objects) and swings its Symbol Table Message; see
 * {@link SymbolTable}. Each commit leaks a few kilobytes (old index and group nodes, a re-encoded partial chunk), as
 * HDF5's own appends do.
 */
public final class Hdf5FileWriter implements DatasetSink {
    /** The battdat version stamped in {@code battdat_version} attributes. */
    static final String BATTDAT_VERSION = "0.4.6";
    private static final Logger LOG = LoggerFactory.getLogger(Hdf5FileWriter.class);

    /** A group of the file: the root ("") or a prefix group. */
    private static final class Group {
        final String name;
        long header = Bytes.UNDEFINED;
        long symbolTableField;
        SymbolTable links;
        boolean changed;

        Group(String name, SymbolTable links) {
            this.name = name;
            this.links = links;
        }

        String path() {
            return "/" + name;
        }
    }

    private final Path target;
    private Path temp;
    private final WriteOptions options;
    private final ChunkFilters newTableFilters;
    private final FileChannel channel;
    private final FileLock lock;
    private final Hdf5Channel file;
    private final Superblock superblock;
    private final Group root;
    private final Map<String, Group> prefixes = new LinkedHashMap<>();
    private final Map<String, TableWriter> tables = new LinkedHashMap<>();
    private final List<TableWriter> unlinked = new ArrayList<>();
    private long committedEnd;
    private boolean closed;
    private BattdatException failure;
    private ExecutorService compressionPool;
    private final int compressionThreads = Math.max(1, Runtime.getRuntime().availableProcessors());

    private Hdf5FileWriter(Path target, Path temp, WriteOptions options) {
        this.target = target;
        this.temp = temp;
        this.options = options;
        this.newTableFilters = ChunkFilters.of(target, options.compressionLevel(), options.compressionLibrary());
        Path path = temp != null ? temp : target;
        FileChannel c = null;
        try {
            c = temp != null
                    ? FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE, StandardOpenOption.READ)
                    : FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.READ);
            this.channel = c;
            this.lock = lock(c);
            if (temp != null) {
                writeSkeleton(c);
            }
            this.superblock = SuperblockV0.read(target, c);
            this.file = new Hdf5Channel(target, c, superblock.baseAddress(), superblock.endOfFile(), options.fsync());
            this.committedEnd = superblock.endOfFile();
            this.root = loadGroup("", superblock.rootHeader());
            markWriting(SuperblockV0.WRITING);
        } catch (IOException e) {
            closeQuietly(c);
            deleteTemp();
            String why = e instanceof AccessDeniedException ? "permission denied (read-only file?)" : e.toString();
            throw new FileAccessException(ErrorLocation.of(target), "cannot open for writing: " + why, e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            deleteTemp();
            throw e;
        }
    }

    /** Starts a new file (replacing an existing one at the first commit). */
    public static Hdf5FileWriter create(Path target, WriteOptions options) {
        Path name = target.getFileName();
        Path temp = target.toAbsolutePath().resolveSibling("." + (name == null ? "battdat" : name) + ".tmp-"
                + ProcessHandle.current().pid() + "-" + System.nanoTime());
        return new Hdf5FileWriter(target, temp, options);
    }

    /**
     * Opens an existing file (written by PyTables, the Python toolkit or this writer) to append rows and add tables
     * and prefix groups. Its metadata is kept.
     */
    public static Hdf5FileWriter append(Path target, WriteOptions options) {
        if (!Files.exists(target)) {
            throw new FileAccessException(ErrorLocation.of(target), "no such file to append to", null);
        }
        if (Files.isDirectory(target)) {
            throw new FileAccessException(ErrorLocation.of(target), "is a directory, not an HDF5 file", null);
        }
        return new Hdf5FileWriter(target, null, options);
    }

    private FileLock lock(FileChannel c) throws IOException {
        try {
            FileLock l = c.tryLock();
            if (l == null) {
                throw new FileAccessException(ErrorLocation.of(target),
                        "is being written by another program (locked)", null);
            }
            return l;
        } catch (OverlappingFileLockException e) {
            throw new FileAccessException(ErrorLocation.of(target), "is already open for writing in this process", e);
        }
    }

    /** Sets the superblock's consistency flags: followers see whether a writer has the file open. */
    private void markWriting(int flags) {
        file.write(SuperblockV0.STATUS_FLAGS, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, flags));
    }

    /** After a failure: followers should still see that the writer is gone, if the device takes 4 more bytes. */
    private void clearWritingQuietly() {
        try {
            markWriting(0);
        } catch (RuntimeException | Error e) {
            LOG.warn("{}: cannot clear the 'open for writing' flags: {}", target, e.toString());
        }
    }

    /** A new file's first state: the superblock and an empty root group holding the battdat metadata. */
    private void writeSkeleton(FileChannel c) throws IOException {
        Hdf5Channel f = new Hdf5Channel(target, c, 0, SuperblockV0.SIZE, false);
        f.write(0, new byte[SuperblockV0.SIZE]);
        SymbolTable.Written w = SymbolTable.create(SuperblockV0.DEFAULT_GROUP_LEAF_K,
                SuperblockV0.DEFAULT_GROUP_INTERNAL_K).write(f, "/");
        long header = writeGroupHeader(f, w, true);
        f.write(0, Superblock.encodeV0(f.end(), header, w.btree(), w.heap()));
    }

    private long writeGroupHeader(Hdf5Channel f, SymbolTable.Written w, boolean isRoot) {
        ObjectHeaderV1.Encoder h = ObjectHeaderV1.encoder().add(ObjectHeaderV1.MessageType.SYMBOL_TABLE,
                new Bytes().u64(w.btree()).u64(w.heap()).toArray(), false);
        h.add(AttributeMessage.TYPE, AttributeMessage.text("TITLE", ""), false);
        h.add(AttributeMessage.TYPE, AttributeMessage.text("CLASS", "GROUP"), false);
        h.add(AttributeMessage.TYPE, AttributeMessage.text("VERSION", "1.0"), false);
        if (isRoot) {
            h.add(AttributeMessage.TYPE, AttributeMessage.text("PYTABLES_FORMAT_VERSION", "2.1"), false);
            h.add(AttributeMessage.TYPE, AttributeMessage.text("metadata", options.rootMetadataJson()), false);
            h.add(AttributeMessage.TYPE, AttributeMessage.pickled("json_schema",
                    PickleProtocol0.dumps(Map.of("title", "BatteryMetadata", "type", "object"))), false);
            h.add(AttributeMessage.TYPE, AttributeMessage.text("battdat_version", BATTDAT_VERSION), false);
        }
        byte[] bytes = h.encode();
        return f.allocate(bytes, bytes.length);
    }

    private Group loadGroup(String name, long header) {
        Group g = new Group(name, null);
        List<ObjectHeaderV1.Message> messages = file.readHeader(header, g.path());
        ObjectHeaderV1.Message stab = ObjectHeaderV1.find(messages, ObjectHeaderV1.MessageType.SYMBOL_TABLE);
        if (stab == null) {
            throw new UnsupportedFeatureException(ErrorLocation.of(target, g.path()),
                    "cannot add to this group: it stores its links "
                    + "in the newer link-info format, not in a symbol table as PyTables does", null);
        }
        g.header = header;
        g.symbolTableField = stab.dataAddress();
        g.links = SymbolTable.read(file, g.path(), stab.data().getLong(0), stab.data().getLong(8),
                superblock.groupLeafK(), superblock.groupInternalK());
        return g;
    }

    Path target() {
        return target;
    }

    /** Tests only: the channel, to simulate crashes and full disks. */
    Hdf5Channel channel() {
        return file;
    }

    /** Tests only: stops like a killed process, writing nothing more (the lock goes with the channel). */
    void vanish() {
        closed = true;
        if (compressionPool != null) {
            compressionPool.shutdownNow();
        }
        closeQuietly(channel);
    }

    /** A compressor of this file's shared pool (daemon threads, one per core), made on first use. */
    ChunkCompressor compressor(ChunkFilters filters, int elementSize, int chunkRows) {
        if (compressionPool == null) {
            compressionPool = Executors.newFixedThreadPool(compressionThreads, r -> {
                Thread t = new Thread(r, "battdat-hdf5-compress");
                t.setDaemon(true);
                return t;
            });
        }
        return new ChunkCompressor(compressionPool, compressionThreads, target, filters, elementSize, chunkRows);
    }

    /** Refuses work after close or after a failed write (the file keeps the rows of its last commit). */
    void ensureWritable() {
        if (closed) {
            throw new WriteException(ErrorLocation.of(target), "the writer is closed", null);
        }
        if (failure == null && file.failure() != null) {
            failure = file.failure();
        }
        if (failure != null) {
            throw new WriteException(ErrorLocation.of(target), "an earlier write failed (" + failure.getMessage()
                    + "); the file keeps the rows of its last completed flush", failure);
        }
    }

    private static String[] split(String key) {
        String k = key.startsWith("/") ? key.substring(1) : key;
        int slash = k.lastIndexOf('/');
        return new String[]{slash < 0 ? null : k.substring(0, slash), k.substring(slash + 1), "/" + k};
    }

    @Override
    public TableSink createTable(String key, TableLayout layout, ColumnSchema schema, long expectedRows) {
        ensureWritable();
        String[] k = split(key);
        if (k[0] != null && k[0].contains("/")) {
            throw new UnsupportedFeatureException(ErrorLocation.of(target, k[2]),
                    "only one level of prefix groups is supported", null);
        }
        if (k[1].isEmpty() || (k[0] != null && k[0].isEmpty())) {
            throw new WriteException(ErrorLocation.of(target, k[2]), "not a table name", null);
        }
        Group g = k[0] == null ? root : prefixGroup(k[0], true);
        if (g.links.contains(k[1]) || tables.containsKey(k[2])) {
            throw new WriteException(ErrorLocation.of(target, k[2]), "a table or group of that name exists already"
                    + (g.links.contains(k[1]) ? " (append to it instead)" : ""), null);
        }
        TableWriter t = new TableWriter(this, file, k[0], k[1], layout, schema, Math.max(1, expectedRows),
                newTableFilters);
        tables.put(k[2], t);
        unlinked.add(t);
        return t;
    }

    /** As {@link #createTable}, with a chunk size chosen by the caller instead of PyTables' rule (for tests). */
    TableSink createTableWithChunkRows(String key, TableLayout layout, ColumnSchema schema, int chunkRows) {
        TableWriter t = (TableWriter) createTable(key, layout, schema, 1);
        TableWriter sized = new TableWriter(this, file, t.prefix, t.name, layout, schema, chunkRows,
                newTableFilters, null);
        tables.put(t.path(), sized);
        unlinked.set(unlinked.indexOf(t), sized);
        return sized;
    }

    private Group prefixGroup(String name, boolean create) {
        Group g = prefixes.get(name);
        if (g != null) {
            return g;
        }
        SymbolTable.Link link = root.links.get(name);
        if (link != null) {
            try {
                g = loadGroup(name, link.header());
            } catch (UnsupportedFeatureException e) {
                throw new WriteException(ErrorLocation.of(target, "/" + name),
                        "exists and is not a group of tables", null);
            }
        } else if (create) {
            g = new Group(name, SymbolTable.create(superblock.groupLeafK(), superblock.groupInternalK()));
            g.changed = true;
        } else {
            throw new KeyNotFoundException(ErrorLocation.of(target, "/" + name), "no such group", null);
        }
        prefixes.put(name, g);
        return g;
    }

    @Override
    public TableSink appendTo(String key) {
        ensureWritable();
        String[] k = split(key);
        TableWriter t = tables.get(k[2]);
        if (t != null) {
            return t;
        }
        Group g = k[0] == null ? root : prefixGroup(k[0], false);
        SymbolTable.Link link = g.links.get(k[1]);
        if (link == null) {
            throw new KeyNotFoundException(ErrorLocation.of(target, k[2]),
                    "no such table; the file has " + namesForMessage(g.links)
                    + (k[0] == null ? "" : " in /" + k[0]), null);
        }
        TableLayout layout = storedLayout(k[2]);
        t = TableWriter.open(this, file, k[0], k[1], link.header(), layout);
        tables.put(k[2], t);
        return t;
    }

    /** The stored columns of an existing table, as battdat's reader sees them. */
    private TableLayout storedLayout(String path) {
        try (StoredDataset stored = new Hdf5StreamReader().open(target)) {
            for (TableInfo info : stored.tables()) {
                if (info.path().equals(path)) {
                    return info.layout();
                }
            }
            throw new WriteException(ErrorLocation.of(target, path),
                    "is not a battdat table (a 1-D compound dataset with a 'metadata' "
                    + "attribute); cannot append to it" + (stored.ignoredTables().isEmpty() ? ""
                    : "; ignored: " + stored.ignoredTables()), null);
        }
    }

    /**
     * Clears the declaration in the schema a new table will be written with, or rewrites an existing table's schema
     * attributes in place when the new text fits them (docs/commit-protocol.md section 7), else refuses.
     */
    @Override
    public void clearMonotonic(String key, java.util.Set<String> columns) {
        ensureWritable();
        TableWriter t = tables.get(split(key)[2]);
        if (t == null) {
            throw new KeyNotFoundException(ErrorLocation.of(target, key),
                    "no table of that name is open for writing", null);
        }
        t.clearMonotonic(columns);
    }

    /** Commits every table. */
    @Override
    public void flush() {
        commit(tables.values());
    }

    /**
     * One commit of {@code which} (docs/commit-protocol.md section 4; see the class comment). Returns the rows it made
     * visible.
     */
    long commit(Collection<TableWriter> which) {
        ensureWritable();
        try {
            for (TableWriter t : which) {
                t.writeData();
            }
            for (TableWriter t : List.copyOf(unlinked)) {
                if (!t.isNew()) {
                    Group g = t.prefix == null ? root : prefixGroup(t.prefix, true);
                    g.links.put(t.name, new SymbolTable.Link(t.header(), false, 0, 0));
                    g.changed = true;
                    unlinked.remove(t);
                }
            }
            Map<Group, SymbolTable.Written> swings = new LinkedHashMap<>();
            List<Group> rewritten = new ArrayList<>();
            for (Group g : prefixes.values()) {
                if (!g.changed) {
                    continue;
                }
                SymbolTable.Written w = g.links.write(file, g.path());
                rewritten.add(g);
                if (g.header == Bytes.UNDEFINED) {
                    g.header = writeGroupHeader(file, w, false);
                    g.symbolTableField = ObjectHeaderV1.find(file.readHeader(g.header, g.path()),
                            ObjectHeaderV1.MessageType.SYMBOL_TABLE).dataAddress();
                    g.changed = false;
                } else {
                    swings.put(g, w);
                }
                root.links.put(g.name, new SymbolTable.Link(g.header, true, w.btree(), w.heap()));
                root.changed = true;
            }
            SymbolTable.Written rootCopy = root.changed ? root.links.write(file, "/") : null;
            if (rootCopy != null) {
                rewritten.add(root);
            }
            file.barrier();
            if (file.end() != committedEnd) {
                file.writeLong(superblock.endOfFileField(), file.end());
                committedEnd = file.end();
                file.barrier();
            }
            // grown name heaps first: the new B-tree nodes name links by offsets into them
            boolean swung = false;
            for (Group g : rewritten) {
                swung |= g.links.swing(file);
            }
            if (swung) {
                file.barrier();
            }
            for (Map.Entry<Group, SymbolTable.Written> s : swings.entrySet()) {
                file.write(s.getKey().symbolTableField, symbolTable(s.getValue()));
                s.getKey().changed = false;
            }
            if (rootCopy != null) {
                file.write(root.symbolTableField, symbolTable(rootCopy));
            }
            for (TableWriter t : which) {
                t.swingIndex();
            }
            file.barrier();
            long committed = 0;
            for (TableWriter t : which) {
                committed += t.commitRows();
            }
            file.barrier();
            for (TableWriter t : which) {
                t.afterCommit();
            }
            for (Group g : rewritten) {
                g.links.afterCommit(file);
            }
            if (rootCopy != null) {
                file.write(superblock.rootScratchPad(), symbolTable(rootCopy)); // the root entry's cached copy
                root.changed = false;
            }
            file.barrier();
            publish();
            return committed;
        } catch (BattdatException e) {
            failure = e;
            throw e;
        } catch (RuntimeException e) {
            failure = new WriteException(ErrorLocation.of(target), "commit failed: " + e, e);
            throw failure;
        }
    }

    /** A group's names for a message: all of them when few, else the count and the first few. */
    private static String namesForMessage(SymbolTable links) {
        List<String> names = links.names();
        return names.size() <= 20 ? names.toString()
                : names.size() + " objects (" + String.join(", ", names.subList(0, 10)) + ", ...)";
    }

    private static byte[] symbolTable(SymbolTable.Written w) {
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(w.btree()).putLong(w.heap()).array();
    }

    /** A new file takes its name at its first commit: before that it holds no committed row. */
    private void publish() {
        if (temp == null) {
            return;
        }
        try {
            if (options.fsync()) {
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            temp = null;
        } catch (IOException e) {
            throw new WriteException(ErrorLocation.of(target),
                    "cannot move " + temp + " to its name: " + e.getMessage(), e);
        }
    }

    /** Commits every table, trims what a crashed writer left past the end, and closes the file. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (failure == null && file.failure() != null) {
            failure = file.failure();
        }
        try {
            if (failure == null) {
                commit(tables.values());
                file.truncateToEnd();
                markWriting(0);
                file.barrier();
            }
        } finally {
            if (failure != null) {
                clearWritingQuietly();
            }
            shutDown();
        }
        if (failure != null) {
            throw new WriteException(ErrorLocation.of(target),
                    "closed after a failed write; the file keeps the rows of its "
                    + "last completed flush", failure);
        }
    }

    /**
     * Gives up: a new file that was never committed is removed; an existing (or already committed) file keeps every
     * row of its last commit, and what was written after it is trimmed.
     */
    @Override
    public void abort() {
        if (closed) {
            return;
        }
        try {
            if (temp == null && channel.isOpen() && channel.size() > superblock.baseAddress() + committedEnd) {
                channel.truncate(superblock.baseAddress() + committedEnd);
            }
            if (temp == null) {
                clearWritingQuietly();
            }
        } catch (IOException e) {
            LOG.warn("{}: cannot trim uncommitted bytes: {}", target, e.toString());
        } finally {
            shutDown();
        }
    }

    /** The last step of both close and abort: refuses further work, lets the file and its lock go. */
    private void shutDown() {
        closed = true;
        release();
        deleteTemp();
    }

    private void release() {
        if (compressionPool != null) {
            compressionPool.shutdownNow();
        }
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
        } catch (IOException ignore) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (IOException ignore) {
            // nothing more to release
        }
    }

    private void deleteTemp() {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                LOG.warn("cannot remove the unfinished {}: {}", temp, e.toString());
            }
        }
    }
}
