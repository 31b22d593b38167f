package io.battdat.hdf5.codecs;

import io.jhdf.exceptions.HdfFilterException;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Chunks HDF5 stored raw because hdf5-blosc could not compress them (filter mask bit set, ignored by jHDF). */
class SkippedFilterChunkTest {

    private final BloscFilter filter = new BloscFilter();

    private static int[] cd(int chunkBytes) {
        return BloscParameters.defaults().withTypesize(40).withChunkBytes(chunkBytes).withClevel(1)
                .withShuffle(ShuffleMode.NONE).toClientData(chunkBytes);
    }

    @Test
    void rawChunkOfExactlyTheChunkSizePassesThrough() {
        byte[] raw = TestData.random(40_000, 1);
        assertSame(raw, filter.decode(raw, cd(40_000)));
    }

    @Test
    void rawChunkOfAnotherSizeIsStillAnError() {
        byte[] raw = TestData.random(40_000, 1);
        assertThrows(HdfFilterException.class, () -> filter.decode(raw, cd(40_001)));
        assertThrows(HdfFilterException.class, () -> filter.decode(raw, new int[] {2, 2, 40}));
    }

    @Test
    void corruptContainerOfExactlyTheChunkSizeIsAnError() {
        byte[] data = TestData.random(1000, 2);
        byte[] container = BloscEncoder.encode(data, 8, 5, ShuffleMode.NONE, InnerCodec.LZ4);
        // a stored container is 16 bytes longer than the data, so claim that as the chunk size and corrupt it
        int chunk = container.length;
        byte[] claimed = container.clone();
        LittleEndian.putInt(claimed, 4, chunk);
        assertThrows(HdfFilterException.class, () -> filter.decode(claimed, cd(chunk)));
        assertArrayEquals(data, filter.decode(container, cd(1000)));
    }
}
