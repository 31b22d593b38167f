package io.battdat.hdf5;

import io.battdat.api.data.BatchBuffer;
import io.battdat.api.data.BooleanColumn;
import io.battdat.api.data.Column;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.DoubleColumn;
import io.battdat.api.data.FloatColumn;
import io.battdat.api.data.LongColumn;
import io.battdat.api.data.StorageType;
import io.battdat.api.data.StringColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * Gathering columns straight from byte-shuffled bytes (a whole HDF5-shuffled chunk, or blosc's shuffled blocks)
 * must give exactly what decoding the same elements in row order gives, for every member type, for the tiled rows
 * and the byte-by-byte tail, and for members that sit at the start, middle and end of an element.
 */
class ShuffledDecodeTest {

    /** Every member type, little- and big-endian, scalars and arrays, strings shorter and longer than 8 bytes. */
    private static CompoundLayout wideLayout() {
        List<ColumnSpec> specs = List.of(
                ColumnSpec.of("b", StorageType.INT8),
                ColumnSpec.of("f64", StorageType.FLOAT64),
                ColumnSpec.of("u8", StorageType.UINT8),
                ColumnSpec.of("i16", StorageType.INT16),
                ColumnSpec.of("u16", StorageType.UINT16),
                ColumnSpec.of("i32", StorageType.INT32),
                ColumnSpec.of("u32", StorageType.UINT32),
                ColumnSpec.of("i64", StorageType.INT64),
                ColumnSpec.of("u64", StorageType.UINT64),
                ColumnSpec.of("f32", StorageType.FLOAT32),
                ColumnSpec.of("f16", StorageType.FLOAT16),
                ColumnSpec.of("c128", StorageType.COMPLEX128),
                ColumnSpec.of("c64", StorageType.COMPLEX64),
                ColumnSpec.of("flag", StorageType.BOOL),
                ColumnSpec.builder("pair", StorageType.FLOAT64).itemSize(8).shape(new int[] {2}).build(),
                ColumnSpec.builder("be64", StorageType.FLOAT64).itemSize(8).bigEndian(true).build(),
                ColumnSpec.builder("be32", StorageType.INT32).itemSize(4).bigEndian(true).build(),
                ColumnSpec.string("s3", 3),
                ColumnSpec.string("s8", 8),
                ColumnSpec.string("s11", 11),
                ColumnSpec.builder("s20x2", StorageType.STRING).itemSize(20).shape(new int[] {2}).build(),
                ColumnSpec.builder("tri", StorageType.INT16).itemSize(2).shape(new int[] {3}).build(),
                ColumnSpec.of("last16", StorageType.INT16));
        return layoutOf(specs);
    }

    private static CompoundLayout layoutOf(List<ColumnSpec> specs) {
        List<CompoundMember> members = new ArrayList<>();
        int offset = 0;
        for (ColumnSpec spec : specs) {
            members.add(new CompoundMember(spec, offset));
            offset += spec.itemSize() * spec.elementsPerRow();
        }
        return new CompoundLayout(members, offset);
    }

    private static int[] allColumns(CompoundLayout layout) {
        int[] columns = new int[layout.members().size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = i;
        }
        return columns;
    }

    /** Blosc's and HDF5's byte shuffle of {@code elements} elements: byte j of element i goes to j * elements + i. */
    private static void shuffle(byte[] rows, int from, int elements, int elementSize, byte[] out) {
        for (int i = 0; i < elements; i++) {
            for (int j = 0; j < elementSize; j++) {
                out[from + j * elements + i] = rows[from + i * elementSize + j];
            }
        }
    }

    private static void assertSameColumns(ColumnBatch expected, ColumnBatch actual, int rows) {
        for (int c = 0; c < expected.columnCount(); c++) {
            Column x = expected.column(c);
            Column y = actual.column(c);
            int n = rows * x.width();
            String what = "column " + expected.layout().column(c).name();
            if (x instanceof DoubleColumn d) {
                double[] a = Arrays.copyOf(d.buffer(), n);
                double[] b = Arrays.copyOf(((DoubleColumn) y).buffer(), n);
                // compare bits: NaN payloads must survive too
                long[] ab = Arrays.stream(a).mapToLong(Double::doubleToRawLongBits).toArray();
                long[] bb = Arrays.stream(b).mapToLong(Double::doubleToRawLongBits).toArray();
                assertArrayEquals(ab, bb, what);
            } else if (x instanceof FloatColumn f) {
                float[] a = Arrays.copyOf(f.buffer(), n);
                float[] b = Arrays.copyOf(((FloatColumn) y).buffer(), n);
                for (int i = 0; i < n; i++) {
                    assertArrayEquals(new int[] {Float.floatToRawIntBits(a[i])},
                            new int[] {Float.floatToRawIntBits(b[i])}, what + " value " + i);
                }
            } else if (x instanceof LongColumn l) {
                assertArrayEquals(Arrays.copyOf(l.buffer(), n), Arrays.copyOf(((LongColumn) y).buffer(), n), what);
            } else if (x instanceof BooleanColumn bo) {
                assertArrayEquals(Arrays.copyOf(bo.buffer(), n), Arrays.copyOf(((BooleanColumn) y).buffer(), n),
                        what);
            } else if (x instanceof StringColumn s) {
                int w = expected.layout().column(c).itemSize() * x.width();
                assertArrayEquals(Arrays.copyOf(s.buffer(), rows * w), Arrays.copyOf(((StringColumn) y).buffer(),
                        rows * w), what);
            }
        }
    }

    @ParameterizedTest(name = "{0} elements, rows {1} to {1}+{2}")
    @CsvSource({"64,0,64", "67,0,67", "67,5,61", "67,3,1", "8,0,8", "7,0,7", "1,0,1", "203,17,170"})
    void wholeShuffledChunkMatchesRowOrder(int elements, int from, int rows) {
        CompoundLayout layout = wideLayout();
        int e = layout.elementSize();
        byte[] data = new byte[elements * e];
        new Random(elements * 31L + from).nextBytes(data);
        byte[] shuffled = new byte[data.length];
        shuffle(data, 0, elements, e, shuffled);
        ElementDecoder decoder = new ElementDecoder(layout, allColumns(layout));

        BatchBuffer expected = BatchBuffer.allocate(layout.tableLayout(), rows + 3);
        decoder.decode(ByteBuffer.wrap(data), from * e, rows, expected, 3);
        BatchBuffer actual = BatchBuffer.allocate(layout.tableLayout(), rows + 3);
        decoder.decodeShuffled(shuffled, elements, from, rows, actual, 3);
        assertSameColumns(expected, actual, rows + 3);
    }

    @ParameterizedTest(name = "{0} elements in blocks of {1}, rows {2} to {2}+{3}")
    @CsvSource({"100,16,0,100", "100,16,13,70", "100,33,40,60", "100,100,0,100", "100,7,3,90", "50,64,0,50"})
    void shuffledBlocksMatchRowOrder(int elements, int blockElements, int from, int rows) {
        CompoundLayout layout = wideLayout();
        int e = layout.elementSize();
        byte[] data = new byte[elements * e];
        new Random(elements * 7L + blockElements).nextBytes(data);
        byte[] shuffled = new byte[data.length];
        for (int first = 0; first < elements; first += blockElements) {
            shuffle(data, first * e, Math.min(blockElements, elements - first), e, shuffled);
        }
        ElementDecoder decoder = new ElementDecoder(layout, allColumns(layout));

        BatchBuffer expected = BatchBuffer.allocate(layout.tableLayout(), rows);
        decoder.decode(ByteBuffer.wrap(data), from * e, rows, expected, 0);
        BatchBuffer actual = BatchBuffer.allocate(layout.tableLayout(), rows);
        decoder.decodeShuffledBlocks(shuffled, Math.min(blockElements, elements) * e, elements, from, rows, actual,
                0);
        assertSameColumns(expected, actual, rows);
    }

    @Test
    void elementsNarrowerThanEightBytesAndProjectedColumns() {
        CompoundLayout narrow = layoutOf(List.of(ColumnSpec.of("i16", StorageType.INT16),
                ColumnSpec.of("u8", StorageType.UINT8), ColumnSpec.string("s2", 2)));
        CompoundLayout battdat = layoutOf(List.of(ColumnSpec.of("test_time", StorageType.FLOAT64),
                ColumnSpec.of("current", StorageType.FLOAT64), ColumnSpec.of("cycle_number", StorageType.INT64),
                ColumnSpec.string("state", 11)));
        for (CompoundLayout layout : List.of(narrow, battdat)) {
            int e = layout.elementSize();
            int elements = 45;
            byte[] data = new byte[elements * e];
            new Random(e).nextBytes(data);
            byte[] shuffled = new byte[data.length];
            shuffle(data, 0, elements, e, shuffled);
            int[] projection = layout == narrow ? new int[] {2, 0} : new int[] {3, 1};
            List<ColumnSpec> projected = new ArrayList<>();
            for (int m : projection) {
                projected.add(layout.members().get(m).spec());
            }
            io.battdat.api.data.TableLayout columns = io.battdat.api.data.TableLayout.of(projected);
            ElementDecoder decoder = new ElementDecoder(layout, projection);
            BatchBuffer expected = BatchBuffer.allocate(columns, elements);
            decoder.decode(ByteBuffer.wrap(data), 0, elements, expected, 0);
            BatchBuffer actual = BatchBuffer.allocate(columns, elements);
            decoder.decodeShuffled(shuffled, elements, 0, elements, actual, 0);
            assertSameColumns(expected, actual, elements);
        }
    }
}
