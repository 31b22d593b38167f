package io.battdat.hdf5.codecs;

import io.battdat.hdf5.ShuffledBlocksEncoder;
import io.battdat.hdf5.ShuffledBlocksFilter;
import io.battdat.hdf5.ShuffledBlocksSource;
import io.jhdf.exceptions.HdfFilterException;

/**
 * Blosc for battdat-hdf5's reader and writer. Decoding: a chunk byte-shuffled by the table's element size is decoded block by
 * block straight into the reader's buffer and left shuffled (the reader gathers its columns from the shuffled
 * blocks); any other chunk is decoded into rows. Damaged chunks fail as {@link BloscFilter#decode} fails, and a
 * chunk HDF5 stored unfiltered is copied as it is. Encoding: the writer's source writes each blosc block already
 * byte-shuffled from its columns, on the compression thread, and the container is what {@link BloscFilter#encode}
 * makes of the same chunk packed as rows.
 */
final class BloscShuffledBlocks implements ShuffledBlocksFilter, ShuffledBlocksEncoder {

    @Override
    public int filterId() {
        return BloscFilter.ID;
    }

    @Override
    public int decode(byte[] stored, int length, int[] clientData, int elementSize, byte[] dst, int expected) {
        if (length < 0 || length > stored.length || expected < 0 || expected > dst.length) {
            throw new IllegalArgumentException("Buffer range out of bounds");
        }
        BloscParameters parameters = BloscParameters.fromClientData(clientData);
        try {
            BloscHeader header = BloscHeader.parse(stored, length, Math.min(expected, DecodeLimits.maxChunkBytes()));
            if (header.nbytes() != expected) {
                throw new HdfFilterException("Blosc chunk holds " + header.nbytes() + " bytes, expected " + expected);
            }
            boolean keepShuffle = BloscDecoder.canKeepShuffle(header, elementSize);
            BloscDecoder.decode(stored, header, dst, keepShuffle);
            return keepShuffle ? header.blocksize() : 0;
        } catch (HdfFilterException e) {
            if (BloscFilter.isSkippedFilterChunk(stored, length, parameters) && length == expected) {
                System.arraycopy(stored, 0, dst, 0, expected);
                return 0;
            }
            throw e;
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            // every offset is validated before use; this is a last line of defence against a missed case
            throw new HdfFilterException("Corrupt blosc chunk: " + e, e);
        }
    }

    @Override
    public byte[] encode(ShuffledBlocksSource source, int elements, int elementSize, int[] clientData) {
        BloscParameters parameters = BloscParameters.fromClientData(clientData);
        return BloscEncoder.encode(source::shuffled, elements, elementSize, parameters.typesize(),
                parameters.clevel(), parameters.shuffle(), parameters.codec());
    }

    @Override
    public java.nio.ByteBuffer encode(ShuffledBlocksSource source, int elements, int elementSize, int[] clientData,
                                      java.nio.ByteBuffer target) {
        BloscParameters parameters = BloscParameters.fromClientData(clientData);
        return BloscEncoder.encode(source::shuffled, elements, elementSize, parameters.typesize(),
                parameters.clevel(), parameters.shuffle(), parameters.codec(), target);
    }
}
