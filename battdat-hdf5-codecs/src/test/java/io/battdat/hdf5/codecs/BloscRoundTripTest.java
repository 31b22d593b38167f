package io.battdat.hdf5.codecs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BloscRoundTripTest {

    private static final int[] TYPESIZES = {1, 8, 59, 75};

    /** Sizes: empty, one byte, not a multiple of the typesize, exactly one full block, many blocks. */
    static List<Integer> sizes(InnerCodec codec, int typesize) {
        int oneBlock = BloscEncoder.computeBlocksize(codec, 5, typesize, 1 << 22);
        return List.of(0, 1, typesize * 37 + 3, 1000, oneBlock, 3 * oneBlock + typesize * 5 + 1);
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (InnerCodec codec : InnerCodec.values()) {
            for (ShuffleMode shuffle : ShuffleMode.values()) {
                for (int typesize : TYPESIZES) {
                    for (int size : sizes(codec, typesize)) {
                        cases.add(Arguments.of(codec, shuffle, typesize, size));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} typesize {2} size {3}")
    @MethodSource("cases")
    void roundTrips(InnerCodec codec, ShuffleMode shuffle, int typesize, int size) {
        for (boolean compressible : new boolean[] {true, false}) {
            long seed = 31L * size + typesize;
            byte[] data = compressible ? TestData.compressible(size, seed) : TestData.random(size, seed);
            byte[] encoded = BloscEncoder.encode(data, typesize, 5, shuffle, codec);
            BloscHeader header = BloscHeader.parse(encoded, Integer.MAX_VALUE);
            assertEquals(size, header.nbytes());
            assertEquals(encoded.length, header.cbytes());
            assertTrue(encoded.length <= size + BloscHeader.LENGTH, "never larger than the stored form");
            if (compressible && size >= 4096) {
                assertTrue(encoded.length < size, "compressible data of " + size + " bytes compressed to "
                        + encoded.length);
            }
            assertArrayEquals(data, BloscDecoder.decode(encoded, size), "compressible=" + compressible);
        }
    }

    @ParameterizedTest
    @EnumSource(InnerCodec.class)
    void everyCompressionLevelRoundTrips(InnerCodec codec) {
        byte[] data = TestData.compressible(300_001, 7);
        for (int clevel = 0; clevel <= 9; clevel++) {
            byte[] encoded = BloscEncoder.encode(data, 8, clevel, ShuffleMode.BYTE, codec);
            assertArrayEquals(data, BloscDecoder.decode(encoded, data.length), "clevel " + clevel);
            if (clevel == 0) {
                assertTrue(BloscHeader.parse(encoded, data.length).isMemcpyed());
            }
        }
    }

    @Test
    void filterUsesClientDataForEncoding() {
        BloscFilter filter = new BloscFilter();
        byte[] data = TestData.compressible(100_000, 3);
        for (InnerCodec codec : InnerCodec.values()) {
            for (ShuffleMode shuffle : ShuffleMode.values()) {
                int[] cd = BloscParameters.defaults().withTypesize(8).withClevel(7).withShuffle(shuffle).withCodec(codec)
                        .toClientData(data.length);
                byte[] encoded = filter.encode(data, cd);
                BloscHeader header = BloscHeader.parse(encoded, data.length);
                assertEquals(codec == InnerCodec.LZ4HC ? InnerCodec.LZ4.format() : codec.format(),
                        header.codecFormat());
                assertEquals(shuffle, header.shuffle());
                assertEquals(8, header.typesize());
                assertArrayEquals(data, filter.decode(encoded, cd));
            }
        }
    }

    @Test
    void encoderSplitsLikeCBlosc() {
        byte[] data = TestData.compressible(400_000, 5);
        BloscHeader blosclz = BloscHeader.parse(BloscEncoder.encode(data, 8, 5, ShuffleMode.BYTE,
                InnerCodec.BLOSCLZ), data.length);
        BloscHeader zstd = BloscHeader.parse(BloscEncoder.encode(data, 8, 5, ShuffleMode.BYTE, InnerCodec.ZSTD),
                data.length);
        BloscHeader wide = BloscHeader.parse(BloscEncoder.encode(data, 59, 5, ShuffleMode.BYTE,
                InnerCodec.BLOSCLZ), data.length);
        assertTrue(!blosclz.dontSplit() && zstd.dontSplit() && wide.dontSplit());
        assertEquals(0, blosclz.blocksize() % 8);
        assertEquals(0, wide.blocksize() % 59);
    }

    @Test
    void typesizeAbove255IsTreatedAsBytes() {
        byte[] data = TestData.compressible(5000, 9);
        byte[] encoded = BloscEncoder.encode(data, 300, 5, ShuffleMode.BYTE, InnerCodec.LZ4);
        assertEquals(1, BloscHeader.parse(encoded, data.length).typesize());
        assertArrayEquals(data, BloscDecoder.decode(encoded, data.length));
    }

    /**
     * The writer's path: a chunk given as shuffled blocks, encoded into a reused direct buffer, is byte for byte the
     * container the array path makes, whether it fits the buffer or not, compresses or not, and for settings that
     * go through rows (bit shuffle, a tiny chunk).
     */
    @ParameterizedTest(name = "{0} {1} {2} elements of 24 bytes")
    @MethodSource("targetCases")
    void encodingIntoABufferGivesTheSameContainer(InnerCodec codec, ShuffleMode shuffle, int elements) {
        int elementSize = 24;
        for (boolean compressible : new boolean[] {true, false}) {
            byte[] rows = compressible ? TestData.compressible(elements * elementSize, elements)
                    : TestData.random(elements * elementSize, elements);
            BloscEncoder.ElementSource source = (first, count, dst, dstOff) ->
                    io.battdat.hdf5.shuffle.ByteShuffle.shuffle(elementSize, count * elementSize, rows,
                            first * elementSize, dst, dstOff);
            byte[] expected = BloscEncoder.encode(rows, elementSize, 5, shuffle, codec);
            for (int capacity : new int[] {rows.length + BloscHeader.LENGTH, 16}) {
                java.nio.ByteBuffer target = java.nio.ByteBuffer.allocateDirect(capacity);
                target.put(0, (byte) 0x55); // leftovers of an earlier chunk must not matter
                java.nio.ByteBuffer stored = BloscEncoder.encode(source, elements, elementSize, elementSize, 5,
                        shuffle, codec, target);
                byte[] actual = new byte[stored.remaining()];
                stored.get(0, actual);
                assertArrayEquals(expected, actual, "capacity " + capacity + ", compressible=" + compressible);
                assertEquals(expected.length <= capacity, stored == target, "capacity " + capacity);
            }
        }
    }

    static Stream<Arguments> targetCases() {
        List<Arguments> cases = new ArrayList<>();
        for (InnerCodec codec : new InnerCodec[] {InnerCodec.LZ4, InnerCodec.BLOSCLZ, InnerCodec.ZSTD}) {
            for (ShuffleMode shuffle : ShuffleMode.values()) {
                for (int elements : new int[] {3, 5000, 20000}) {
                    cases.add(Arguments.of(codec, shuffle, elements));
                }
            }
        }
        return cases.stream();
    }
}
