package io.battdat.hdf5;

/**
 * Elements of a chunk that can write themselves already byte-shuffled, block by block: how the writer hands a chunk
 * held as columns to a {@link ShuffledBlocksEncoder} without first packing it into rows.
 */
@FunctionalInterface
public interface ShuffledBlocksSource {

    /**
     * Writes elements {@code [first, first + count)} of the chunk byte-shuffled: byte {@code j} of element
     * {@code first + i} goes to {@code dst[dstOff + j * count + i]}, for every byte {@code j} of the element.
     *
     * @param first  first element (row) of the block
     * @param count  elements in the block
     * @param dst    receives {@code count * elementSize} bytes
     * @param dstOff where the block starts in {@code dst}
     */
    void shuffled(int first, int count, byte[] dst, int dstOff);
}
