package io.battdat.hdf5.codecs;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * The client data (HDF5 {@code cd_values}) of the hdf5-blosc filter as PyTables and hdf5-blosc store them:
 * {@code [filter revision, blosc format version, typesize, chunk size in bytes, clevel, doshuffle, compressor]}.
 * Slots 0-3 are filled by the filter's {@code set_local} callback; slots 4-6 are optional and default to clevel 5,
 * byte shuffle and blosclz.
 *
 * <p>Immutable; made with {@link #fromClientData}, or from {@link #defaults()} with the {@code with...} methods (the
 * constructor is private so that the parameters can gain fields, as blosc's own settings grow, without breaking
 * callers).
 */
public final class BloscParameters {
    /** hdf5-blosc's {@code FILTER_BLOSC_VERSION}, written to {@code cd_values[0]}. */
    public static final int FILTER_REVISION = 2;
    /** c-blosc 1.x's {@code BLOSC_VERSION_FORMAT}, written to {@code cd_values[1]}. */
    public static final int BLOSC_FORMAT_VERSION = 2;
    private static final BloscParameters DEFAULTS = new BloscParameters(1, OptionalLong.empty(), 5, ShuffleMode.BYTE,
            InnerCodec.BLOSCLZ);

    private final int typesize;
    private final OptionalLong chunkBytes;
    private final int clevel;
    private final ShuffleMode shuffle;
    private final InnerCodec codec;

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

    /** hdf5-blosc's defaults: typesize 1, no chunk size, clevel 5, byte shuffle, blosclz. */
    public static BloscParameters defaults() {
        return DEFAULTS;
    }

    private BloscParameters(int typesize, OptionalLong chunkBytes, int clevel, ShuffleMode shuffle,
                            InnerCodec codec) {
        this.typesize = typesize;
        this.chunkBytes = Objects.requireNonNull(chunkBytes, "chunkBytes");
        this.clevel = clevel;
        this.shuffle = Objects.requireNonNull(shuffle, "shuffle");
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    /** Element size for the shuffles ({@code cd_values[2]}; 1 when absent). */
    public int typesize() {
        return typesize;
    }

    /** Uncompressed chunk size ({@code cd_values[3]}, unsigned), when present and non-zero. */
    public OptionalLong chunkBytes() {
        return chunkBytes;
    }

    /** Compression level 0-9. */
    public int clevel() {
        return clevel;
    }

    /** Pre-compression shuffle. */
    public ShuffleMode shuffle() {
        return shuffle;
    }

    /** Inner compressor. */
    public InnerCodec codec() {
        return codec;
    }

    /** These parameters with another element size for the shuffles. */
    public BloscParameters withTypesize(int value) {
        return new BloscParameters(value, chunkBytes, clevel, shuffle, codec);
    }

    /** These parameters with an uncompressed chunk size in bytes. */
    public BloscParameters withChunkBytes(long value) {
        return new BloscParameters(typesize, OptionalLong.of(value), clevel, shuffle, codec);
    }

    /** These parameters with another compression level 0-9. */
    public BloscParameters withClevel(int value) {
        return new BloscParameters(typesize, chunkBytes, value, shuffle, codec);
    }

    /** These parameters with another pre-compression shuffle. */
    public BloscParameters withShuffle(ShuffleMode value) {
        return new BloscParameters(typesize, chunkBytes, clevel, value, codec);
    }

    /** These parameters with another inner compressor. */
    public BloscParameters withCodec(InnerCodec value) {
        return new BloscParameters(typesize, chunkBytes, clevel, shuffle, value);
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

    @Override
    public boolean equals(Object o) {
        return o instanceof BloscParameters p && typesize == p.typesize && chunkBytes.equals(p.chunkBytes)
                && clevel == p.clevel && shuffle == p.shuffle && codec == p.codec;
    }

    @Override
    public int hashCode() {
        return Objects.hash(typesize, chunkBytes, clevel, shuffle, codec);
    }

    /** The fields in the form a record would print them. */
    @Override
    public String toString() {
        return "BloscParameters[typesize=" + typesize + ", chunkBytes=" + chunkBytes + ", clevel=" + clevel
                + ", shuffle=" + shuffle + ", codec=" + codec + "]";
    }
}
