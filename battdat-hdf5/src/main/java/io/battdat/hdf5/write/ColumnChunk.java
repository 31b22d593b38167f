package io.battdat.hdf5.write;

import io.battdat.api.ErrorLocation;
import io.battdat.api.WriteException;
import io.battdat.api.data.BooleanColumn;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.DoubleColumn;
import io.battdat.api.data.FloatColumn;
import io.battdat.api.data.LongColumn;
import io.battdat.api.data.StringColumn;
import io.battdat.api.data.TableLayout;
import io.battdat.hdf5.shuffle.ByteTranspose;
import io.battdat.hdf5.ShuffledBlocksSource;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * One chunk of a table held as columns (a primitive array per column, {@code chunkRows} rows long) rather than as
 * packed rows. The writer's thread only copies the batch's arrays in ({@link #copy}); a compression thread then
 * writes each block of the chunk straight in the byte-shuffled order blosc compresses ({@link #shuffled}), so the
 * rows are never packed and shuffled again.
 *
 * <p>Why that is the same bytes: a compound element is its members one after the other, so byte {@code j} of a row
 * is byte {@code b} of member {@code m} when {@code j = offset(m) + b}. Shuffling a block of {@code n} rows puts that
 * byte of row {@code i} at {@code j * n + i}: the block is every member's own values shuffled by the member's size,
 * one member after another. Each member is written that way from its column.
 *
 * <p>Only little-endian members whose values need no conversion or range check are held so ({@link #supports});
 * the writer packs rows for any other layout.
 */
final class ColumnChunk implements ShuffledBlocksSource {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final TableLayout layout;
    private final int chunkRows;
    private final int[] offsets;
    /** Per column: double[], float[], long[], boolean[] or byte[] (strings at the column's width, NUL padded). */
    private final Object[] values;
    /** The 8 x 8 tile being transposed; one chunk is shuffled by one thread at a time. */
    private final long[] tile = new long[8];

    ColumnChunk(TableLayout layout, int chunkRows, int[] offsets) {
        this.layout = layout;
        this.chunkRows = chunkRows;
        this.offsets = offsets;
        this.values = new Object[layout.size()];
        for (int c = 0; c < layout.size(); c++) {
            ColumnSpec spec = layout.column(c);
            int cells = chunkRows * spec.elementsPerRow();
            values[c] = switch (spec.type()) {
                case FLOAT64 -> new double[cells];
                case FLOAT32 -> new float[cells];
                case INT64, UINT64 -> new long[cells];
                case BOOL -> new boolean[cells];
                case STRING -> new byte[chunkRows * spec.itemSize()];
                default -> throw new IllegalArgumentException("not held as a column: " + spec);
            };
        }
    }

    /** Whether every column of {@code layout} can be held as a column and written shuffled from it. */
    static boolean supports(TableLayout layout) {
        for (ColumnSpec spec : layout.columns()) {
            boolean held = switch (spec.type()) {
                case FLOAT64, FLOAT32, INT64, UINT64, BOOL -> true;
                case STRING -> spec.elementsPerRow() == 1;
                default -> false;
            };
            if (!held || spec.bigEndian()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Copies rows {@code [from, from + n)} of {@code batch} to rows {@code [at, at + n)} of this chunk, checking
     * strings as the row path does (ASCII, no longer than the column).
     *
     * @param firstRow the table row of {@code from}, for error messages
     */
    void copy(ColumnBatch batch, int from, int n, int at, Path file, String table, long firstRow) {
        for (int c = 0; c < layout.size(); c++) {
            ColumnSpec spec = layout.column(c);
            int w = spec.elementsPerRow();
            switch (spec.type()) {
                case FLOAT64 -> System.arraycopy(((DoubleColumn) batch.column(c)).buffer(), from * w, values[c],
                        at * w, n * w);
                case FLOAT32 -> System.arraycopy(((FloatColumn) batch.column(c)).buffer(), from * w, values[c],
                        at * w, n * w);
                case INT64, UINT64 -> System.arraycopy(((LongColumn) batch.column(c)).buffer(), from * w, values[c],
                        at * w, n * w);
                case BOOL -> System.arraycopy(((BooleanColumn) batch.column(c)).buffer(), from * w, values[c],
                        at * w, n * w);
                case STRING -> strings((StringColumn) batch.column(c), spec, (byte[]) values[c], from, n, at, file, table,
                        firstRow);
                default -> throw new IllegalStateException("not held as a column: " + spec);
            }
        }
    }

    private static void strings(StringColumn column, ColumnSpec spec, byte[] dst, int from, int n, int at, Path file,
                                String table, long firstRow) {
        int width = spec.itemSize();
        byte[] src = column.buffer();
        int srcWidth = column.width();
        int copy = Math.min(column.spec().itemSize(), width);
        boolean mayBeLonger = column.spec().itemSize() > width;
        if (srcWidth == width && !mayBeLonger) {
            System.arraycopy(src, from * width, dst, at * width, n * width);
            int p = from * width;
            int end = (from + n) * width;
            // eight bytes per test; the byte loop then finds the offending value, or checks the last few bytes
            while (p + 8 <= end && ((long) LONGS.get(src, p) & 0x8080808080808080L) == 0) {
                p += 8;
            }
            for (; p < end; p++) {
                if (src[p] < 0) {
                    throw notAscii(spec, file, table, firstRow + (p / width - from));
                }
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            int s = (from + i) * srcWidth;
            if (mayBeLonger && column.length(from + i) > width) {
                throw new WriteException(ErrorLocation.of(file, table, firstRow + i),
                        "value of column " + spec.name() + " is "
                        + column.length(from + i) + " bytes, longer than the column's " + width, null);
            }
            for (int k = 0; k < copy; k++) {
                if (src[s + k] < 0) {
                    throw notAscii(spec, file, table, firstRow + i);
                }
            }
            int d = (at + i) * width;
            System.arraycopy(src, s, dst, d, copy);
            java.util.Arrays.fill(dst, d + copy, d + width, (byte) 0);
        }
    }

    private static WriteException notAscii(ColumnSpec spec, Path file, String table, long row) {
        return new WriteException(ErrorLocation.of(file, table, row), "value of column " + spec.name()
                + " is not ASCII; battdat tables store ASCII strings", null);
    }

    @Override
    public void shuffled(int first, int count, byte[] dst, int dstOff) {
        if (first < 0 || count < 0 || first + count > chunkRows) {
            throw new IllegalArgumentException("rows " + first + "+" + count + " of a " + chunkRows + "-row chunk");
        }
        for (int c = 0; c < layout.size(); c++) {
            ColumnSpec spec = layout.column(c);
            int w = spec.elementsPerRow();
            for (int k = 0; k < w; k++) {
                int plane = dstOff + (offsets[c] + k * spec.itemSize()) * count;
                switch (spec.type()) {
                    case FLOAT64 -> doubles((double[]) values[c], first, count, w, k, dst, plane);
                    case INT64, UINT64 -> longs((long[]) values[c], first, count, w, k, dst, plane);
                    case FLOAT32 -> floats((float[]) values[c], first, count, w, k, dst, plane);
                    case BOOL -> {
                        boolean[] v = (boolean[]) values[c];
                        for (int i = 0; i < count; i++) {
                            dst[plane + i] = (byte) (v[(first + i) * w + k] ? 1 : 0);
                        }
                    }
                    case STRING -> strings((byte[]) values[c], spec.itemSize(), first, count, dst, plane);
                    default -> throw new IllegalStateException("not held as a column: " + spec);
                }
            }
        }
    }

    // 8 values at a time: their 8 bytes each, as 8 words, transposed in registers into 8 words of byte planes
    private void doubles(double[] v, int first, int count, int w, int k, byte[] dst, int plane) {
        long[] t = tile;
        int tiled = count & ~7;
        for (int i = 0; i < tiled; i += 8) {
            int s = (first + i) * w + k;
            for (int q = 0; q < 8; q++) {
                t[q] = Double.doubleToRawLongBits(v[s + q * w]);
            }
            storeTransposed(t, dst, plane + i, count);
        }
        for (int i = tiled; i < count; i++) {
            long x = Double.doubleToRawLongBits(v[(first + i) * w + k]);
            for (int b = 0; b < 8; b++) {
                dst[plane + b * count + i] = (byte) (x >>> (8 * b));
            }
        }
    }

    private void longs(long[] v, int first, int count, int w, int k, byte[] dst, int plane) {
        long[] t = tile;
        int tiled = count & ~7;
        for (int i = 0; i < tiled; i += 8) {
            int s = (first + i) * w + k;
            for (int q = 0; q < 8; q++) {
                t[q] = v[s + q * w];
            }
            if (!storedRepeated(t, dst, plane + i, count)) {
                storeTransposed(t, dst, plane + i, count);
            }
        }
        for (int i = tiled; i < count; i++) {
            long x = v[(first + i) * w + k];
            for (int b = 0; b < 8; b++) {
                dst[plane + b * count + i] = (byte) (x >>> (8 * b));
            }
        }
    }

    /**
     * Transposes the tile and stores its 8 words 8 planes apart. A small method called for every tile, so the JIT
     * compiles it early (the 10M-row writes are over within seconds), as the codecs' shuffle does with its tiles.
     */
    private static void storeTransposed(long[] t, byte[] dst, int at, int count) {
        ByteTranspose.transpose(t);
        for (int b = 0; b < 8; b++) {
            LONGS.set(dst, at + b * count, t[b]);
        }
    }

    /**
     * Stores a tile of eight equal words without transposing it, and says whether it did: plane {@code b} is then
     * byte {@code b} of the word, eight times. Integer columns and strings (cycle numbers, step indexes, states) come
     * in long runs of one value, so most of their tiles take this path; measured values (doubles) rarely would, and
     * are not tested.
     */
    private static boolean storedRepeated(long[] t, byte[] dst, int at, int count) {
        long x = t[0];
        if (t[1] != x || t[2] != x || t[3] != x || t[4] != x || t[5] != x || t[6] != x || t[7] != x) {
            return false;
        }
        for (int b = 0; b < 8; b++) {
            LONGS.set(dst, at + b * count, ((x >>> (8 * b)) & 0xffL) * 0x0101010101010101L);
        }
        return true;
    }

    private static void floats(float[] v, int first, int count, int w, int k, byte[] dst, int plane) {
        for (int i = 0; i < count; i++) {
            int x = Float.floatToRawIntBits(v[(first + i) * w + k]);
            dst[plane + i] = (byte) x;
            dst[plane + count + i] = (byte) (x >>> 8);
            dst[plane + 2 * count + i] = (byte) (x >>> 16);
            dst[plane + 3 * count + i] = (byte) (x >>> 24);
        }
    }

    // strings at least 8 bytes wide go through 8-byte windows, the last one overlapping the one before it (which
    // rewrites equal bytes); narrower strings and the rows after the last whole tile go byte by byte
    private void strings(byte[] v, int width, int first, int count, byte[] dst, int plane) {
        long[] t = tile;
        int tiled = width >= 8 ? count & ~7 : 0;
        for (int i = 0; i < tiled; i += 8) {
            for (int j = 0; j < width; j += 8) {
                int window = Math.min(j, width - 8);
                int s = (first + i) * width + window;
                for (int q = 0; q < 8; q++) {
                    t[q] = (long) LONGS.get(v, s + q * width);
                }
                if (!storedRepeated(t, dst, plane + window * count + i, count)) {
                    storeTransposed(t, dst, plane + window * count + i, count);
                }
            }
        }
        for (int b = 0; b < width; b++) {
            int d = plane + b * count;
            for (int i = tiled; i < count; i++) {
                dst[d + i] = v[(first + i) * width + b];
            }
        }
    }
}
