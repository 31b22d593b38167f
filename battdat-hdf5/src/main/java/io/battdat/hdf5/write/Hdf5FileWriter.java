package io.battdat.hdf5.write;

import io.battdat.api.FileAccessException;
import io.battdat.api.KeyNotFoundException;
import io.battdat.api.UnsupportedFeatureException;
import io.battdat.api.WriteException;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.TableLayout;
import io.battdat.api.schema.ColumnSchema;
import io.battdat.api.spi.DatasetSink;
import io.battdat.api.spi.TableSink;
import io.battdat.api.spi.WriteOptions;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a new battdat HDF5 file in the layout PyTables writes (hdf5-on-disk.md sections 1-5): superblock
 * version 0, groups with symbol tables, tables as chunked 1-D compound datasets with unlimited maximum size and
 * PyTables' attributes. Chunks are written as they fill; the metadata is written when the file is closed, after
 * the data, and the file is written under a temporary name and renamed, so a file under the final name is always
 * complete. Appending to existing files is not implemented yet.
 */
public final class Hdf5FileWriter implements DatasetSink {
    /** The battdat version stamped in {@code battdat_version} attributes. */
    static final String BATTDAT_VERSION = "0.4.6";
    private static final int SUPERBLOCK_SIZE = 96;

    private final Path target;
    private final Path temp;
    private final WriteOptions options;
    private final FileChannel channel;
    private final Map<String, Map<String, TableWriter>> groups = new LinkedHashMap<>();
    private long eof = SUPERBLOCK_SIZE;
    private boolean closed;
    private java.util.concurrent.ExecutorService compressionPool;
    private final int compressionThreads = Math.max(1, Runtime.getRuntime().availableProcessors());

    /** Creates the file (under a temporary name until {@link #close()}). */
    public Hdf5FileWriter(Path target, WriteOptions options) {
        this.target = target;
        this.options = options;
        if (options.compressionLevel() > 0 && !options.compressionLibrary().equals("zlib")) {
            throw new UnsupportedFeatureException(target, null, "compression library '" + options.compressionLibrary()
                    + "' is not supported; use zlib");
        }
        Path name = target.getFileName();
        this.temp = target.resolveSibling("." + (name == null ? "battdat" : name) + ".tmp-" + ProcessHandle.current().pid());
        try {
            this.channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE, StandardOpenOption.READ);
            channel.write(ByteBuffer.allocate(SUPERBLOCK_SIZE), 0);
        } catch (IOException e) {
            throw new FileAccessException(target, null, "cannot create " + temp + ": " + e.getMessage(), e);
        }
    }

    Path target() {
        return target;
    }

    /** A compressor of this file's shared pool (daemon threads, one per core), made on first use. */
    ChunkCompressor compressor(int level, int elementSize, int chunkRows) {
        if (compressionPool == null) {
            compressionPool = java.util.concurrent.Executors.newFixedThreadPool(compressionThreads, r -> {
                Thread t = new Thread(r, "battdat-hdf5-compress");
                t.setDaemon(true);
                return t;
            });
        }
        return new ChunkCompressor(compressionPool, compressionThreads, target, level, elementSize, chunkRows);
    }

    private void stopPool() {
        if (compressionPool != null) {
            compressionPool.shutdownNow();
        }
    }

    /** Writes bytes at the end of the file and returns their address. */
    long allocate(byte[] bytes, int length) {
        return allocate(ByteBuffer.wrap(bytes, 0, length));
    }

    /** Writes a buffer's remaining bytes at the end of the file and returns their address. */
    long allocate(ByteBuffer b) {
        long at = eof;
        int length = b.remaining();
        try {
            long p = at;
            while (b.hasRemaining()) {
                p += channel.write(b, p);
            }
        } catch (IOException e) {
            throw new WriteException(target, null, -1, "cannot write " + temp + ": " + e.getMessage(), e);
        }
        eof += length;
        return at;
    }

    @Override
    public TableSink createTable(String key, TableLayout layout, ColumnSchema schema, long expectedRows) {
        String k = key.startsWith("/") ? key.substring(1) : key;
        int slash = k.lastIndexOf('/');
        String prefix = slash < 0 ? null : k.substring(0, slash);
        String name = k.substring(slash + 1);
        if (prefix != null && prefix.contains("/")) {
            throw new UnsupportedFeatureException(target, "/" + k, "only one level of prefix groups is supported");
        }
        Map<String, TableWriter> tables = groups.computeIfAbsent(prefix == null ? "" : prefix, p -> new LinkedHashMap<>());
        if (tables.containsKey(name) || (prefix == null && groups.containsKey(name))) {
            throw new WriteException(target, "/" + k, "a table or group of that name exists already");
        }
        TableWriter t = new TableWriter(this, prefix, name, layout, schema, Math.max(1, expectedRows),
                options.compressionLevel());
        tables.put(name, t);
        return t;
    }

    @Override
    public TableSink appendTo(String key) {
        String k = key.startsWith("/") ? key.substring(1) : key;
        int slash = k.lastIndexOf('/');
        TableWriter t = groups.getOrDefault(slash < 0 ? "" : k.substring(0, slash), Map.of()).get(k.substring(slash + 1));
        if (t == null) {
            throw new KeyNotFoundException(target, "/" + k, "no such table in the file being written");
        }
        return t;
    }

    @Override
    public void flush() {
        // see TableWriter.flush(): rows become durable when the file is completed
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        boolean done = false;
        try {
            Map<String, long[]> children = new LinkedHashMap<>(); // root's links: name -> {header, btree, heap}
            Map<String, long[]> rootTables = new LinkedHashMap<>();
            for (Map.Entry<String, Map<String, TableWriter>> g : groups.entrySet()) {
                Map<String, long[]> links = new LinkedHashMap<>();
                for (TableWriter t : g.getValue().values()) {
                    t.finish();
                    links.put(t.name, new long[]{writeTable(t), 0, 0});
                }
                if (g.getKey().isEmpty()) {
                    rootTables.putAll(links);
                } else {
                    children.put(g.getKey(), writeGroup(links, groupAttributes(false)));
                }
            }
            children.putAll(rootTables);
            long[] root = writeGroup(children, groupAttributes(true));
            ByteBuffer sb = ByteBuffer.wrap(superblock(root[0], root[1], root[2]));
            channel.write(sb, 0);
            channel.truncate(eof);
            if (options.fsync()) {
                channel.force(true); // power-loss durability is opt-in; the rename alone survives a process crash
            }
            channel.close();
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            done = true;
        } catch (IOException e) {
            throw new WriteException(target, null, -1, "cannot complete the file: " + e.getMessage(), e);
        } finally {
            stopPool();
            if (!done) {
                try {
                    channel.close();
                    Files.deleteIfExists(temp);
                } catch (IOException ignore) {
                    // the original error is reported
                }
            }
        }
    }

    /** Removes the unfinished file; nothing appears under the target name. */
    @Override
    public void abort() {
        if (closed) {
            return;
        }
        closed = true;
        stopPool();
        try {
            channel.close();
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            throw new WriteException(target, null, -1, "cannot remove the unfinished " + temp + ": " + e.getMessage(), e);
        }
    }

    private List<byte[]> groupAttributes(boolean root) {
        List<byte[]> attrs = new ArrayList<>();
        attrs.add(AttributeMessage.text("TITLE", ""));
        attrs.add(AttributeMessage.text("CLASS", "GROUP"));
        attrs.add(AttributeMessage.text("VERSION", "1.0"));
        if (root) {
            attrs.add(AttributeMessage.text("PYTABLES_FORMAT_VERSION", "2.1"));
            attrs.add(AttributeMessage.text("metadata", options.rootMetadataJson()));
            attrs.add(AttributeMessage.text("battdat_version", BATTDAT_VERSION));
        }
        return attrs;
    }

    /** Writes a table's chunk index and object header; returns the header's address. */
    private long writeTable(TableWriter t) {
        long btree = BTreeV1Node.writeChunkIndex(t.chunks, t.chunkRows, t.elementSize,
                node -> allocate(node, node.length));
        ObjectHeader h = new ObjectHeader();
        h.add(DataspaceMessage.TYPE, DataspaceMessage.extendible(t.rows), false);
        h.add(DatatypeMessage.TYPE, DatatypeMessage.compound(t.layout), true);
        h.add(0x0005, ObjectHeader.fillValue(), true);
        if (t.level > 0) {
            h.add(FilterPipelineMessage.TYPE, FilterPipelineMessage.shuffleDeflate(t.elementSize, t.level), true);
        }
        h.add(DataLayoutMessage.TYPE, DataLayoutMessage.chunked(btree, t.chunkRows, t.elementSize), false);
        h.add(0x0012, ObjectHeader.modificationTime(System.currentTimeMillis() / 1000), false);
        h.add(AttributeMessage.TYPE, AttributeMessage.text("CLASS", "TABLE"), false);
        h.add(AttributeMessage.TYPE, AttributeMessage.text("VERSION", "2.7"), false);
        h.add(AttributeMessage.TYPE, AttributeMessage.text("TITLE", ""), false);
        for (int i = 0; i < t.layout.size(); i++) {
            h.add(AttributeMessage.TYPE, AttributeMessage.text("FIELD_" + i + "_NAME", t.layout.column(i).name()), false);
        }
        for (int i = 0; i < t.layout.size(); i++) {
            ColumnSpec c = t.layout.column(i);
            byte[] type = c.type() == io.battdat.api.data.StorageType.STRING ? DatatypeMessage.string(1, false)
                    : DatatypeMessage.member(c);
            int size = c.type() == io.battdat.api.data.StorageType.STRING ? 1 : c.itemSize();
            h.add(AttributeMessage.TYPE, AttributeMessage.of("FIELD_" + i + "_FILL", type, DataspaceMessage.scalar(),
                    new byte[size]), false);
        }
        h.add(AttributeMessage.TYPE, AttributeMessage.int64("NROWS", t.rows), false);
        if (t.schema != null) {
            h.add(AttributeMessage.TYPE, AttributeMessage.text("metadata", t.schema.toJson()), false);
        }
        h.add(AttributeMessage.TYPE, AttributeMessage.text("battdat_version", BATTDAT_VERSION), false);
        byte[] header = h.encode();
        return allocate(header, header.length);
    }

    /** Writes a group (heap, symbol table nodes, B-tree, header); returns {header, btree, heap}. */
    private long[] writeGroup(Map<String, long[]> links, List<byte[]> attributes) {
        List<String> names = new ArrayList<>(links.keySet());
        names.sort(Comparator.comparing(n -> n, (a, b) -> java.util.Arrays.compare(a.getBytes(StandardCharsets.UTF_8),
                b.getBytes(StandardCharsets.UTF_8))));
        if (names.size() > 32 * GroupSymbolTableNode.CAPACITY) {
            throw new UnsupportedFeatureException(target, null, "more than 256 objects in one group");
        }
        LocalHeap heap = new LocalHeap(names);
        long heapAddress = eof;
        byte[] heapBytes = heap.encode(heapAddress);
        allocate(heapBytes, heapBytes.length);
        int nodes = (names.size() + GroupSymbolTableNode.CAPACITY - 1) / GroupSymbolTableNode.CAPACITY;
        long[] keys = new long[nodes + 1];
        long[] children = new long[nodes];
        for (int s = 0; s < nodes; s++) {
            List<GroupSymbolTableNode.Entry> entries = new ArrayList<>();
            List<String> part = names.subList(s * GroupSymbolTableNode.CAPACITY,
                    Math.min(names.size(), (s + 1) * GroupSymbolTableNode.CAPACITY));
            for (String n : part) {
                long[] l = links.get(n);
                entries.add(new GroupSymbolTableNode.Entry(heap.offsetOf(n), l[0], l[1], l[2], l[1] != 0));
            }
            byte[] snod = GroupSymbolTableNode.encode(entries);
            children[s] = allocate(snod, snod.length);
            keys[s + 1] = heap.offsetOf(part.get(part.size() - 1));
        }
        byte[] tree = BTreeV1Node.group(keys, children);
        long btree = allocate(tree, tree.length);
        ObjectHeader h = new ObjectHeader().add(0x0011, ObjectHeader.symbolTable(btree, heapAddress), false);
        for (byte[] a : attributes) {
            h.add(AttributeMessage.TYPE, a, false);
        }
        byte[] header = h.encode();
        return new long[]{allocate(header, header.length), btree, heapAddress};
    }

    private byte[] superblock(long rootHeader, long rootBtree, long rootHeap) {
        return new Bytes().bytes(new byte[]{(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'})
                .u8(0).u8(0).u8(0).u8(0).u8(0).u8(8).u8(8).u8(0).u16(4).u16(16).u32(0)
                .u64(0).u64(Bytes.UNDEFINED).u64(eof).u64(Bytes.UNDEFINED)
                .u64(0).u64(rootHeader).u32(1).u32(0).u64(rootBtree).u64(rootHeap).toArray();
    }
}
