package io.battdat.hdf5;

import io.battdat.api.BadFormatException;
import io.battdat.api.BattdatException;
import io.battdat.api.ErrorLocation;
import io.battdat.api.FileAccessException;
import io.battdat.api.spi.FollowOptions;
import io.battdat.api.spi.ReadOptions;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.TableCursor;
import io.battdat.api.spi.TableInfo;
import io.jhdf.AbstractNode;
import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.dataset.DatasetBase;
import io.jhdf.dataset.chunked.ChunkedDatasetBase;
import io.jhdf.object.datatype.CompoundDataType;
import io.jhdf.object.message.FilterPipelineMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * An open battdat HDF5 file. jHDF parses the structure (groups, attributes, datatypes, chunk indexes of every
 * layout); rows are read by {@link Hdf5TableCursor} from our own file channel.
 */
final class Hdf5Dataset implements StoredDataset {
    private static final Logger LOG = LoggerFactory.getLogger(Hdf5Dataset.class);

    /** A table with what opening a cursor on it needs. */
    private record Table(TableInfo info, Dataset dataset, CompoundLayout layout, FilterPipeline pipeline) {
    }

    private final Path path;
    private final FileChannel channel;
    private final Superblock superblock;
    private final HdfFile hdf;
    private FileRegions regions;
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final List<String> ignored = new ArrayList<>();
    private boolean closed;

    Hdf5Dataset(Path path) {
        this(path, openChannel(path), null);
    }

    /**
     * A dataset read through a source that is not a local file. Errors found while reading name the file by its
     * file name only ({@link #path()}); the engine relocates them to the URI ({@link #location()}).
     */
    Hdf5Dataset(io.battdat.api.spi.RandomAccessSource source) {
        this(Path.of(fileNameOf(source.name())), new SourceChannel(source), source.name());
    }

    private final String location;

    private Hdf5Dataset(Path path, FileChannel channel, String location) {
        this.path = path;
        this.channel = channel;
        this.location = location;
        HdfFile file = null;
        try {
            this.superblock = Superblock.read(path, channel);
            file = location == null ? new HdfFile(path) : new HdfFile(channel);
            this.hdf = file;
            walk(hdf, null);
        } catch (BattdatException e) {
            closeQuietly(file);
            throw e;
        } catch (RuntimeException e) {
            closeQuietly(file);
            BattdatException fromSource = SourceChannel.located(e);
            if (fromSource != null) {
                throw fromSource;
            }
            throw new BadFormatException(ErrorLocation.of(path), "cannot read the HDF5 structure: " + describe(e), e);
        }
        LOG.debug("opened {}: {} tables, {} other datasets", path, tables.size(), ignored.size());
    }

    /** The last segment of a path or URI ({@code s3a://bucket/lake/x.h5} gives {@code x.h5}). */
    static String fileNameOf(String location) {
        String s = location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
        String name = s.substring(s.lastIndexOf('/') + 1);
        return name.isEmpty() ? "remote.h5" : name;
    }

    @Override
    public String location() {
        return location == null ? path.toString() : location;
    }

    private static FileChannel openChannel(Path path) {
        try {
            if (Files.isDirectory(path)) {
                throw new FileAccessException(ErrorLocation.of(path), "is a directory, not an HDF5 file", null);
            }
            return FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new FileAccessException(ErrorLocation.of(path), "no such file", e);
        } catch (AccessDeniedException e) {
            throw new FileAccessException(ErrorLocation.of(path), "permission denied", e);
        } catch (IOException e) {
            throw new FileAccessException(ErrorLocation.of(path), "cannot open: " + e.getMessage(), e);
        }
    }

    private void closeQuietly(HdfFile file) {
        try {
            if (file != null) {
                file.close();
            }
        } catch (RuntimeException ignore) {
            // the original error matters more
        }
        try {
            channel.close();
        } catch (IOException ignore) {
            // the original error matters more
        }
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    /** Root first; in each group its tables sorted by name, then its sub-groups sorted by name. */
    private void walk(Group group, String prefix) {
        Map<String, Node> children = new TreeMap<>(group.getChildren());
        List<Group> subgroups = new ArrayList<>();
        for (Map.Entry<String, Node> e : children.entrySet()) {
            Node node = e.getValue();
            if (node.isLink()) {
                ignored.add(pathOf(prefix, e.getKey()) + " (link)");
            } else if (node instanceof Group g) {
                subgroups.add(g);
            } else if (node instanceof Dataset ds) {
                classify(ds, prefix, e.getKey());
            }
        }
        for (Group g : subgroups) {
            walk(g, prefix == null ? g.getName() : prefix + "/" + g.getName());
        }
    }

    private static String pathOf(String prefix, String name) {
        return prefix == null ? "/" + name : "/" + prefix + "/" + name;
    }

    private void classify(Dataset ds, String prefix, String name) {
        String tablePath = pathOf(prefix, name);
        try {
            int[] dims = ds.getDimensions();
            if (!(ds.getDataType() instanceof CompoundDataType compound)) {
                ignored.add(tablePath + " (not a compound dataset)");
                return;
            }
            if (dims.length != 1) {
                ignored.add(tablePath + " (compound dataset of rank " + dims.length + ", not a table)");
                return;
            }
            CompoundLayout layout;
            try {
                layout = CompoundLayout.of(compound);
            } catch (CompoundLayout.NotATableException e) {
                ignored.add(tablePath + " (" + e.getMessage() + ")");
                return;
            }
            String schemaJson = stringAttribute(ds, "metadata");
            if (schemaJson == null) {
                ignored.add(tablePath + " (no 'metadata' attribute: not a battdat table)");
                return;
            }
            FilterPipeline pipeline = FilterPipeline.none();
            if (ds instanceof AbstractNode node && node.getHeader().hasMessageOfType(FilterPipelineMessage.class)) {
                pipeline = FilterPipeline.of(node.getHeader().getMessageOfType(FilterPipelineMessage.class));
            }
            long chunkRows = ds instanceof ChunkedDataset c ? c.getChunkDimensions()[0] : 0;
            OptionalLong nrows = OptionalLong.empty();
            Attribute nrowsAttribute = ds.getAttribute("NROWS");
            if (nrowsAttribute != null && nrowsAttribute.getData() instanceof Number n) {
                nrows = OptionalLong.of(n.longValue());
            }
            TableInfo info = TableInfo.builder(tablePath, prefix, name, layout.tableLayout())
                    .rows(ds.getDimensionsAsLong()[0]).schemaJson(schemaJson)
                    .battdatVersion(stringAttribute(ds, "battdat_version")).filters(pipeline.filters())
                    .chunkRows(chunkRows).nrowsAttribute(nrows).build();
            tables.put(info.key(), new Table(info, ds, layout, pipeline));
        } catch (BattdatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BadFormatException(ErrorLocation.of(path, tablePath),
                    "cannot read the dataset's header: " + describe(e), e);
        }
    }

    /** A string attribute's text (fixed or variable length); other scalars as their text; null when absent. */
    private static String stringAttribute(Node node, String name) {
        Attribute a = node.getAttribute(name);
        if (a == null || a.isEmpty()) {
            return a == null ? null : "";
        }
        return textOf(a.getData());
    }

    private static String textOf(Object data) {
        if (data == null) {
            return null;
        }
        if (data.getClass().isArray()) {
            if (Array.getLength(data) == 1) {
                return textOf(Array.get(data, 0));
            }
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < Array.getLength(data); i++) {
                parts.add(String.valueOf(textOf(Array.get(data, i))));
            }
            return parts.toString();
        }
        return data.toString();
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public String formatName() {
        return Hdf5StreamReader.FORMAT;
    }

    @Override
    public String metadataJson() {
        String text;
        try {
            text = stringAttribute(hdf, "metadata");
        } catch (RuntimeException e) {
            throw new BadFormatException(ErrorLocation.of(path, "/"),
                    "cannot read the root attribute 'metadata': " + describe(e), e);
        }
        if (text == null) {
            throw new BadFormatException(ErrorLocation.of(path, "/"),
                    "no root attribute 'metadata': not a battdat file", null);
        }
        return text;
    }

    @Override
    public Map<String, String> rootAttributes() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Attribute> e : new TreeMap<>(hdf.getAttributes()).entrySet()) {
            try {
                Attribute a = e.getValue();
                out.put(e.getKey(), a.isEmpty() ? "" : textOf(a.getData()));
            } catch (RuntimeException ex) {
                out.put(e.getKey(), "(unreadable: " + describe(ex) + ")");
            }
        }
        return Collections.unmodifiableMap(out);
    }

    @Override
    public List<TableInfo> tables() {
        List<TableInfo> out = new ArrayList<>(tables.size());
        tables.values().forEach(t -> out.add(t.info()));
        return out;
    }

    @Override
    public List<String> ignoredTables() {
        return List.copyOf(ignored);
    }

    @Override
    public synchronized TableCursor openTable(String key, ReadOptions options) {
        Table t = readable(key, options);
        TableInfo info = t.info();
        try {
            ChunkLookup chunks = ChunkLookup.EMPTY;
            ByteBuffer contiguous = null;
            long chunkRows = info.chunkRows();
            if (info.rows() > 0) {
                ChunkLookup own = ownChunkIndex(t, channel instanceof SourceChannel remote
                        ? remote.source()::willRead : BTreeV1ChunkIndex.Prefetch.NONE);
                if (own != null) {
                    chunks = own;
                } else if (t.dataset() instanceof ChunkedDatasetBase chunked) {
                    chunks = ChunkLookup.of(ChunkIndex.read(chunked, superblock.baseAddress(), this::currentSize,
                            path, info.path()));
                } else if (t.dataset() instanceof DatasetBase base) {
                    contiguous = base.getDataBuffer().asReadOnlyBuffer();
                    chunkRows = info.rows();
                    if (contiguous.remaining() < info.rows() * t.layout().elementSize()) {
                        throw new BadFormatException(ErrorLocation.of(path, info.path()),
                                "data holds " + contiguous.remaining()
                                + " bytes, fewer than " + info.rows() + " rows need", null);
                    }
                }
            }
            long chunkBytes = Math.max(1, chunkRows) * t.layout().elementSize();
            if (chunkBytes > Integer.MAX_VALUE - 4096) {
                throw new io.battdat.api.UnsupportedFeatureException(io.battdat.api.ErrorLocation.of(path, info.path()),
                        "chunks of " + chunkBytes + " bytes are larger than this reader handles (2 GiB)", null);
            }
            TablePlan plan = new TablePlan(path, info, t.layout(), t.pipeline(), chunks, Math.max(1, chunkRows),
                    contiguous, info.rows());
            if (regions == null) {
                regions = new FileRegions(path, channel);
            }
            return new Hdf5TableCursor(plan, regions, options);
        } catch (BattdatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new BadFormatException(ErrorLocation.of(path, info.path()),
                    "cannot read the table's storage: " + describe(e), e);
        }
    }

    /**
     * A table's chunks, read from its version 1 B-tree (every PyTables file's index) by our own index reader; null
     * for other index types, which jHDF reads. Local files list the whole index now: jHDF would first build a map
     * keyed by boxed chunk offsets for the whole index (and load its chunk-lookup classes) before the first chunk is
     * decoded, while this reader lists the entries in row order as it meets them. For a remote file the reader
     * announces every node's children to the source before reading them, so the store fetches them in parallel,
     * and reads each leaf only when a chunk in it is first decoded: the first rows do not wait for the last leaf
     * (docs/remote-storage.md section 2).
     */
    private ChunkLookup ownChunkIndex(Table t, BTreeV1ChunkIndex.Prefetch prefetch) {
        TableInfo info = t.info();
        ObjectHeaderV1.Message layout;
        try {
            layout = ObjectHeaderV1.find(ObjectHeaderV1.read(path, channel, superblock.baseAddress(),
                    t.dataset().getAddress(), info.path()), ObjectHeaderV1.MessageType.LAYOUT);
        } catch (io.battdat.api.UnsupportedFeatureException e) {
            return null; // a version 2 header: jHDF reads it
        }
        if (layout == null || !ObjectHeaderV1.isChunkedV3(layout.data()) || info.chunkRows() < 1) {
            return null;
        }
        int keyRank = layout.data().get(2) & 0xff;
        long base = superblock.baseAddress();
        long root = ObjectHeaderV1.chunkIndexAddress(layout.data());
        long size = currentSize();
        UnaryOperator<ChunkIndex.Entry> checked = e -> {
            long address = base + e.address();
            if (e.firstRow() < 0 || address < 0 || address + (e.size() & 0xffffffffL) > size) {
                throw new BadFormatException(ErrorLocation.of(path, info.path()),
                        "chunk for row " + e.firstRow() + " at byte "
                        + address + " (" + (e.size() & 0xffffffffL) + " bytes) lies past the end of the " + size
                        + "-byte file", null);
            }
            return new ChunkIndex.Entry(e.firstRow(), address, e.size(), e.filterMask());
        };
        if (prefetch != BTreeV1ChunkIndex.Prefetch.NONE) {
            LOG.debug("{}: chunk index of {}: leaves announced ahead, each read when first needed",
                    location != null ? location : path, info.path());
            return BTreeV1ChunkIndex.lazy(path, channel, base, root, keyRank, info.chunkRows(), 0, info.rows(),
                    info.path(), prefetch, checked);
        }
        List<ChunkIndex.Entry> chunks = BTreeV1ChunkIndex.range(path, channel, base, root, keyRank,
                info.chunkRows(), 0, info.rows(), info.path());
        chunks.replaceAll(checked);
        LOG.debug("{}: {} chunks of {} from its chunk index", location != null ? location : path, chunks.size(),
                info.path());
        return ChunkLookup.of(chunks);
    }

    private long currentSize() {
        try {
            return channel.size();
        } catch (IOException e) {
            throw new FileAccessException(ErrorLocation.of(path), "cannot read the file's size: " + e.getMessage(), e);
        }
    }

    /** The table to stream, after the checks every read makes: open, known filters, existing columns. */
    private Table readable(String key, ReadOptions options) {
        if (closed) {
            throw new io.battdat.api.InvalidUseException(path + " is closed");
        }
        TableInfo info = table(key);
        Table t = tables.get(info.key());
        t.pipeline().requireSupported(path, info.path());
        try {
            options.project(info.layout());
        } catch (io.battdat.api.KeyNotFoundException e) {
            throw new io.battdat.api.KeyNotFoundException(io.battdat.api.ErrorLocation.of(path, info.path()),
                    e.getRawMessage(), null);
        }
        return t;
    }

    @Override
    public synchronized TableCursor followTable(String key, ReadOptions options, FollowOptions follow) {
        if (location != null) {
            throw new io.battdat.api.UnsupportedFeatureException(io.battdat.api.ErrorLocation.of(path, key),
                    "a remote file cannot be followed while it "
                    + "is written; follow reads local files only", null).withLocation(location);
        }
        Table t = readable(key, options);
        TableInfo info = t.info();
        long header = t.dataset().getAddress();
        // Tables indexed by a version 1 B-tree (every PyTables file, and ours) are followed by reading only the index
        // nodes of each new commit; other layouts by re-opening the file for each commit.
        TablePlan template = null;
        int keyRank = -1;
        try {
            ObjectHeaderV1.Message layout = ObjectHeaderV1.find(ObjectHeaderV1.read(path, channel,
                    superblock.baseAddress(), header, info.path()), ObjectHeaderV1.MessageType.LAYOUT);
            if (layout != null && ObjectHeaderV1.isChunkedV3(layout.data())) {
                keyRank = layout.data().get(2) & 0xff;
                template = new TablePlan(path, info, t.layout(), t.pipeline(), ChunkLookup.EMPTY,
                        Math.max(1, info.chunkRows()), null, info.rows());
            }
        } catch (io.battdat.api.UnsupportedFeatureException e) {
            LOG.debug("{}: {} has a version 2 header: followed by re-opening", path, info.path());
        }
        return new Hdf5FollowCursor(path, info.key(), info, header, superblock, options, follow, template, keyRank);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(hdf);
    }
}
