package io.battdat.cli;

import io.battdat.api.spi.FilterInfo;

import java.util.ArrayList;
import java.util.List;

/**
 * Filters as people name them ({@code blosc:lz4 level 5, byte shuffle}, {@code zlib level 9, shuffle}) rather than
 * HDF5 filter ids and raw parameters. The parameters follow the filters' HDF5 registrations: deflate and bzip2 keep
 * the level first; blosc keeps level, shuffle and compressor at indexes 4, 5 and 6 (PyTables' layout).
 */
final class FilterNames {
    private static final String[] BLOSC_COMPRESSORS = {"blosclz", "lz4", "lz4hc", "snappy", "zlib", "zstd"};

    private FilterNames() {
    }

    /** The pipeline in words, compression first: {@code zlib level 9, shuffle}; {@code none} when empty. */
    static String describe(List<FilterInfo> filters) {
        if (filters.isEmpty()) {
            return "none";
        }
        List<String> compression = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (FilterInfo f : filters) {
            (isCompression(f.id()) ? compression : others).add(describe(f));
        }
        compression.addAll(others);
        return String.join(", ", compression);
    }

    private static boolean isCompression(int id) {
        return id == 1 || id == 307 || id == 32000 || id == 32001 || id == 4;
    }

    /** One filter in words. */
    static String describe(FilterInfo f) {
        int[] cd = f.clientData();
        return switch (f.id()) {
            case 1 -> "zlib" + (cd.length > 0 ? " level " + cd[0] : "");
            case 2 -> "shuffle";
            case 3 -> "fletcher32 checksum";
            case 4 -> "szip";
            case 5 -> "n-bit packing";
            case 6 -> "scale-offset";
            case 307 -> "bzip2" + (cd.length > 0 ? " level " + cd[0] : "");
            case 32000 -> "lzo";
            case 32001 -> blosc(cd);
            default -> f.name() + " (HDF5 filter " + f.id() + ")";
        };
    }

    private static String blosc(int[] cd) {
        if (cd.length < 5) {
            return "blosc";
        }
        String compressor = cd.length > 6 && cd[6] >= 0 && cd[6] < BLOSC_COMPRESSORS.length
                ? BLOSC_COMPRESSORS[cd[6]] : "blosclz";
        String shuffle = cd.length > 5 ? switch (cd[5]) {
            case 0 -> ", no shuffle";
            case 2 -> ", bit shuffle";
            default -> ", byte shuffle";
        } : "";
        return "blosc:" + compressor + " level " + cd[4] + shuffle;
    }
}
