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

    /**
     * Encodes one chunk as {@link #encode(ShuffledBlocksSource, int, int, int[])} does, into {@code target} when it
     * fits: the writer passes direct buffers it reuses from chunk to chunk, so the stored chunk reaches the file
     * without a fresh array per chunk and without the copy the JDK makes of a heap array before writing it. By default
     * the chunk is encoded into an array and copied into {@code target}.
     *
     * @param source      the chunk's elements
     * @param elements    elements in the chunk
     * @param elementSize bytes per element
     * @param clientData  the filter's client data, as in the filter pipeline message
     * @param target      receives the stored chunk from index 0 when it has room for it
     * @return the stored chunk from position 0 to the limit: {@code target}, or a new buffer when it did not fit
     */
    default java.nio.ByteBuffer encode(ShuffledBlocksSource source, int elements, int elementSize, int[] clientData,
                                       java.nio.ByteBuffer target) {
        byte[] stored = encode(source, elements, elementSize, clientData);
        if (stored.length > target.capacity()) {
            return java.nio.ByteBuffer.wrap(stored);
        }
        return target.clear().put(stored).flip();
    }
}
