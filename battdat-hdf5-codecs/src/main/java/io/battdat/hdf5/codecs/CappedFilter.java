package io.battdat.hdf5.codecs;

import io.jhdf.exceptions.HdfFilterException;
import io.jhdf.filter.Filter;

/**
 * What the stream codecs' filters share: their registered id and name, and the cap on one decoded chunk, so a
 * decompression bomb cannot exhaust the heap.
 */
abstract class CappedFilter implements Filter {
    private final int id;
    private final String name;
    private final int maxDecodedBytes;

    /**
     * @param maxDecodedBytes largest decoded chunk, or a negative value for {@link DecodeLimits#maxChunkBytes()}
     */
    CappedFilter(int id, String name, int maxDecodedBytes) {
        this.id = id;
        this.name = name;
        this.maxDecodedBytes = maxDecodedBytes;
    }

    @Override
    public int getId() {
        return id;
    }

    @Override
    public String getName() {
        return name;
    }

    /**
     * The cap for one decoded chunk; checks first that there is a chunk to decode.
     *
     * @throws HdfFilterException when the chunk is null
     */
    final int decodedCap(byte[] encoded) {
        if (encoded == null) {
            throw new HdfFilterException(name + " chunk is null");
        }
        return maxDecodedBytes >= 0 ? maxDecodedBytes : DecodeLimits.maxChunkBytes();
    }
}
