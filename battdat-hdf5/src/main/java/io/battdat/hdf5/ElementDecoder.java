package io.battdat.hdf5;

import io.battdat.api.data.BooleanColumn;
import io.battdat.api.data.Column;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.DoubleColumn;
import io.battdat.api.data.FloatColumn;
import io.battdat.api.data.LongColumn;
import io.battdat.api.data.StorageType;
import io.battdat.api.data.StringColumn;
import io.battdat.hdf5.shuffle.ByteTranspose;

import java.nio.ByteBuffer;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Decodes raw compound elements (rows) into the columns of a batch: one tight loop per member, no object per
 * row. The source buffer holds element after element ({@code elementSize} bytes each), already unfiltered.
 */
final class ElementDecoder {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final CompoundLayout layout;
    private final int[] memberIndex;

    /**
     * @param layout  the table's compound layout
     * @param columns the members to decode, by index into the layout, in batch column order
     */
    ElementDecoder(CompoundLayout layout, int[] columns) {
        this.layout = layout;
        this.memberIndex = columns.clone();
    }

    /** Decodes {@code rows} elements starting at byte {@code start} of {@code source} into batch rows from {@code targetRow}. */
    void decode(ByteBuffer source, int start, int rows, ColumnBatch batch, int targetRow) {
        ByteBuffer le = source.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer be = source.duplicate().order(ByteOrder.BIG_ENDIAN);
        int e = layout.elementSize();
        List<CompoundMember> members = layout.members();
        for (int c = 0; c < memberIndex.length; c++) {
            CompoundMember m = members.get(memberIndex[c]);
            ColumnSpec spec = m.spec();
            ByteBuffer b = spec.bigEndian() ? be : le;
            int base = start + m.offset();
            Column column = batch.column(c);
            int n = spec.elementsPerRow();
            switch (spec.type()) {
                case FLOAT64 -> float64(b, base, e, rows, n, ((DoubleColumn) column).buffer(), targetRow * n);
                case COMPLEX128 -> float64(b, base, e, rows, 2 * n, ((DoubleColumn) column).buffer(), targetRow * 2 * n);
                case COMPLEX64 -> complex64(b, base, e, rows, 2 * n, ((DoubleColumn) column).buffer(), targetRow * 2 * n);
                case FLOAT32 -> float32(b, base, e, rows, n, ((FloatColumn) column).buffer(), targetRow * n);
                case FLOAT16 -> float16(b, base, e, rows, n, ((FloatColumn) column).buffer(), targetRow * n);
                case INT64, UINT64 -> int64(b, base, e, rows, n, ((LongColumn) column).buffer(), targetRow * n);
                case INT32 -> int32(b, base, e, rows, n, ((LongColumn) column).buffer(), targetRow * n);
                case UINT32 -> uint32(b, base, e, rows, n, ((LongColumn) column).buffer(), targetRow * n);
                case INT16 -> int16(b, base, e, rows, n, ((LongColumn) column).buffer(), targetRow * n);
                case UINT16 -> uint16(b, base, e, rows, n, ((LongColumn) column).buffer(), targetRow * n);
                case INT8 -> int8(b, base, e, rows, n, ((LongColumn) column).buffer(), targetRow * n);
                case UINT8 -> uint8(b, base, e, rows, n, ((LongColumn) column).buffer(), targetRow * n);
                case BOOL -> bool(b, base, e, rows, n, ((BooleanColumn) column).buffer(), targetRow * n);
                case STRING -> string(b, base, e, rows, n * spec.itemSize(), ((StringColumn) column).buffer(),
                        targetRow * n * spec.itemSize());
                default -> throw new IllegalStateException("no decoder for " + spec);
            }
        }
    }

    /**
     * Decodes elements straight from a shuffled chunk (HDF5 shuffle filter: byte j of all {@code chunkElements}
     * elements stored together), which saves a transposing pass over the chunk.
     *
     * @param data          the deflated-but-still-shuffled chunk
     * @param chunkElements elements in the chunk (the shuffle's stride)
     * @param fromElement   first element to decode
     */
    void decodeShuffled(byte[] data, int chunkElements, int fromElement, int rows, ColumnBatch batch, int targetRow) {
        decodeShuffled(data, 0, chunkElements, fromElement, rows, batch, targetRow);
    }

    /**
     * Decodes elements from a chunk made of byte-shuffled blocks (blosc's shuffle): every block of
     * {@code blockBytes} bytes, and the shorter last block, is shuffled on its own.
     *
     * @param blockBytes    bytes per block, a multiple of the element size
     * @param chunkElements elements in the chunk
     * @param fromElement   first element to decode
     */
    void decodeShuffledBlocks(byte[] data, int blockBytes, int chunkElements, int fromElement, int rows,
                              ColumnBatch batch, int targetRow) {
        int blockElements = blockBytes / layout.elementSize();
        int element = fromElement;
        int end = fromElement + rows;
        while (element < end) {
            int block = element / blockElements;
            int first = block * blockElements;
            int inBlock = Math.min(blockElements, chunkElements - first);
            int take = Math.min(end, first + inBlock) - element;
            decodeShuffled(data, block * blockBytes, inBlock, element - first, take, batch,
                    targetRow + (element - fromElement));
            element += take;
        }
    }

    /**
     * As {@link #decodeShuffled(byte[], int, int, int, ColumnBatch, int)} for a shuffled region that starts at byte
     * {@code base} of {@code data}: a whole chunk, or one block of a blosc chunk (blosc's byte shuffle is HDF5's,
     * applied block by block).
     *
     * <p>When elements have at least 8 bytes, little-endian integers, float32, float64 (and complex128's halves) and
     * strings of at least 8 bytes move 8 rows at a time: eight 8-byte words, one from each of 8 consecutive byte
     * streams, are transposed in registers into 8 row values ({@link #tile}). A member narrower than 8 bytes borrows
     * the streams of the element bytes that follow or precede it. The last {@code rows % 8} rows, big-endian
     * members, float16, complex64 and bool are gathered byte by byte.
     */
    void decodeShuffled(byte[] data, int base, int chunkElements, int fromElement, int rows, ColumnBatch batch,
                        int targetRow) {
        List<CompoundMember> members = layout.members();
        int e = layout.elementSize();
        long[] t = new long[8];
        // each member type has its own small method, so the JIT compiles each loop quickly and on its own
        for (int c = 0; c < memberIndex.length; c++) {
            CompoundMember m = members.get(memberIndex[c]);
            ColumnSpec spec = m.spec();
            Column column = batch.column(c);
            int n = spec.elementsPerRow();
            int item = spec.itemSize();
            boolean big = spec.bigEndian();
            if (spec.type() == StorageType.STRING) {
                shuffledString(data, base + m.offset() * chunkElements + fromElement, chunkElements, rows, e, item, n,
                        ((StringColumn) column).buffer(), targetRow * n * item, t);
                continue;
            }
            for (int k = 0; k < n; k++) {
                int byteInElement = m.offset() + k * item;
                int s0 = base + byteInElement * chunkElements + fromElement;
                int at = targetRow * n + k;
                switch (spec.type()) {
                    case FLOAT64 -> shuffledFloat64(data, s0, chunkElements, rows, e, big,
                            ((DoubleColumn) column).buffer(), at, n, t);
                    case COMPLEX128 -> {
                        double[] out = ((DoubleColumn) column).buffer();
                        shuffledFloat64(data, s0, chunkElements, rows, e, big, out, 2 * at, 2 * n, t);
                        shuffledFloat64(data, s0 + 8 * chunkElements, chunkElements, rows, e, big, out, 2 * at + 1,
                                2 * n, t);
                    }
                    case COMPLEX64 -> shuffledComplex64(data, s0, chunkElements, rows, big,
                            ((DoubleColumn) column).buffer(), at, n);
                    case FLOAT32 -> shuffledFloat32(data, s0, byteInElement, chunkElements, rows, e, big,
                            ((FloatColumn) column).buffer(), at, n, t);
                    case FLOAT16 -> shuffledFloat16(data, s0, chunkElements, rows, big,
                            ((FloatColumn) column).buffer(), at, n);
                    case INT64, UINT64, INT32, UINT32, INT16, UINT16, INT8, UINT8 -> shuffledInteger(data, s0,
                            byteInElement, spec.type().size(), spec.type().numpyKind() == 'i', chunkElements, rows, e,
                            big, ((LongColumn) column).buffer(), at, n, t);
                    case BOOL -> shuffledBool(data, s0, rows, ((BooleanColumn) column).buffer(), at, n);
                    default -> throw new IllegalStateException("no decoder for " + spec);
                }
            }
        }
    }

    /** Rows that move in tiles of 8: all but the last {@code rows % 8}, when elements have at least 8 bytes. */
    private static int tiledRows(int rows, int elementSize) {
        return elementSize >= 8 ? rows & ~7 : 0;
    }

    private static void shuffledFloat64(byte[] d, int s0, int stride, int rows, int elementSize, boolean big,
                                        double[] out, int at, int step, long[] t) {
        int done = big ? 0 : tiledRows(rows, elementSize);
        for (int r = 0; r < done; r += 8) {
            tile(d, s0 + r, stride, t);
            for (int q = 0; q < 8; q++) {
                out[at + (r + q) * step] = Double.longBitsToDouble(t[q]);
            }
        }
        for (int r = done; r < rows; r++) {
            out[at + r * step] = Double.longBitsToDouble(gather(d, s0 + r, stride, 8, big));
        }
    }

    private static void shuffledFloat32(byte[] d, int s0, int byteInElement, int stride, int rows, int elementSize,
                                        boolean big, float[] out, int at, int step, long[] t) {
        int done = big ? 0 : tiledRows(rows, elementSize);
        int window = windowStart(byteInElement, elementSize);
        int from = s0 + (window - byteInElement) * stride;
        int shift = 8 * (byteInElement - window);
        for (int r = 0; r < done; r += 8) {
            tile(d, from + r, stride, t);
            for (int q = 0; q < 8; q++) {
                out[at + (r + q) * step] = Float.intBitsToFloat((int) (t[q] >>> shift));
            }
        }
        for (int r = done; r < rows; r++) {
            out[at + r * step] = Float.intBitsToFloat((int) gather(d, s0 + r, stride, 4, big));
        }
    }

    /**
     * Little-endian integers of {@code size} bytes, read through the 8-byte window of the element that holds the
     * member and shifted into place with or without their sign.
     */
    private static void shuffledInteger(byte[] d, int s0, int byteInElement, int size, boolean signed, int stride,
                                        int rows, int elementSize, boolean big, long[] out, int at, int step,
                                        long[] t) {
        int done = big ? 0 : tiledRows(rows, elementSize);
        int window = windowStart(byteInElement, elementSize);
        int from = s0 + (window - byteInElement) * stride;
        int up = 64 - 8 * (byteInElement - window + size);
        int down = 64 - 8 * size;
        for (int r = 0; r < done; r += 8) {
            tile(d, from + r, stride, t);
            for (int q = 0; q < 8; q++) {
                long v = t[q] << up;
                out[at + (r + q) * step] = signed ? v >> down : v >>> down;
            }
        }
        for (int r = done; r < rows; r++) {
            long v = gather(d, s0 + r, stride, size, big);
            out[at + r * step] = signed && size < 8 ? (v << down) >> down : v;
        }
    }

    private static void shuffledComplex64(byte[] d, int s0, int stride, int rows, boolean big, double[] out, int at,
                                          int step) {
        for (int r = 0; r < rows; r++) {
            out[2 * (at + r * step)] = Float.intBitsToFloat((int) gather(d, s0 + r, stride, 4, big));
            out[2 * (at + r * step) + 1] = Float.intBitsToFloat((int) gather(d, s0 + 4 * stride + r, stride, 4, big));
        }
    }

    private static void shuffledFloat16(byte[] d, int s0, int stride, int rows, boolean big, float[] out, int at,
                                        int step) {
        for (int r = 0; r < rows; r++) {
            out[at + r * step] = halfToFloat((short) gather(d, s0 + r, stride, 2, big));
        }
    }

    private static void shuffledBool(byte[] d, int s0, int rows, boolean[] out, int at, int step) {
        for (int r = 0; r < rows; r++) {
            out[at + r * step] = d[s0 + r] != 0;
        }
    }

    /**
     * Fixed-length strings, {@code n} of {@code item} bytes per row: when a string has at least 8 bytes, 8-byte
     * windows move 8 rows at a time (the last window of each string overlaps the one before it); shorter strings
     * and the last rows go byte by byte.
     */
    private static void shuffledString(byte[] d, int s0, int stride, int rows, int elementSize, int item, int n,
                                       byte[] out, int first, long[] t) {
        int width = n * item;
        int done = item >= 8 ? tiledRows(rows, elementSize) : 0;
        for (int j = 0; done > 0 && j < width; j = nextWindow(j, item)) {
            for (int r = 0; r < done; r += 8) {
                tile(d, s0 + j * stride + r, stride, t);
                for (int q = 0; q < 8; q++) {
                    LONGS.set(out, first + (r + q) * width + j, t[q]);
                }
            }
        }
        for (int j = 0; j < width; j++) {
            int src = s0 + j * stride;
            int dst = first + j;
            for (int r = done; r < rows; r++) {
                out[dst + r * width] = d[src + r];
            }
        }
    }

    /**
     * The start of the next 8-byte window over strings of {@code item} (at least 8) bytes: 8 bytes further, or the
     * last 8 bytes of the current string, or the next string.
     */
    private static int nextWindow(int j, int item) {
        int inItem = j % item;
        if (inItem + 8 >= item) {
            return j - inItem + item;
        }
        return inItem + 16 > item ? j - inItem + item - 8 : j + 8;
    }

    /**
     * First byte of the 8-byte window of an element (of at least 8 bytes) that covers a member of at most 8 bytes
     * starting at {@code byteInElement}: the member's own first byte, or the element's last 8 bytes.
     */
    private static int windowStart(int byteInElement, int elementSize) {
        return Math.max(0, Math.min(byteInElement, elementSize - 8));
    }

    /**
     * Transposes one 8 x 8 byte tile: word {@code b} is read at {@code from + b * stride} (8 bytes of byte stream
     * {@code b}) and word {@code q} of the result holds byte {@code q} of each stream, i.e. the 8 bytes of one row.
     */
    private static void tile(byte[] src, int from, int stride, long[] t) {
        for (int b = 0; b < 8; b++) {
            t[b] = (long) LONGS.get(src, from + b * stride);
        }
        ByteTranspose.transpose(t);
    }

    /** Reassembles one value of {@code bytes} bytes whose byte j sits at {@code at + j * stride}. */
    private static long gather(byte[] d, int at, int stride, int bytes, boolean big) {
        long v = 0;
        for (int j = 0; j < bytes; j++) {
            long b = d[at + j * stride] & 0xffL;
            v |= big ? b << (8 * (bytes - 1 - j)) : b << (8 * j);
        }
        return v;
    }

    /** Fills rows with zeros: rows with no chunk in the index read as HDF5's default fill value. */
    static void zero(ColumnBatch batch, int targetRow, int rows) {
        for (int c = 0; c < batch.columnCount(); c++) {
            Column column = batch.column(c);
            int w = column.width();
            int from = targetRow * w;
            int to = (targetRow + rows) * w;
            if (column instanceof DoubleColumn d) {
                java.util.Arrays.fill(d.buffer(), from, to, 0.0);
            } else if (column instanceof FloatColumn f) {
                java.util.Arrays.fill(f.buffer(), from, to, 0f);
            } else if (column instanceof LongColumn l) {
                java.util.Arrays.fill(l.buffer(), from, to, 0L);
            } else if (column instanceof BooleanColumn bo) {
                java.util.Arrays.fill(bo.buffer(), from, to, false);
            } else if (column instanceof StringColumn st) {
                java.util.Arrays.fill(st.buffer(), from, to, (byte) 0);
            }
        }
    }

    private static void float64(ByteBuffer b, int base, int e, int rows, int n, double[] out, int at) {
        if (n == 1) {
            for (int r = 0; r < rows; r++) {
                out[at + r] = b.getDouble(base + r * e);
            }
            return;
        }
        for (int r = 0; r < rows; r++) {
            int p = base + r * e;
            for (int k = 0; k < n; k++) {
                out[at + r * n + k] = b.getDouble(p + 8 * k);
            }
        }
    }

    private static void complex64(ByteBuffer b, int base, int e, int rows, int n, double[] out, int at) {
        for (int r = 0; r < rows; r++) {
            int p = base + r * e;
            for (int k = 0; k < n; k++) {
                out[at + r * n + k] = b.getFloat(p + 4 * k);
            }
        }
    }

    private static void float32(ByteBuffer b, int base, int e, int rows, int n, float[] out, int at) {
        for (int r = 0; r < rows; r++) {
            int p = base + r * e;
            for (int k = 0; k < n; k++) {
                out[at + r * n + k] = b.getFloat(p + 4 * k);
            }
        }
    }

    private static void float16(ByteBuffer b, int base, int e, int rows, int n, float[] out, int at) {
        for (int r = 0; r < rows; r++) {
            int p = base + r * e;
            for (int k = 0; k < n; k++) {
                out[at + r * n + k] = halfToFloat(b.getShort(p + 2 * k));
            }
        }
    }

    /** IEEE 754 binary16 to float, exact (Java 17 has no Float.float16ToFloat). */
    static float halfToFloat(short bits) {
        int h = bits & 0xffff;
        int sign = (h >>> 15) << 31;
        int exp = (h >>> 10) & 0x1f;
        int mant = h & 0x3ff;
        if (exp == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        if (exp == 0) {
            if (mant == 0) {
                return Float.intBitsToFloat(sign);
            }
            float v = mant / 1024f / 16384f; // subnormal: mant * 2^-24
            return sign == 0 ? v : -v;
        }
        return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mant << 13));
    }

    private static void int64(ByteBuffer b, int base, int e, int rows, int n, long[] out, int at) {
        if (n == 1) {
            for (int r = 0; r < rows; r++) {
                out[at + r] = b.getLong(base + r * e);
            }
            return;
        }
        for (int r = 0; r < rows; r++) {
            int p = base + r * e;
            for (int k = 0; k < n; k++) {
                out[at + r * n + k] = b.getLong(p + 8 * k);
            }
        }
    }

    private static void int32(ByteBuffer b, int base, int e, int rows, int n, long[] out, int at) {
        for (int r = 0; r < rows; r++) {
            int p = base + r * e;
            for (int k = 0; k < n; k++) {
                out[at + r * n + k] = b.getInt(p + 4 * k);
            }
        }
    }

    private static void uint32(ByteBuffer b, int base, int e, int rows, int n, long[] out, int at) {
        for (int r = 0; r < rows; r++) {
            int p = base + r * e;
            for (int k = 0; k < n; k++) {
                out[at + r * n + k] = b.getInt(p + 4 * k) & 0xffffffffL;
            }
        }
    }

    private static void int16(ByteBuffer b, int base, int e, int rows, int n, long[] out, int at) {
        for (int r = 0; r < rows; r++) {
            int p = base + r * e;
            for (int k = 0; k < n; k++) {
                out[at + r * n + k] = b.getShort(p + 2 * k);
            }
        }
    }

    private static void uint16(ByteBuffer b, int base, int e, int rows, int n, long[] out, int at) {
        for (int r = 0; r < rows; r++) {
            int p = base + r * e;
            for (int k = 0; k < n; k++) {
                out[at + r * n + k] = b.getShort(p + 2 * k) & 0xffffL;
            }
        }
    }

    private static void int8(ByteBuffer b, int base, int e, int rows, int n, long[] out, int at) {
        for (int r = 0; r < rows; r++) {
            int p = base + r * e;
            for (int k = 0; k < n; k++) {
                out[at + r * n + k] = b.get(p + k);
            }
        }
    }

    private static void uint8(ByteBuffer b, int base, int e, int rows, int n, long[] out, int at) {
        for (int r = 0; r < rows; r++) {
            int p = base + r * e;
            for (int k = 0; k < n; k++) {
                out[at + r * n + k] = b.get(p + k) & 0xffL;
            }
        }
    }

    private static void bool(ByteBuffer b, int base, int e, int rows, int n, boolean[] out, int at) {
        for (int r = 0; r < rows; r++) {
            int p = base + r * e;
            for (int k = 0; k < n; k++) {
                out[at + r * n + k] = b.get(p + k) != 0;
            }
        }
    }

    private static void string(ByteBuffer b, int base, int e, int rows, int width, byte[] out, int at) {
        for (int r = 0; r < rows; r++) {
            b.get(base + r * e, out, at + r * width, width);
        }
    }
}
