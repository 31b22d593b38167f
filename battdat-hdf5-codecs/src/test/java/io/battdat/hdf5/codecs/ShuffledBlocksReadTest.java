package io.battdat.hdf5.codecs;

import io.battdat.hdf5.shuffle.ByteShuffle;
import io.battdat.api.BadFormatException;
import io.battdat.api.data.BatchBuffer;
import io.battdat.api.data.Column;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.spi.ReadOptions;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.TableCursor;
import io.battdat.hdf5.Hdf5StreamReader;
import io.battdat.hdf5.ShuffledBlocksFilters;
import io.jhdf.exceptions.HdfFilterException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * battdat-hdf5's reader gathers columns straight from blosc's shuffled blocks (through {@link BloscShuffledBlocks});
 * every blosc variant PyTables writes must read exactly like the same rows stored uncompressed.
 */
class ShuffledBlocksReadTest {

    private static final String WRITE = String.join("\n",
            "import sys, numpy as np, tables",
            "rng = np.random.default_rng(5)",
            "n = 10007",
            "dt = np.dtype([('test_time', '<f8'), ('current', '<f8'), ('cycle_number', '<i8'), ('step', '<i4'),",
            "               ('flag', '?'), ('temp', '<f4'), ('state', 'S11'), ('small', '<i2')])",
            "a = np.zeros(n, dt)",
            "a['test_time'] = np.arange(n) * 0.5",
            "a['current'] = rng.normal(size=n)",
            "a['cycle_number'] = np.arange(n) // 100",
            "a['step'] = rng.integers(-5, 5, n)",
            "a['flag'] = rng.integers(0, 2, n).astype(bool)",
            "a['temp'] = rng.normal(size=n).astype('f4')",
            "a['state'] = np.where(rng.integers(0, 2, n) == 1, b'charge', b'discharge')",
            "a['small'] = rng.integers(-300, 300, n)",
            "with tables.open_file(sys.argv[1], 'w') as f:",
            "    f.create_table('/', 'plain', obj=a).attrs.metadata = '{}'",
            "    for name, lib, shuffle, bit in [('blosclz', 'blosc:blosclz', True, False),",
            "            ('lz4', 'blosc:lz4', True, False), ('zstd', 'blosc:zstd', True, False),",
            "            ('noshuffle', 'blosc:lz4', False, False), ('bitshuffle', 'blosc:lz4', False, True)]:",
            "        t = f.create_table('/', name, obj=a, chunkshape=(3001,),",
            "                           filters=tables.Filters(5, lib, shuffle=shuffle, bitshuffle=bit))",
            "        t.attrs.metadata = '{}'",
            "");

    @TempDir
    static Path dir;
    private static Path file;

    @BeforeAll
    static void writeFile() throws IOException {
        String python = PythonSupport.pythonWith("tables", "numpy");
        file = dir.resolve("variants.h5");
        PythonSupport.Result result = PythonSupport.run(List.of(python, "-c", WRITE, file.toString()), 120);
        assertEquals(0, result.exitCode(), result.output());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"blosclz", "lz4", "zstd", "noshuffle", "bitshuffle"})
    void readsLikeTheUncompressedTable(String table) {
        Hdf5StreamReader reader = new Hdf5StreamReader();
        try (StoredDataset ds = reader.open(file)) {
            for (ReadOptions options : List.of(ReadOptions.builder().batchRows(1000).threads(1).prefetch(2).build(), ReadOptions.builder().batchRows(7000).threads(2).prefetch(2).build(),
                    ReadOptions.builder().batchRows(4096).threads(2).prefetch(1).build().withRowRange(517, 9001))) {
                ColumnBatch expected = readAll(ds, "plain", options);
                ColumnBatch actual = readAll(ds, table, options);
                assertTrue(ShuffledBlocksFilters.find(BloscFilter.ID) instanceof BloscShuffledBlocks,
                        "loading the blosc filter registered its block decoder with the reader");
                assertEquals(expected.rowCount(), actual.rowCount(), table);
                for (int c = 0; c < expected.columnCount(); c++) {
                    assertSame(expected.column(c), actual.column(c), expected.rowCount(),
                            table + " column " + expected.layout().column(c).name());
                }
            }
        }
    }

    private static ColumnBatch readAll(StoredDataset ds, String table, ReadOptions options) {
        BatchBuffer all = null;
        try (TableCursor cursor = ds.openTable(table, options)) {
            while (cursor.next()) {
                ColumnBatch b = cursor.batch();
                if (all == null) {
                    all = BatchBuffer.allocate(b.layout(), 16);
                }
                all.appendRows(b, 0, b.rowCount());
            }
        }
        return all;
    }

    /** The first {@code rows} rows of both columns, compared boxed (array members element by element). */
    private static void assertSame(Column x, Column y, int rows, String what) {
        assertArrayEquals(boxedRows(x, rows), boxedRows(y, rows), what);
    }

    private static Object[] boxedRows(Column column, int rows) {
        return IntStream.range(0, rows).mapToObj(column::getObject).toArray();
    }

    @Test
    void shuffledBlocksAreTheBlocksOfTheContainer() {
        int elementSize = 24;
        byte[] data = TestData.compressible(elementSize * 20_000, 3);
        for (InnerCodec codec : InnerCodec.values()) {
            byte[] container = BloscEncoder.encode(data, elementSize, 5, ShuffleMode.BYTE, codec);
            BloscHeader header = BloscHeader.parse(container, data.length);
            byte[] dst = new byte[data.length + 7];
            int blockBytes = new BloscShuffledBlocks().decode(padded(container), container.length,
                    clientData(elementSize, data.length, codec), elementSize, dst, data.length);
            assertEquals(header.blocksize(), blockBytes, codec.compressorName());
            byte[] expected = new byte[data.length];
            for (int start = 0; start < data.length; start += blockBytes) {
                int size = Math.min(blockBytes, data.length - start);
                ByteShuffle.shuffle(elementSize, size, data, start, expected, start);
            }
            assertArrayEquals(expected, java.util.Arrays.copyOf(dst, data.length), codec.compressorName());
        }
    }

    @Test
    void otherContainersComeBackInRowOrder() {
        int elementSize = 24;
        byte[] data = TestData.compressible(elementSize * 5_000, 4);
        List<byte[]> containers = List.of(
                BloscEncoder.encode(data, elementSize, 5, ShuffleMode.NONE, InnerCodec.LZ4),
                BloscEncoder.encode(data, elementSize, 5, ShuffleMode.BIT, InnerCodec.LZ4),
                BloscEncoder.encode(data, 8, 5, ShuffleMode.BYTE, InnerCodec.BLOSCLZ),
                BloscEncoder.encode(data, elementSize, 0, ShuffleMode.BYTE, InnerCodec.LZ4),
                BloscEncoder.encode(TestData.random(data.length, 4), elementSize, 5, ShuffleMode.BYTE,
                        InnerCodec.LZ4));
        for (byte[] container : containers) {
            byte[] dst = new byte[data.length];
            int blockBytes = new BloscShuffledBlocks().decode(container, container.length,
                    clientData(elementSize, data.length, InnerCodec.LZ4), elementSize, dst, data.length);
            assertEquals(0, blockBytes, "flags " + container[2]);
            assertArrayEquals(BloscDecoder.decode(container, data.length), dst);
        }
    }

    @Test
    void uncompressedChunksAndDamage() {
        int elementSize = 16;
        byte[] data = TestData.random(elementSize * 1000, 6);
        int[] cd = clientData(elementSize, data.length, InnerCodec.BLOSCLZ);
        byte[] dst = new byte[data.length];
        // a chunk HDF5 stored raw because blosc could not shrink it
        assertEquals(0, new BloscShuffledBlocks().decode(data, data.length, cd, elementSize, dst, data.length));
        assertArrayEquals(data, dst);

        byte[] container = BloscEncoder.encode(TestData.compressible(data.length, 6), elementSize, 5,
                ShuffleMode.BYTE, InnerCodec.BLOSCLZ);
        HdfFilterException wrongSize = assertThrows(HdfFilterException.class, () -> new BloscShuffledBlocks()
                .decode(container, container.length, cd, elementSize, new byte[2 * data.length], 2 * data.length));
        assertTrue(wrongSize.getMessage().toLowerCase(Locale.ROOT).contains("expected"), wrongSize.getMessage());
        assertThrows(HdfFilterException.class, () -> new BloscShuffledBlocks()
                .decode(container, container.length - 9, cd, elementSize, dst, data.length));
        for (int at = 16; at < container.length; at += 7) {
            byte[] damaged = container.clone();
            damaged[at] ^= (byte) 0x5C;
            try {
                new BloscShuffledBlocks().decode(damaged, damaged.length, cd, elementSize, dst, data.length);
            } catch (HdfFilterException expected) {
                // the only failure allowed
            }
        }
    }

    private static byte[] padded(byte[] container) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(container);
        out.writeBytes(new byte[37]);
        return out.toByteArray();
    }

    private static int[] clientData(int elementSize, int chunkBytes, InnerCodec codec) {
        return BloscParameters.defaults().withTypesize(elementSize).withChunkBytes(chunkBytes).withCodec(codec)
                .toClientData(chunkBytes);
    }

    @Test
    void damagedChunksInAFileFailWithTheTableAndRow() throws IOException {
        String python = PythonSupport.pythonWith("h5py");
        PythonSupport.Result where = PythonSupport.run(List.of(python, "-c",
                "import sys, h5py; c = h5py.File(sys.argv[1], 'r')['blosclz'].id.get_chunk_info(1); "
                        + "print(c.byte_offset, c.size)", file.toString()), 60);
        assertEquals(0, where.exitCode(), where.output());
        String[] chunk = where.output().trim().split(" ");
        long offset = Long.parseLong(chunk[0]);
        int size = Integer.parseInt(chunk[1]);
        Path damaged = dir.resolve("damaged.h5");

        // the first entry of the chunk's block offset table (bytes 16-19) points far outside the chunk
        damage(damaged, offset + 19, (byte) 0x7F);
        try (StoredDataset ds = new Hdf5StreamReader().open(damaged)) {
            BadFormatException e = assertThrows(BadFormatException.class,
                    () -> readAll(ds, "blosclz", ReadOptions.builder().batchRows(1000).threads(1).prefetch(2).build()));
            assertTrue(e.getMessage().contains("blosclz") && e.getMessage().contains("3001")
                    && e.getMessage().contains("damaged.h5"), e.getMessage());
        }
        // anywhere else: a typed error or (damaged literal bytes) other values, never another exception
        java.util.Random random = new java.util.Random(8);
        for (int k = 0; k < 30; k++) {
            damage(damaged, offset + random.nextInt(size), (byte) random.nextInt(256));
            try (StoredDataset ds = new Hdf5StreamReader().open(damaged)) {
                readAll(ds, "blosclz", ReadOptions.builder().batchRows(1000).threads(2).prefetch(2).build());
            } catch (BadFormatException expected) {
                assertTrue(expected.getMessage().contains("blosclz"), expected.getMessage());
            }
        }
    }

    private static void damage(Path damaged, long at, byte value) throws IOException {
        java.nio.file.Files.copy(file, damaged, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(damaged,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {value}), at);
        }
    }
}
