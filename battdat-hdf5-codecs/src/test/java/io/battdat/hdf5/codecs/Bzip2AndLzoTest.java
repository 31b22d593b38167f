package io.battdat.hdf5.codecs;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.zip.Adler32;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class Bzip2AndLzoTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 1000, 100_003, 1_000_000})
    void bzip2RoundTrips(int size) {
        Bzip2Filter filter = new Bzip2Filter();
        for (int level : new int[] {1, 9}) {
            byte[] compressible = TestData.compressible(size, size);
            byte[] random = TestData.random(size, size);
            assertArrayEquals(compressible, filter.decode(filter.encode(compressible, new int[] {level}),
                    new int[] {level}));
            assertArrayEquals(random, filter.decode(filter.encode(random, new int[] {level}), new int[] {level}));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 1000, 100_003, 1_000_000})
    void lzoRoundTrips(int size) {
        LzoFilter filter = new LzoFilter();
        byte[] compressible = TestData.compressible(size, size);
        byte[] random = TestData.random(size, size);
        assertArrayEquals(compressible, filter.decode(filter.encode(compressible, null), new int[] {1, 20, 0}));
        assertArrayEquals(random, filter.decode(filter.encode(random, null), new int[] {1, 20, 0}));
    }

    @ParameterizedTest
    @ValueSource(ints = {1000, 300_000})
    void lzoLegacyChecksumTrailer(int size) {
        // PyTables 0.5-0.7 appended the Adler-32 of the data and its length to the lzo stream
        LzoFilter filter = new LzoFilter();
        byte[] data = TestData.compressible(size, 11);
        byte[] stream = filter.encode(data, null);
        byte[] legacy = java.util.Arrays.copyOf(stream, stream.length + 8);
        Adler32 adler = new Adler32();
        adler.update(data);
        LittleEndian.putInt(legacy, stream.length, (int) adler.getValue());
        LittleEndian.putInt(legacy, stream.length + 4, data.length);
        assertArrayEquals(data, filter.decode(legacy, new int[] {1, 20, 0}));
    }
}
