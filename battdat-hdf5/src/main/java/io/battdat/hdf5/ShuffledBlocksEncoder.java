package io.battdat.hdf5;

/**
 * The encoder of an HDF5 filter that byte-shuffles blocks of a chunk before compressing them (blosc's byte shuffle),
 * taking the shuffled blocks straight from a {@link ShuffledBlocksSource}: the writer then keeps a chunk as columns
 * and its compression threads build each shuffled block from them, instead of its own thread packing rows that are
 * shuffled again afterwards.
 *
 * <p>A codec module provides one by registering it with {@link ShuffledBlocksFilters#registerEncoder} when jHDF loads
 * its {@code io.jhdf.filter.Filter}; without one the writer packs rows and encodes them through jHDF's filter.
 */
public interface ShuffledBlocksEncoder {

    /** The HDF5 filter id this encoder serves. */
    int filterId();

    /**
     * Encodes one chunk of {@code elements} elements of {@code elementSize} bytes. The result is byte for byte what the
     * filter's ordinary encoding of the same chunk, packed as rows, would give.
     *
     * @param source      the chunk's elements
     * @param elements    elements in the chunk
     * @param elementSize bytes per element
     * @param clientData  the filter's client data, as in the filter pipeline message
     * @return the chunk as stored
     */
    byte[] encode(ShuffledBlocksSource source, int elements, int elementSize, int[] clientData);
}
