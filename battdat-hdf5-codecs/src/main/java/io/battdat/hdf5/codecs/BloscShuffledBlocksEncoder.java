package io.battdat.hdf5.codecs;

import io.battdat.hdf5.ShuffledBlocksEncoder;
import io.battdat.hdf5.ShuffledBlocksSource;

/**
 * Blosc encoding for battdat-hdf5's writer: the writer's source writes each blosc block already byte-shuffled from
 * its columns, on the compression thread, and the container is what {@link BloscFilter#encode} makes of the same
 * chunk packed as rows.
 */
final class BloscShuffledBlocksEncoder implements ShuffledBlocksEncoder {

    @Override
    public int filterId() {
        return BloscFilter.ID;
    }

    @Override
    public byte[] encode(ShuffledBlocksSource source, int elements, int elementSize, int[] clientData) {
        BloscParameters parameters = BloscParameters.fromClientData(clientData);
        return BloscEncoder.encode(source::shuffled, elements, elementSize, parameters.typesize(),
                parameters.clevel(), parameters.shuffle(), parameters.codec());
    }
}
