package io.battdat.hdf5.write;

import io.battdat.api.ErrorLocation;
import io.battdat.api.UnsupportedFeatureException;
import io.jhdf.exceptions.HdfFilterException;
import io.jhdf.filter.FilterManager;
import io.jhdf.filter.FilterPipeline;
import io.jhdf.object.message.FilterPipelineMessage.FilterInfo;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * How a table's chunks are filtered, named as PyTables names its {@code complib}s: none; {@code zlib} (HDF5's
 * shuffle, unless a file was written without it, then deflate); or {@code blosc[:codec]} (filter 32001 with
 * blosc's own byte shuffle; codecs blosclz, lz4, lz4hc, snappy, zlib, zstd). Blosc is encoded and decoded by the
 * {@code io.jhdf.filter.Filter} registered for 32001, which the {@code battdat-hdf5-codecs} module provides.
 *
 * @param kind       the filter family
 * @param level      compression level 1-9 (0 for none)
 * @param shuffle    byte shuffle before compressing
 * @param bloscCodec blosc's compressor code (0 blosclz ... 5 zstd); unused otherwise
 */
record ChunkFilters(Kind kind, int level, boolean shuffle, int bloscCodec) {
    static final int BLOSC = 32001;
    private static final List<String> BLOSC_CODECS = List.of("blosclz", "lz4", "lz4hc", "snappy", "zlib", "zstd");

    /** The filter families a writer can produce and continue. */
    enum Kind { NONE, ZLIB, BLOSC }

    static final ChunkFilters NONE = new ChunkFilters(Kind.NONE, 0, false, 0);

    /** The filters for {@code complevel} and {@code complib}, as PyTables' {@code Filters(complevel, complib)}. */
    static ChunkFilters of(Path file, int level, String library) {
        String lib = library.toLowerCase(Locale.ROOT);
        if (level == 0) {
            if (!lib.equals("zlib") && !lib.startsWith("blosc")) {
                throw unsupported(file, library);
            }
            return NONE;
        }
        if (lib.equals("zlib")) {
            return new ChunkFilters(Kind.ZLIB, level, true, 0);
        }
        if (lib.equals("blosc") || lib.startsWith("blosc:")) {
            int codec = lib.equals("blosc") ? 0 : BLOSC_CODECS.indexOf(lib.substring(6));
            if (codec < 0) {
                throw unsupported(file, library);
            }
            ChunkFilters f = new ChunkFilters(Kind.BLOSC, level, true, codec);
            f.bloscPipeline(file, 8, 8); // fails now, with the reason, when no blosc codec is on the class path
            return f;
        }
        throw unsupported(file, library);
    }

    private static UnsupportedFeatureException unsupported(Path file, String library) {
        return new UnsupportedFeatureException(ErrorLocation.of(file),
                "compression library '" + library + "' is not supported; "
                + "use zlib, blosc, or blosc:" + String.join(", blosc:", BLOSC_CODECS), null);
    }

    /** The filters of an existing table, or an error when this writer cannot continue them. */
    static ChunkFilters of(Path file, String table, List<FilterPipelineMessage.Filter> filters) {
        if (filters.isEmpty()) {
            return NONE;
        }
        int[] ids = filters.stream().mapToInt(FilterPipelineMessage.Filter::id).toArray();
        if (ids.length == 2 && ids[0] == 2 && ids[1] == 1 && filters.get(1).clientData().length == 1) {
            return new ChunkFilters(Kind.ZLIB, clamp(filters.get(1).clientData()[0]), true, 0);
        }
        if (ids.length == 1 && ids[0] == 1 && filters.get(0).clientData().length == 1) {
            return new ChunkFilters(Kind.ZLIB, clamp(filters.get(0).clientData()[0]), false, 0);
        }
        if (ids.length == 1 && ids[0] == BLOSC && filters.get(0).clientData().length >= 7) {
            int[] cd = filters.get(0).clientData();
            if (cd[5] == 0 || cd[5] == 1) {
                return new ChunkFilters(Kind.BLOSC, clamp(cd[4]), cd[5] == 1, cd[6]);
            }
        }
        throw new UnsupportedFeatureException(ErrorLocation.of(file, table), "cannot append: the table's filters "
                + java.util.Arrays.toString(ids) + " are not ones this writer continues (none; deflate 1, optionally "
                + "after shuffle 2; blosc 32001 with byte shuffle or none)", null);
    }

    private static int clamp(int level) {
        return Math.max(1, Math.min(9, level));
    }

    boolean compressed() {
        return kind != Kind.NONE;
    }

    /** The Filter Pipeline Message of a new table, or null when unfiltered. */
    byte[] pipelineMessage(int elementSize, int chunkBytes) {
        return switch (kind) {
            case NONE -> null;
            case ZLIB -> FilterPipelineMessage.shuffleDeflate(elementSize, level);
            case BLOSC -> FilterPipelineMessage.blosc(bloscClientData(elementSize, chunkBytes));
        };
    }

    /** hdf5-blosc's client data: filter revision 2, blosc format 2, type size, chunk bytes, level, shuffle, codec. */
    int[] bloscClientData(int elementSize, int chunkBytes) {
        return new int[]{2, 2, elementSize > 255 ? 1 : elementSize, chunkBytes, level, shuffle ? 1 : 0, bloscCodec};
    }

    /** jHDF's pipeline for this blosc configuration, through the filter registered for 32001. */
    FilterPipeline bloscPipeline(Path file, int elementSize, int chunkBytes) {
        try {
            return FilterManager.getPipeline(List.of(new FilterInfo(BLOSC, "blosc", true,
                    bloscClientData(elementSize, chunkBytes))));
        } catch (HdfFilterException e) {
            throw new UnsupportedFeatureException(ErrorLocation.of(file),
                    "blosc compression needs battdat-hdf5-codecs on the "
                    + "class path (no HDF5 filter 32001 is registered)", null);
        }
    }
}
