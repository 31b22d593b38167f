package io.battdat.hdf5.codecs;

import java.util.OptionalLong;

/**
 * The client data (HDF5 {@code cd_values}) of the hdf5-blosc filter as PyTables and hdf5-blosc store them:
 * {@code [filter revision, blosc format version, typesize, chunk size in bytes, clevel, doshuffle, compressor]}.
 * Slots 0-3 are filled by the filter's {@code set_local} callback; slots 4-6 are optional and default to clevel 5,
 * byte shuffle and blosclz.
 *
 * @param typesize   element size for the shuffles ({@code cd_values[2]}; 1 when absent)
 * @param chunkBytes uncompressed chunk size ({@code cd_values[3]}, unsigned), when present and non-zero
 * @param clevel     compression level 0-9
 * @param shuffle    pre-compression shuffle
 * @param codec      inner compressor
 */
public record BloscParameters(int typesize, OptionalLong chunkBytes, int clevel, ShuffleMode shuffle,
                              InnerCodec codec) {

    /** hdf5-blosc's {@code FILTER_BLOSC_VERSION}, written to {@code cd_values[0]}. */
    public static final int FILTER_REVISION = 2;
    /** c-blosc 1.x's {@code BLOSC_VERSION_FORMAT}, written to {@code cd_values[1]}. */
    public static final int BLOSC_FORMAT_VERSION = 2;

    /**
     * Interprets filter client data; missing optional slots take hdf5-blosc's defaults, out-of-range values are
     * clamped the way c-blosc treats them where it has a rule (typesize over 255 becomes 1).
     */
    public static BloscParameters fromClientData(int[] cd) {
        int[] values = cd == null ? new int[0] : cd;
        int typesize = values.length > 2 ? values[2] : 1;
        if (typesize <= 0 || typesize > 255) {
            typesize = 1;
        }
        OptionalLong chunkBytes = OptionalLong.empty();
        if (values.length > 3 && values[3] != 0) {
            chunkBytes = OptionalLong.of(Integer.toUnsignedLong(values[3]));
        }
        int clevel = values.length > 4 ? Math.max(0, Math.min(9, values[4])) : 5;
        ShuffleMode shuffle = values.length > 5 ? ShuffleMode.fromCode(values[5]) : ShuffleMode.BYTE;
        InnerCodec codec = values.length > 6 ? InnerCodec.fromCode(values[6]) : InnerCodec.BLOSCLZ;
        return new BloscParameters(typesize, chunkBytes, clevel, shuffle, codec);
    }

    /**
     * The client data hdf5-blosc would record for these settings.
     *
     * @param chunkBytes the uncompressed chunk size for slot 3
     */
    public int[] toClientData(long chunkBytes) {
        return new int[] {FILTER_REVISION, BLOSC_FORMAT_VERSION, typesize, (int) chunkBytes, clevel, shuffle.code(),
                codec.code()};
    }
}
