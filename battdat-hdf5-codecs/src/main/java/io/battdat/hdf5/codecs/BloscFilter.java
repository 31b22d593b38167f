package io.battdat.hdf5.codecs;

import io.jhdf.exceptions.HdfFilterException;
import io.jhdf.filter.Filter;

/**
 * HDF5 filter 32001: blosc 1.x as written by PyTables and the hdf5-blosc plugin, registered with jHDF through
 * {@code META-INF/services/io.jhdf.filter.Filter}.
 *
 * <p>Decoding supports every inner codec of blosc 1.x (blosclz, lz4, lz4hc, snappy, zlib, zstd) with no shuffle,
 * byte shuffle or bit shuffle. Encoding reads its settings from the filter client data (see
 * {@link BloscParameters}). Malformed chunks fail with an {@link HdfFilterException}; the uncompressed size a chunk
 * claims is bounded by the chunk size recorded in {@code cd_values[3]} and by {@link DecodeLimits}. Chunks HDF5
 * stored uncompressed because blosc could not shrink them are passed through (see
 * {@link #isSkippedFilterChunk}).
 *
 * <p>Loading this class (jHDF does when it loads its filters) also registers {@link BloscShuffledBlocks} with
 * battdat-hdf5, whose reader then gathers columns straight from the shuffled blocks, when battdat-hdf5 is on the
 * class path; it is an optional dependency, so that this module serves any jHDF user with jHDF and the codec
 * libraries alone.
 */
public class BloscFilter implements Filter {

    /** The registered HDF5 filter id. */
    public static final int ID = 32001;

    static {
        try {
            BattdatReaderHook.register();
        } catch (LinkageError battdatHdf5Absent) {
            // battdat-hdf5 is an optional dependency: without it jHDF decodes through decode() alone
        }
    }

    @Override
    public int getId() {
        return ID;
    }

    @Override
    public String getName() {
        return "blosc";
    }

    @Override
    public byte[] decode(byte[] encoded, int[] filterData) {
        if (encoded == null) {
            throw new HdfFilterException("Blosc chunk is null");
        }
        BloscParameters parameters = BloscParameters.fromClientData(filterData);
        int cap = DecodeLimits.maxChunkBytes();
        long maxNbytes = parameters.chunkBytes().isPresent()
                ? Math.min(cap, parameters.chunkBytes().getAsLong()) : cap;
        try {
            return BloscDecoder.decode(encoded, (int) maxNbytes);
        } catch (HdfFilterException e) {
            if (isSkippedFilterChunk(encoded, parameters)) {
                return encoded;
            }
            throw e;
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            // every offset is validated before use; this is a last line of defence against a missed case
            throw new HdfFilterException("Corrupt blosc chunk: " + e, e);
        }
    }

    /**
     * Whether a chunk that is not a blosc container is an uncompressed chunk HDF5 stored with this filter skipped.
     *
     * <p>hdf5-blosc gives up on chunks that do not shrink, and HDF5 then stores them raw with the filter's bit set
     * in the chunk's filter mask. jHDF 0.13 does not consult that mask and hands such chunks to this filter, so a
     * chunk exactly as long as the uncompressed chunk size ({@code cd_values[3]}) whose header does not describe a
     * container of that length is taken as raw data. A header that does describe it means a corrupt container.
     */
    static boolean isSkippedFilterChunk(byte[] encoded, BloscParameters parameters) {
        return isSkippedFilterChunk(encoded, encoded.length, parameters);
    }

    /** As {@link #isSkippedFilterChunk(byte[], BloscParameters)} for a chunk held in {@code encoded[0, length)}. */
    static boolean isSkippedFilterChunk(byte[] encoded, int length, BloscParameters parameters) {
        if (parameters.chunkBytes().isEmpty() || length != parameters.chunkBytes().getAsLong()) {
            return false;
        }
        if (length < BloscHeader.LENGTH) {
            return true;
        }
        int version = encoded[0] & 0xFF;
        boolean describesThisChunk = (version == 1 || version == 2)
                && LittleEndian.getInt(encoded, 4) == length
                && LittleEndian.getInt(encoded, 12) == length;
        return !describesThisChunk;
    }

    @Override
    public byte[] encode(byte[] data, int[] filterData) {
        BloscParameters parameters = BloscParameters.fromClientData(filterData);
        return BloscEncoder.encode(data, parameters.typesize(), parameters.clevel(), parameters.shuffle(),
                parameters.codec());
    }
}
