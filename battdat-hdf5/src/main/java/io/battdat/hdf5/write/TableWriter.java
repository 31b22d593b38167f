package io.battdat.hdf5.write;

import io.battdat.api.BadFormatException;
import io.battdat.api.ErrorLocation;
import io.battdat.api.UnsupportedFeatureException;
import io.battdat.api.WriteException;
import io.battdat.api.data.BooleanColumn;
import io.battdat.api.data.Column;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.DoubleColumn;
import io.battdat.api.data.FloatColumn;
import io.battdat.api.data.LongColumn;
import io.battdat.api.data.StorageType;
import io.battdat.api.data.StringColumn;
import io.battdat.api.data.TableLayout;
import io.battdat.api.schema.ColumnSchema;
import io.battdat.api.spi.TableSink;
import io.battdat.hdf5.BTreeV1ChunkNode;
import io.battdat.hdf5.ObjectHeaderV1;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * One table being written, new or existing. Rows are encoded column by column from the batch's primitive arrays
 * into the open chunk (row-major compound elements); a full chunk is shuffled and deflated when compressed, then
 * written at the end of the file. Blosc tables whose codec takes shuffled blocks keep the open chunk as columns
 * instead ({@link ColumnChunk}): the compression threads build the shuffled blocks, and rows are packed only when a
 * commit stores a partly filled chunk. Nothing is visible to readers until a commit ({@link Hdf5FileWriter}) writes the
 * open chunk and the index copy and moves the table's current size (docs/commit-protocol.md section 4).
 */
final class TableWriter implements TableSink {
    /** NUL padding for string values narrower than their column. */
    private static final byte[] ZEROS = new byte[4096];
    private final Hdf5FileWriter file;
    private final Hdf5Channel channel;
    final String prefix;
    final String name;
    final TableLayout layout;
    /** The column schema a new table's header will hold; replaced only before that header is written. */
    ColumnSchema schema;
    final int elementSize;
    final int chunkRows;
    final ChunkFilters filters;
    private final ChunkBTree index;
    private final int[] offsets;
    // a direct buffer: written to the file without the JDK's extra copy of heap arrays
    private final ByteBuffer view;
    private final ChunkCompressor compressor;
    private final ChunkCompressor.Sink chunkWritten;
    /**
     * The open chunk as columns, when blosc's encoder takes chunks that way (null otherwise); {@code columnMode} says
     * whether the open chunk's rows are there or in {@link #view} (a reopened partial chunk stays in rows).
     */
    private ColumnChunk columns;
    private boolean columnMode;
    /** Rows in the open chunk, and how many of them are already in the file. */
    private int rowsInChunk;
    private int rowsInChunkOnDisk;
    /** Address of the open chunk when unfiltered and already allocated (its new rows go in place). */
    private long openChunkAddress = Bytes.UNDEFINED;
    long rows;
    private long committedRows;
    /** Where the table's header is and the fields commits write in it; null until the header exists. */
    private HeaderFields header;
    private long committedRoot = Bytes.UNDEFINED;
    private long pendingRoot = Bytes.UNDEFINED;

    /** A new table (its header is written by the first commit). */
    TableWriter(Hdf5FileWriter file, Hdf5Channel channel, String prefix, String name, TableLayout layout,
                ColumnSchema schema, long expectedRows, ChunkFilters filters) {
        this(file, channel, prefix, name, layout, schema, chunkRows(expectedRows, DatatypeMessage.elementSize(layout)),
                filters, null);
    }

    TableWriter(Hdf5FileWriter file, Hdf5Channel channel, String prefix, String name, TableLayout layout,
                ColumnSchema schema, int chunkRows, ChunkFilters filters, ChunkBTree index) {
        this.file = file;
        this.channel = channel;
        this.prefix = prefix;
        this.name = name;
        this.layout = layout;
        this.schema = schema;
        this.elementSize = DatatypeMessage.elementSize(layout);
        DatatypeMessage.compound(layout); // refuses unsupported column types now, not at close
        this.chunkRows = chunkRows;
        this.filters = filters;
        this.index = index != null ? index : ChunkBTree.empty(channel, path(), chunkRows, elementSize);
        this.offsets = new int[layout.size()];
        for (int c = 1; c < layout.size(); c++) {
            offsets[c] = offsets[c - 1] + layout.column(c - 1).itemSize() * layout.column(c - 1).elementsPerRow();
        }
        this.view = ByteBuffer.allocateDirect(chunkRows * elementSize).order(ByteOrder.LITTLE_ENDIAN);
        this.compressor = filters.compressed() ? file.compressor(filters, elementSize, chunkRows) : null;
        this.chunkWritten = (row, stored) -> this.index.put(row, stored.remaining(), channel.allocate(stored));
        // blosc shuffles by the element size only up to 255 bytes; wider rows are not shuffled, so packed as rows
        boolean byColumns = compressor != null && compressor.takesColumns() && elementSize <= 255
                && ColumnChunk.supports(layout);
        this.columns = byColumns ? new ColumnChunk(layout, chunkRows, offsets) : null;
        this.columnMode = byColumns;
    }

    /**
     * Opens an existing table for appending. Only what this writer can continue exactly is accepted: a 1-D chunked
     * dataset with unlimited size, the compound type this writer would write for {@code layout}, and no filters or
     * PyTables' zlib pair (shuffle, deflate).
     */
    static TableWriter open(Hdf5FileWriter file, Hdf5Channel channel, String prefix, String name, long header,
                            TableLayout layout) {
        String path = prefix == null ? "/" + name : "/" + prefix + "/" + name;
        List<ObjectHeaderV1.Message> messages = channel.readHeader(header, path);
        ObjectHeaderV1.Message space = ObjectHeaderV1.find(messages, DataspaceMessage.TYPE);
        ObjectHeaderV1.Message type = ObjectHeaderV1.find(messages, DatatypeMessage.TYPE);
        ObjectHeaderV1.Message storage = ObjectHeaderV1.find(messages, DataLayoutMessage.TYPE);
        if (space == null || type == null || storage == null) {
            throw new BadFormatException(ErrorLocation.of(channel.file(), path),
                    "not a dataset: its header lacks a dataspace, "
                    + "datatype or layout message", null);
        }
        if (DataspaceMessage.rank(space.data()) != 1 || !DataspaceMessage.unlimited(space.data())) {
            throw new UnsupportedFeatureException(ErrorLocation.of(channel.file(), path),
                    "cannot append: the dataset is not a 1-D "
                    + "table with unlimited size (rank " + DataspaceMessage.rank(space.data()) + ")", null);
        }
        if (!DataLayoutMessage.isChunkedV3(storage.data())) {
            throw new UnsupportedFeatureException(ErrorLocation.of(channel.file(), path),
                    "cannot append: the table is not stored in "
                    + "chunks with a version 3 layout message", null);
        }
        byte[] expected = DatatypeMessage.compound(layout);
        byte[] actual = new byte[type.data().limit()];
        type.data().get(0, actual);
        if (!java.util.Arrays.equals(expected, 0, expected.length, actual, 0, Math.min(actual.length, expected.length))
                || actual.length != Bytes.pad8(expected.length)) {
            throw new UnsupportedFeatureException(ErrorLocation.of(channel.file(), path),
                    "cannot append: the table's compound type "
                    + "is stored differently from how this writer stores " + layout, null);
        }
        ObjectHeaderV1.Message pipeline = ObjectHeaderV1.find(messages, FilterPipelineMessage.TYPE);
        ChunkFilters filters = pipeline == null ? ChunkFilters.NONE
                : ChunkFilters.of(channel.file(), path, FilterPipelineMessage.parse(pipeline.data()));
        int chunkRows = DataLayoutMessage.chunkRows(storage.data());
        int elementSize = DataLayoutMessage.elementSize(storage.data());
        if (elementSize != DatatypeMessage.elementSize(layout) || chunkRows <= 0
                || (long) chunkRows * elementSize > Integer.MAX_VALUE - 8) {
            throw new BadFormatException(ErrorLocation.of(channel.file(), path),
                    "chunk of " + chunkRows + " rows of " + elementSize
                    + " bytes does not match the table's " + DatatypeMessage.elementSize(layout) + "-byte rows", null);
        }
        long rows = space.data().getLong(ObjectHeaderV1.currentSizeOffset(space.data()));
        long root = DataLayoutMessage.btreeAddress(storage.data());
        long bound = (rows + chunkRows - 1) / chunkRows * chunkRows;
        ChunkBTree index = ChunkBTree.read(channel, path, root, bound, chunkRows, elementSize);
        TableWriter t = new TableWriter(file, channel, prefix, name, layout, null, chunkRows, filters, index);
        t.header = HeaderFields.locate(header, messages);
        t.committedRoot = root;
        t.pendingRoot = root;
        t.rows = rows;
        t.committedRows = rows;
        t.reopenPartialChunk();
        return t;
    }

    /** A Fill Value Message (IV.A.2.f), version 2: fill value defined by default (zeros), allocated early. */
    private static byte[] fillValueMessage() {
        return new Bytes().u8(2).u8(3).u8(0).u8(1).u32(0).toArray();
    }

    /** An Object Modification Time Message (IV.A.2.s), version 1: seconds since the epoch. */
    private static byte[] modificationTimeMessage(long epochSeconds) {
        return new Bytes().u8(1).zeros(3).u32(epochSeconds).toArray();
    }

    /**
     * The addresses of a table's object header and of the header fields commits write in place: the dataspace's
     * current size, the layout message's index address and, where PyTables' NROWS attribute holds 8 bytes, its
     * value ({@link Bytes#UNDEFINED} otherwise).
     */
    private record HeaderFields(long header, long currentSize, long btreeAddress, long nrows) {
        static HeaderFields locate(long header, List<ObjectHeaderV1.Message> messages) {
            ObjectHeaderV1.Message space = ObjectHeaderV1.find(messages, DataspaceMessage.TYPE);
            ObjectHeaderV1.Message storage = ObjectHeaderV1.find(messages, DataLayoutMessage.TYPE);
            return new HeaderFields(header, space.dataAddress() + ObjectHeaderV1.currentSizeOffset(space.data()),
                    storage.dataAddress() + DataLayoutMessage.BTREE_ADDRESS_OFFSET, nrows(messages));
        }

        private static long nrows(List<ObjectHeaderV1.Message> messages) {
            for (ObjectHeaderV1.Message m : messages) {
                if (m.type() == AttributeMessage.TYPE && AttributeMessage.name(m.data()).equals("NROWS")) {
                    int at = AttributeMessage.valueOffset(m.data());
                    return at + 8 <= m.data().limit() ? m.dataAddress() + at : Bytes.UNDEFINED;
                }
            }
            return Bytes.UNDEFINED;
        }
    }

    /** Puts the rows of a partly filled last chunk back into the open chunk, so appends continue it. */
    private void reopenPartialChunk() {
        int partial = (int) (rows % chunkRows);
        if (partial == 0) {
            return;
        }
        long first = rows - partial;
        BTreeV1ChunkNode.Entry last = index.lastChunk();
        if (last == null || last.firstRow() != first) {
            throw new BadFormatException(ErrorLocation.of(channel.file(), path()),
                    "the table has " + rows + " rows but its index has "
                    + "no chunk for row " + first, null);
        }
        rowsInChunk = partial;
        rowsInChunkOnDisk = partial;
        columnMode = false; // the reloaded rows are in the view; the next chunk goes back to columns
        if (compressor == null) {
            openChunkAddress = last.child(); // new rows go in place, beyond the extent
            return;
        }
        int every = filters.kind() == ChunkFilters.Kind.ZLIB && filters.shuffle() ? 0b11 : 0b1;
        boolean raw = (last.filterMask() & every) == every; // an optional filter that could not shrink it was skipped
        if ((last.filterMask() != 0 && !raw) || last.chunkBytes() <= 0
                || last.chunkBytes() > view.capacity() + view.capacity() / 10 + 1024) {
            throw new BadFormatException(ErrorLocation.of(channel.file(), path()),
                    "the last chunk (row " + first + ") has size "
                    + last.chunkBytes() + " and filter mask " + last.filterMask(), null);
        }
        ByteBuffer stored = channel.read(last.child(), last.chunkBytes());
        if (raw && last.chunkBytes() != view.capacity()) {
            throw new BadFormatException(ErrorLocation.of(channel.file(), path()),
                    "the last chunk (row " + first + ") skipped its "
                    + "filters but holds " + last.chunkBytes() + " bytes, not " + view.capacity(), null);
        }
        byte[] rowBytes = raw ? stored.array() : ChunkCompressor.decode(stored, view.capacity(), filters, elementSize,
                channel.file(), path(), first);
        view.put(0, rowBytes, 0, view.capacity());
    }

    /** PyTables' chunk size from the expected rows (docs/format.md section 2.5). */
    static int chunkRows(long expectedRows, int rowSize) {
        double expectedMb = Math.floor((double) expectedRows * rowSize / (1 << 20));
        expectedMb = Math.min(1e7, Math.max(1, expectedMb));
        int zone = (int) Math.floor(Math.log10(expectedMb));
        long chunkBytes = 65536L << zone;
        return (int) Math.max(1, chunkBytes / rowSize);
    }

    /**
     * Clears the monotonic declaration of columns: in the schema a new table's header will hold, or, once the header
     * is in the file, in place (docs/commit-protocol.md section 7).
     */
    void clearMonotonic(java.util.Set<String> columns) {
        if (header == null && schema != null) {
            schema = MonotonicDeclaration.cleared(schema, columns);
        } else {
            MonotonicDeclaration.clearInPlace(channel, channel.file(), path(), header(), columns);
            if (schema != null) {
                schema = MonotonicDeclaration.cleared(schema, columns);
            }
        }
    }

    String path() {
        return prefix == null ? "/" + name : "/" + prefix + "/" + name;
    }

    boolean isNew() {
        return header == null;
    }

    /** The address of the table's object header, or {@link Bytes#UNDEFINED} before the first commit writes it. */
    long header() {
        return header == null ? Bytes.UNDEFINED : header.header();
    }

    @Override
    public TableLayout layout() {
        return layout;
    }

    @Override
    public void append(ColumnBatch batch, int from, int to) {
        file.ensureWritable();
        if (!batch.layout().equals(layout)) {
            throw new WriteException(ErrorLocation.of(channel.file(), path()), "rows have columns " + batch.layout()
                    + " but the table has " + layout, null);
        }
        int r = from;
        while (r < to) {
            int n = Math.min(to - r, chunkRows - rowsInChunk);
            if (columnMode) {
                columns.copy(batch, r, n, rowsInChunk, file.target(), path(), rows);
            } else {
                encode(batch, r, n);
            }
            rowsInChunk += n;
            rows += n;
            r += n;
            if (rowsInChunk == chunkRows) {
                completeChunk();
            }
        }
    }

    private void encode(ColumnBatch batch, int from, int n) {
        int base = rowsInChunk * elementSize;
        for (int c = 0; c < layout.size(); c++) {
            Column column = batch.column(c);
            ColumnSpec spec = layout.column(c);
            int w = spec.elementsPerRow();
            for (int k = 0; k < w; k++) {
                int at = base + offsets[c] + k * spec.itemSize();
                switch (spec.type()) {
                    case FLOAT64 -> {
                        double[] v = ((DoubleColumn) column).buffer();
                        for (int i = 0; i < n; i++) {
                            view.putDouble(at + i * elementSize, v[(from + i) * w + k]);
                        }
                    }
                    case FLOAT32 -> {
                        float[] v = ((FloatColumn) column).buffer();
                        for (int i = 0; i < n; i++) {
                            view.putFloat(at + i * elementSize, v[(from + i) * w + k]);
                        }
                    }
                    case FLOAT16 -> {
                        float[] v = ((FloatColumn) column).buffer();
                        for (int i = 0; i < n; i++) {
                            view.putShort(at + i * elementSize, HalfFloat.fromFloat(v[(from + i) * w + k]));
                        }
                    }
                    case COMPLEX128, COMPLEX64 -> {
                        double[] v = ((DoubleColumn) column).buffer();
                        boolean wide = spec.type() == StorageType.COMPLEX128;
                        int part = spec.itemSize() / 2;
                        for (int i = 0; i < n; i++) {
                            int src = 2 * ((from + i) * w + k);
                            int p = at + i * elementSize;
                            if (wide) {
                                view.putDouble(p, v[src]).putDouble(p + part, v[src + 1]);
                            } else {
                                view.putFloat(p, (float) v[src]).putFloat(p + part, (float) v[src + 1]);
                            }
                        }
                    }
                    case INT64, UINT64 -> {
                        long[] v = ((LongColumn) column).buffer();
                        for (int i = 0; i < n; i++) {
                            view.putLong(at + i * elementSize, v[(from + i) * w + k]);
                        }
                    }
                    case INT32, UINT32 -> integers(column, spec, from, n, at, 4, w, k);
                    case INT16, UINT16 -> integers(column, spec, from, n, at, 2, w, k);
                    case INT8, UINT8 -> integers(column, spec, from, n, at, 1, w, k);
                    case BOOL -> {
                        boolean[] v = ((BooleanColumn) column).buffer();
                        for (int i = 0; i < n; i++) {
                            view.put(at + i * elementSize, (byte) (v[(from + i) * w + k] ? 1 : 0));
                        }
                    }
                    case STRING -> {
                        if (w != 1) {
                            throw new WriteException(ErrorLocation.of(file.target(), path()),
                                    "cannot write string array " + spec, null);
                        }
                        strings((StringColumn) column, spec, from, n, at);
                    }
                    default -> throw new WriteException(ErrorLocation.of(file.target(), path()),
                            "cannot write " + spec, null);
                }
                if (spec.bigEndian()) {
                    boolean complex = spec.type().numpyKind() == 'c';
                    reverseBytes(at, n, complex ? spec.itemSize() / 2 : spec.itemSize(), complex ? 2 : 1);
                }
            }
        }
    }

    /** Turns values just encoded little-endian into big-endian, for members stored that way (h5py writes some). */
    private void reverseBytes(int at, int n, int size, int parts) {
        if (size == 1) {
            return;
        }
        for (int i = 0; i < n; i++) {
            for (int q = 0; q < parts; q++) {
                int p = at + i * elementSize + q * size;
                for (int lo = p, hi = p + size - 1; lo < hi; lo++, hi--) {
                    byte t = view.get(lo);
                    view.put(lo, view.get(hi));
                    view.put(hi, t);
                }
            }
        }
    }

    private void integers(Column column, ColumnSpec spec, int from, int n, int at, int size, int w, int k) {
        long[] v = ((LongColumn) column).buffer();
        boolean signed = spec.type().numpyKind() == 'i';
        long min = signed ? -(1L << (8 * size - 1)) : 0;
        long max = signed ? (1L << (8 * size - 1)) - 1 : (1L << (8 * size)) - 1;
        for (int i = 0; i < n; i++) {
            long x = v[(from + i) * w + k];
            if (x < min || x > max) {
                throw new WriteException(ErrorLocation.of(file.target(), path(), rows + i),
                        "value " + x + " of column " + spec.name() + " does not fit " + spec.numpyDtype(), null);
            }
            int p = at + i * elementSize;
            for (int b = 0; b < size; b++) {
                view.put(p + b, (byte) (x >>> (8 * b)));
            }
        }
    }

    private void strings(StringColumn column, ColumnSpec spec, int from, int n, int at) {
        int width = spec.itemSize();
        byte[] src = column.buffer();
        int srcWidth = column.width();
        // bytes past a value's length are NULs (StringColumn's contract), so a value is copied with its padding
        int copy = Math.min(column.spec().itemSize(), width);
        for (int i = 0; i < n; i++) {
            int s = (from + i) * srcWidth;
            if (column.spec().itemSize() > width) {
                int len = column.length(from + i);
                if (len > width) {
                    throw new WriteException(ErrorLocation.of(file.target(), path(), rows + i),
                            "value of column " + spec.name()
                            + " is " + len + " bytes, longer than the column's " + width, null);
                }
            }
            for (int k = 0; k < copy; k++) {
                if (src[s + k] < 0) {
                    throw new WriteException(ErrorLocation.of(file.target(), path(), rows + i),
                            "value of column " + spec.name()
                            + " is not ASCII; battdat tables store ASCII strings", null);
                }
            }
            int p = at + i * elementSize;
            view.put(p, src, s, copy);
            for (int z = copy; z < width; z += ZEROS.length) {
                view.put(p + z, ZEROS, 0, Math.min(ZEROS.length, width - z));
            }
        }
    }

    /** Writes the full open chunk: in place when it was already allocated, else at the end of the file. */
    private void completeChunk() {
        long first = rows - rowsInChunk;
        if (columnMode) {
            ColumnChunk idle = compressor.submit(columns, first, chunkWritten); // handed over; shuffled on the pool
            columns = idle != null ? idle : new ColumnChunk(layout, chunkRows, offsets);
        } else if (compressor != null) {
            compressor.submit(view, first, chunkWritten); // compressed on the pool; written in order
        } else if (openChunkAddress != Bytes.UNDEFINED) {
            int from = rowsInChunkOnDisk * elementSize;
            channel.write(openChunkAddress + from, view.duplicate().position(from).limit(view.capacity()));
        } else {
            index.put(first, view.capacity(), channel.allocate(view.duplicate().clear()));
        }
        rowsInChunk = 0;
        rowsInChunkOnDisk = 0;
        openChunkAddress = Bytes.UNDEFINED;
        columnMode = columns != null;
    }

    /** Packs the open chunk's rows from its columns into the view (a commit of a partly filled chunk). */
    private void packRows() {
        int n = rowsInChunk;
        byte[] shuffled = new byte[n * elementSize];
        columns.shuffled(0, n, shuffled, 0);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < elementSize; j++) {
                view.put(i * elementSize + j, shuffled[j * n + i]);
            }
        }
    }

    /**
     * Commit step 1 and 2 (docs/commit-protocol.md section 4): puts every appended row in the file, where readers
     * cannot see it yet (beyond the extent or past the end-of-file address), and writes the index copy. A new table's
     * header is written too, empty, to be linked by its group.
     */
    void writeData() {
        if (rowsInChunk > rowsInChunkOnDisk) {
            long first = rows - rowsInChunk;
            int used = rowsInChunk * elementSize;
            if (columnMode) {
                packRows(); // the chunk stays in columns; this commit stores a packed copy of it
            }
            for (int z = used; z < view.capacity(); z++) {
                view.put(z, (byte) 0); // HDF5 allocates whole chunks; rows past the data read as the zero fill
            }
            if (compressor != null) {
                // re-encoded whole at a new address each commit, alongside the full chunks still in flight
                compressor.submit(view, first, chunkWritten);
            } else if (openChunkAddress != Bytes.UNDEFINED) {
                int from = rowsInChunkOnDisk * elementSize;
                channel.write(openChunkAddress + from, view.duplicate().position(from).limit(used));
            } else {
                openChunkAddress = channel.allocate(view.duplicate().clear());
                index.put(first, view.capacity(), openChunkAddress);
            }
            rowsInChunkOnDisk = rowsInChunk;
        }
        if (compressor != null) {
            compressor.drain(chunkWritten);
        }
        pendingRoot = index.write();
        if (header == null) {
            writeHeader();
        }
    }

    private void writeHeader() {
        ObjectHeaderV1.Encoder h = ObjectHeaderV1.encoder();
        h.add(DataspaceMessage.TYPE, DataspaceMessage.extendible(0), false);
        h.add(DatatypeMessage.TYPE, DatatypeMessage.compound(layout), true);
        h.add(ObjectHeaderV1.MessageType.FILL_VALUE, fillValueMessage(), true);
        byte[] pipeline = filters.pipelineMessage(elementSize, chunkRows * elementSize);
        if (pipeline != null) {
            h.add(FilterPipelineMessage.TYPE, pipeline, true);
        }
        h.add(DataLayoutMessage.TYPE, DataLayoutMessage.chunked(Bytes.UNDEFINED, chunkRows, elementSize), false);
        h.add(ObjectHeaderV1.MessageType.MODIFICATION_TIME,
                modificationTimeMessage(System.currentTimeMillis() / 1000), false);
        h.add(AttributeMessage.TYPE, AttributeMessage.text("CLASS", "TABLE"), false);
        h.add(AttributeMessage.TYPE, AttributeMessage.text("VERSION", "2.7"), false);
        h.add(AttributeMessage.TYPE, AttributeMessage.text("TITLE", ""), false);
        for (int i = 0; i < layout.size(); i++) {
            h.add(AttributeMessage.TYPE, AttributeMessage.text("FIELD_" + i + "_NAME", layout.column(i).name()), false);
        }
        for (int i = 0; i < layout.size(); i++) {
            ColumnSpec c = layout.column(i);
            boolean text = c.type() == StorageType.STRING;
            byte[] type = text ? DatatypeMessage.string(1, false) : DatatypeMessage.member(c);
            h.add(AttributeMessage.TYPE, AttributeMessage.of("FIELD_" + i + "_FILL", type, DataspaceMessage.scalar(),
                    new byte[text ? 1 : c.itemSize()]), false);
        }
        h.add(AttributeMessage.TYPE, AttributeMessage.int64("NROWS", 0), false);
        if (schema != null) {
            h.add(AttributeMessage.TYPE, AttributeMessage.text("metadata", schema.toJson()), false);
            h.add(AttributeMessage.TYPE, AttributeMessage.pickled("json_schema", PickleProtocol0.dumps(schema.toJson())),
                    false);
        }
        h.add(AttributeMessage.TYPE, AttributeMessage.text("battdat_version", Hdf5FileWriter.BATTDAT_VERSION), false);
        byte[] bytes = h.encode();
        long at = channel.allocate(bytes, bytes.length);
        header = HeaderFields.locate(at, channel.readHeader(at, path()));
    }

    /** Commit step 6: the layout message points at the new index root. */
    void swingIndex() {
        if (pendingRoot != committedRoot) {
            channel.writeLong(header.btreeAddress(), pendingRoot);
            committedRoot = pendingRoot;
        }
    }

    /** Commit step 8, the commit point: the table's current size becomes the number of rows written. */
    long commitRows() {
        long added = rows - committedRows;
        if (added > 0) {
            channel.writeLong(header.currentSize(), rows);
        }
        return added;
    }

    /**
     * Commit step 10: NROWS and sibling pointers, which readers ignore (docs/commit-protocol.md section 3, F3 and F5).
     */
    void afterCommit() {
        if (rows != committedRows && header.nrows() != Bytes.UNDEFINED) {
            channel.writeLong(header.nrows(), rows);
        }
        index.updateSiblings();
        committedRows = rows;
    }

    /** Makes every appended row durable (a commit of this table) and returns how many this call committed. */
    @Override
    public long flush() {
        return file.commit(List.of(this));
    }

    @Override
    public long rowsWritten() {
        return committedRows;
    }
}
