package io.battdat.hdf5;

import io.battdat.api.data.BooleanColumn;
import io.battdat.api.data.Column;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.DoubleColumn;
import io.battdat.api.data.FloatColumn;
import io.battdat.api.data.LongColumn;
import io.battdat.api.data.StringColumn;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Decodes raw compound elements (rows) into the columns of a batch: one tight loop per member, no object per
 * row. The source buffer holds element after element ({@code elementSize} bytes each), already unfiltered.
 */
final class ElementDecoder {
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
                case FLOAT64 -> float64(b, base, e, rows, n, ((DoubleColumn) column).values(), targetRow * n);
                case COMPLEX128 -> float64(b, base, e, rows, 2 * n, ((DoubleColumn) column).values(), targetRow * 2 * n);
                case COMPLEX64 -> complex64(b, base, e, rows, 2 * n, ((DoubleColumn) column).values(), targetRow * 2 * n);
                case FLOAT32 -> float32(b, base, e, rows, n, ((FloatColumn) column).values(), targetRow * n);
                case FLOAT16 -> float16(b, base, e, rows, n, ((FloatColumn) column).values(), targetRow * n);
                case INT64, UINT64 -> int64(b, base, e, rows, n, ((LongColumn) column).values(), targetRow * n);
                case INT32 -> int32(b, base, e, rows, n, ((LongColumn) column).values(), targetRow * n);
                case UINT32 -> uint32(b, base, e, rows, n, ((LongColumn) column).values(), targetRow * n);
                case INT16 -> int16(b, base, e, rows, n, ((LongColumn) column).values(), targetRow * n);
                case UINT16 -> uint16(b, base, e, rows, n, ((LongColumn) column).values(), targetRow * n);
                case INT8 -> int8(b, base, e, rows, n, ((LongColumn) column).values(), targetRow * n);
                case UINT8 -> uint8(b, base, e, rows, n, ((LongColumn) column).values(), targetRow * n);
                case BOOL -> bool(b, base, e, rows, n, ((BooleanColumn) column).values(), targetRow * n);
                case STRING -> string(b, base, e, rows, n * spec.itemSize(), ((StringColumn) column).bytes(),
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
        List<CompoundMember> members = layout.members();
        int stride = chunkElements;
        for (int c = 0; c < memberIndex.length; c++) {
            CompoundMember m = members.get(memberIndex[c]);
            ColumnSpec spec = m.spec();
            Column column = batch.column(c);
            int n = spec.elementsPerRow();
            int item = spec.itemSize();
            boolean big = spec.bigEndian();
            for (int k = 0; k < n; k++) {
                int s0 = (m.offset() + k * item) * stride + fromElement;
                int at = targetRow * n + k;
                switch (spec.type()) {
                    case FLOAT64 -> gather64(data, s0, stride, rows, big, ((DoubleColumn) column).values(), at, n);
                    case COMPLEX128 -> {
                        double[] out = ((DoubleColumn) column).values();
                        gather64(data, s0, stride, rows, big, out, 2 * at, 2 * n);
                        gather64(data, s0 + 8 * stride, stride, rows, big, out, 2 * at + 1, 2 * n);
                    }
                    case COMPLEX64 -> {
                        double[] out = ((DoubleColumn) column).values();
                        for (int r = 0; r < rows; r++) {
                            out[2 * (at + r * n)] = Float.intBitsToFloat((int) gather(data, s0 + r, stride, 4, big));
                            out[2 * (at + r * n) + 1] =
                                    Float.intBitsToFloat((int) gather(data, s0 + 4 * stride + r, stride, 4, big));
                        }
                    }
                    case FLOAT32 -> {
                        float[] out = ((FloatColumn) column).values();
                        for (int r = 0; r < rows; r++) {
                            out[at + r * n] = Float.intBitsToFloat((int) gather(data, s0 + r, stride, 4, big));
                        }
                    }
                    case FLOAT16 -> {
                        float[] out = ((FloatColumn) column).values();
                        for (int r = 0; r < rows; r++) {
                            out[at + r * n] = halfToFloat((short) gather(data, s0 + r, stride, 2, big));
                        }
                    }
                    case INT64, UINT64 -> {
                        long[] out = ((LongColumn) column).values();
                        if (big) {
                            for (int r = 0; r < rows; r++) {
                                out[at + r * n] = gather(data, s0 + r, stride, 8, true);
                            }
                        } else {
                            gatherLong(data, s0, stride, rows, out, at, n);
                        }
                    }
                    case INT32, UINT32, INT16, UINT16, INT8, UINT8 -> {
                        long[] out = ((LongColumn) column).values();
                        int size = spec.type().size();
                        boolean signed = spec.type().numpyKind() == 'i';
                        for (int r = 0; r < rows; r++) {
                            long v = gather(data, s0 + r, stride, size, big);
                            out[at + r * n] = signed && size < 8 ? (v << (64 - 8 * size)) >> (64 - 8 * size) : v;
                        }
                    }
                    case BOOL -> {
                        boolean[] out = ((BooleanColumn) column).values();
                        for (int r = 0; r < rows; r++) {
                            out[at + r * n] = data[s0 + r] != 0;
                        }
                    }
                    case STRING -> {
                        byte[] out = ((StringColumn) column).bytes();
                        int rowWidth = n * item;
                        for (int j = 0; j < item; j++) {
                            int src = s0 + j * stride;
                            int dst = targetRow * rowWidth + k * item + j;
                            for (int r = 0; r < rows; r++) {
                                out[dst + r * rowWidth] = data[src + r];
                            }
                        }
                    }
                    default -> throw new IllegalStateException("no decoder for " + spec);
                }
            }
        }
    }

    private static void gather64(byte[] d, int s0, int stride, int rows, boolean big, double[] out, int at, int step) {
        if (!big) {
            int s1 = s0 + stride;
            int s2 = s1 + stride;
            int s3 = s2 + stride;
            int s4 = s3 + stride;
            int s5 = s4 + stride;
            int s6 = s5 + stride;
            int s7 = s6 + stride;
            for (int r = 0; r < rows; r++) {
                long bits = (d[s0 + r] & 0xffL) | (d[s1 + r] & 0xffL) << 8 | (d[s2 + r] & 0xffL) << 16
                        | (d[s3 + r] & 0xffL) << 24 | (d[s4 + r] & 0xffL) << 32 | (d[s5 + r] & 0xffL) << 40
                        | (d[s6 + r] & 0xffL) << 48 | (d[s7 + r] & 0xffL) << 56;
                out[at + r * step] = Double.longBitsToDouble(bits);
            }
            return;
        }
        for (int r = 0; r < rows; r++) {
            out[at + r * step] = Double.longBitsToDouble(gather(d, s0 + r, stride, 8, true));
        }
    }

    private static void gatherLong(byte[] d, int s0, int stride, int rows, long[] out, int at, int step) {
        int s1 = s0 + stride;
        int s2 = s1 + stride;
        int s3 = s2 + stride;
        int s4 = s3 + stride;
        int s5 = s4 + stride;
        int s6 = s5 + stride;
        int s7 = s6 + stride;
        for (int r = 0; r < rows; r++) {
            out[at + r * step] = (d[s0 + r] & 0xffL) | (d[s1 + r] & 0xffL) << 8 | (d[s2 + r] & 0xffL) << 16
                    | (d[s3 + r] & 0xffL) << 24 | (d[s4 + r] & 0xffL) << 32 | (d[s5 + r] & 0xffL) << 40
                    | (d[s6 + r] & 0xffL) << 48 | (d[s7 + r] & 0xffL) << 56;
        }
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
                java.util.Arrays.fill(d.values(), from, to, 0.0);
            } else if (column instanceof FloatColumn f) {
                java.util.Arrays.fill(f.values(), from, to, 0f);
            } else if (column instanceof LongColumn l) {
                java.util.Arrays.fill(l.values(), from, to, 0L);
            } else if (column instanceof BooleanColumn bo) {
                java.util.Arrays.fill(bo.values(), from, to, false);
            } else if (column instanceof StringColumn st) {
                java.util.Arrays.fill(st.bytes(), from, to, (byte) 0);
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
