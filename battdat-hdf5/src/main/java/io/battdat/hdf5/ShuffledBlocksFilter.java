package io.battdat.hdf5;

/**
 * The decoder of an HDF5 filter that shuffles bytes block by block (blosc's byte shuffle) and can hand a chunk back
 * with that shuffle still in place, so the reader gathers columns straight from the shuffled blocks instead of
 * first transposing the chunk into rows and then reading the rows again.
 *
 * <p>A codec module provides one by registering it with {@link ShuffledBlocksFilters#register} when jHDF loads its
 * {@code io.jhdf.filter.Filter}; without one the reader uses the filter's ordinary bytes-in, bytes-out decoding.
 * A shuffled block of {@code b} bytes holding {@code n = b / elementSize} whole elements stores byte {@code j} of
 * element {@code i} at {@code j * n + i}; the last block of a chunk may be shorter, with fewer elements.
 */
public interface ShuffledBlocksFilter {

    /** The HDF5 filter id this decoder serves. */
    int filterId();

    /**
     * Decodes one stored chunk into {@code dst}.
     *
     * @param stored      the chunk as stored, positions {@code [0, length)}
     * @param length      stored bytes
     * @param clientData  the filter's client data from the filter pipeline message
     * @param elementSize bytes per element (row) of the dataset
     * @param dst         receives exactly {@code expected} bytes from position 0
     * @param expected    the chunk's decoded size
     * @return the size of the shuffled blocks in {@code dst}, a multiple of {@code elementSize}; or 0 when
     *         {@code dst} holds the elements in row order (the chunk was not shuffled by elements of that size)
     * @throws RuntimeException (jHDF's {@code HdfFilterException}) when the chunk is corrupt or does not decode to
     *         {@code expected} bytes
     */
    int decode(byte[] stored, int length, int[] clientData, int elementSize, byte[] dst, int expected);
}
