package io.battdat.hdf5.write;

import io.battdat.api.WriteException;
import io.battdat.api.data.BooleanColumn;
import io.battdat.api.data.Column;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.DoubleColumn;
import io.battdat.api.data.FloatColumn;
import io.battdat.api.data.LongColumn;
import io.battdat.api.data.StringColumn;
import io.battdat.api.data.TableLayout;
import io.battdat.api.schema.ColumnSchema;
import io.battdat.api.spi.TableSink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One table being written: rows are encoded column by column from the batch's primitive arrays into the current
 * chunk (row-major compound elements); a full chunk is shuffled and deflated when compressed, then written.
 */
final class TableWriter implements TableSink {
    private final Hdf5FileWriter file;
    final String prefix;
    final String name;
    final TableLayout layout;
    final ColumnSchema schema;
    final int elementSize;
    final int chunkRows;
    final int level;
    final List<BTreeV1Node.Chunk> chunks = new ArrayList<>();
    private final int[] offsets;
    // a direct buffer: written to the file without the JDK's extra copy of heap arrays
    private final ByteBuffer view;
    private final ChunkCompressor compressor;
    private int rowsInChunk;
    long rows;
    private long written;

    TableWriter(Hdf5FileWriter file, String prefix, String name, TableLayout layout, ColumnSchema schema,
                long expectedRows, int level) {
        this.file = file;
        this.prefix = prefix;
        this.name = name;
        this.layout = layout;
        this.schema = schema;
        this.elementSize = DatatypeMessage.elementSize(layout);
        DatatypeMessage.compound(layout); // refuses unsupported column types now, not at close
        this.chunkRows = chunkRows(expectedRows, elementSize);
        this.level = level;
        this.offsets = new int[layout.size()];
        for (int c = 1; c < layout.size(); c++) {
            offsets[c] = offsets[c - 1] + layout.column(c - 1).itemSize() * layout.column(c - 1).elementsPerRow();
        }
        this.view = ByteBuffer.allocateDirect(chunkRows * elementSize).order(ByteOrder.LITTLE_ENDIAN);
        this.compressor = level > 0 ? file.compressor(level, elementSize, chunkRows) : null;
    }

    /** PyTables' chunk size from the expected rows (battdat-format.md 1.5). */
    static int chunkRows(long expectedRows, int rowSize) {
        double expectedMb = Math.floor((double) expectedRows * rowSize / (1 << 20));
        expectedMb = Math.min(1e7, Math.max(1, expectedMb));
        int zone = (int) Math.floor(Math.log10(expectedMb));
        long chunkBytes = 65536L << zone;
        return (int) Math.max(1, chunkBytes / rowSize);
    }

    String path() {
        return prefix == null ? "/" + name : "/" + prefix + "/" + name;
    }

    @Override
    public TableLayout layout() {
        return layout;
    }

    @Override
    public void append(ColumnBatch batch, int from, int to) {
        if (!batch.layout().equals(layout)) {
            throw new WriteException(file.target(), path(), "rows have columns " + batch.layout()
                    + " but the table has " + layout);
        }
        int r = from;
        while (r < to) {
            int n = Math.min(to - r, chunkRows - rowsInChunk);
            encode(batch, r, n);
            rowsInChunk += n;
            rows += n;
            r += n;
            if (rowsInChunk == chunkRows) {
                writeChunk();
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
                        double[] v = ((DoubleColumn) column).values();
                        for (int i = 0; i < n; i++) {
                            view.putDouble(at + i * elementSize, v[(from + i) * w + k]);
                        }
                    }
                    case FLOAT32 -> {
                        float[] v = ((FloatColumn) column).values();
                        for (int i = 0; i < n; i++) {
                            view.putFloat(at + i * elementSize, v[(from + i) * w + k]);
                        }
                    }
                    case INT64, UINT64 -> {
                        long[] v = ((LongColumn) column).values();
                        for (int i = 0; i < n; i++) {
                            view.putLong(at + i * elementSize, v[(from + i) * w + k]);
                        }
                    }
                    case INT32, UINT32 -> integers(column, spec, from, n, at, 4, w, k);
                    case INT16, UINT16 -> integers(column, spec, from, n, at, 2, w, k);
                    case INT8, UINT8 -> integers(column, spec, from, n, at, 1, w, k);
                    case BOOL -> {
                        boolean[] v = ((BooleanColumn) column).values();
                        for (int i = 0; i < n; i++) {
                            view.put(at + i * elementSize, (byte) (v[(from + i) * w + k] ? 1 : 0));
                        }
                    }
                    case STRING -> {
                        if (w != 1) {
                            throw new WriteException(file.target(), path(), "cannot write string array " + spec);
                        }
                        strings((StringColumn) column, spec, from, n, at);
                    }
                    default -> throw new WriteException(file.target(), path(), "cannot write " + spec);
                }
            }
        }
    }

    private void integers(Column column, ColumnSpec spec, int from, int n, int at, int size, int w, int k) {
        long[] v = ((LongColumn) column).values();
        boolean signed = spec.type().numpyKind() == 'i';
        long min = signed ? -(1L << (8 * size - 1)) : 0;
        long max = signed ? (1L << (8 * size - 1)) - 1 : (1L << (8 * size)) - 1;
        for (int i = 0; i < n; i++) {
            long x = v[(from + i) * w + k];
            if (x < min || x > max) {
                throw new WriteException(file.target(), path(), rows + i, "value " + x + " of column " + spec.name()
                        + " does not fit " + spec.numpyDtype(), null);
            }
            int p = at + i * elementSize;
            for (int b = 0; b < size; b++) {
                view.put(p + b, (byte) (x >>> (8 * b)));
            }
        }
    }

    private void strings(StringColumn column, ColumnSpec spec, int from, int n, int at) {
        int width = spec.itemSize();
        byte[] src = column.bytes();
        int srcWidth = column.width();
        for (int i = 0; i < n; i++) {
            int len = column.length(from + i);
            if (len > width) {
                throw new WriteException(file.target(), path(), rows + i, "value of column " + spec.name() + " is "
                        + len + " bytes, longer than the column's " + width, null);
            }
            int s = (from + i) * srcWidth;
            for (int k = 0; k < len; k++) {
                if (src[s + k] < 0) {
                    throw new WriteException(file.target(), path(), rows + i, "value of column " + spec.name()
                            + " is not ASCII; battdat tables store ASCII strings", null);
                }
            }
            int p = at + i * elementSize;
            view.put(p, src, s, len);
            for (int z = len; z < width; z++) {
                view.put(p + z, (byte) 0);
            }
        }
    }

    /** Writes the current chunk (zero-filled past its rows, as HDF5 allocates whole chunks). */
    private void writeChunk() {
        if (rowsInChunk == 0) {
            return;
        }
        for (int z = rowsInChunk * elementSize; z < view.capacity(); z++) {
            view.put(z, (byte) 0);
        }
        long first = (long) (chunks.size() + (compressor == null ? 0 : compressor.pending())) * chunkRows;
        if (compressor == null) {
            chunks.add(new BTreeV1Node.Chunk(first, view.capacity(), file.allocate(view.clear())));
        } else {
            // compressed on the pool; written in order as they complete
            compressor.submit(view, first, (row, bytes, size) ->
                    chunks.add(new BTreeV1Node.Chunk(row, size, file.allocate(bytes, size))));
        }
        rowsInChunk = 0;
    }

    /** Writes the partial last chunk and waits for every compressed chunk; called once when the file is completed. */
    void finish() {
        writeChunk();
        if (compressor != null) {
            compressor.drain((row, bytes, size) -> chunks.add(new BTreeV1Node.Chunk(row, size, file.allocate(bytes, size))));
        }
        written = rows;
    }

    /**
     * Returns 0: in this version rows become durable only when the file is completed (written under a temporary
     * name, then renamed at close). Incremental crash-safe commits come with the appending writer.
     */
    @Override
    public long flush() {
        return 0;
    }

    @Override
    public long rowsWritten() {
        return written;
    }

    Path target() {
        return file.target();
    }
}
