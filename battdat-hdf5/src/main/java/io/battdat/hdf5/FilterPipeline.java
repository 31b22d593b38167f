package io.battdat.hdf5;

import io.battdat.api.BadFormatException;
import io.battdat.api.ErrorLocation;
import io.battdat.api.UnsupportedFilterException;
import io.battdat.api.spi.FilterInfo;
import io.battdat.hdf5.shuffle.ByteShuffle;
import io.battdat.hdf5.zlib.ChunkInflater;
import io.battdat.hdf5.zlib.Zlib;
import io.jhdf.exceptions.HdfFilterException;
import io.jhdf.filter.FilterManager;
import io.jhdf.object.message.FilterPipelineMessage;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;

/**
 * A table's filter pipeline (File Format Specification IV.A.2.l, Filter Pipeline Message), decoded by our own
 * code so chunks go straight from file bytes into columns: deflate (1), shuffle (2) and fletcher32 (3). Other
 * filters are decoded by the {@code io.jhdf.filter.Filter} registered for their id through jHDF's
 * {@code ServiceLoader} extension point (the {@code battdat-hdf5-codecs} module adds blosc, bzip2 and lzo); a
 * filter nobody provides is refused when the table is opened, naming the filter id and the table. Each chunk's
 * filter mask is honoured: a filter that skipped a chunk is not reversed for it.
 */
final class FilterPipeline {
    static final int DEFLATE = 1;
    static final int SHUFFLE = 2;
    static final int FLETCHER32 = 3;

    private static final String[] KNOWN_NAMES = new String[400];

    static {
        KNOWN_NAMES[DEFLATE] = "deflate";
        KNOWN_NAMES[SHUFFLE] = "shuffle";
        KNOWN_NAMES[FLETCHER32] = "fletcher32";
        KNOWN_NAMES[4] = "szip";
        KNOWN_NAMES[5] = "nbit";
        KNOWN_NAMES[6] = "scaleoffset";
        KNOWN_NAMES[305] = "lzo";
        KNOWN_NAMES[307] = "bzip2";
    }

    private final List<FilterInfo> filters;
    private final int[] ids;
    /** For filters we do not decode ourselves: jHDF's registered filter with its client data, else null. */
    private final io.jhdf.filter.FilterPipeline[] plugins;
    /** When the pipeline is one filter whose codec can keep its block shuffle: that codec's block decoder. */
    private final ShuffledBlocksFilter shuffledBlocks;
    private final int[] shuffledBlocksClientData;

    private FilterPipeline(List<FilterInfo> filters, io.jhdf.filter.FilterPipeline[] plugins) {
        this.filters = List.copyOf(filters);
        this.ids = filters.stream().mapToInt(FilterInfo::id).toArray();
        this.plugins = plugins;
        // looked up after the plugins: loading a codec's jHDF filter is what registers its block decoder
        this.shuffledBlocks = ids.length == 1 && plugins[0] != null ? ShuffledBlocksFilters.find(ids[0]) : null;
        this.shuffledBlocksClientData = shuffledBlocks != null ? filters.get(0).clientData() : null;
    }

    static FilterPipeline none() {
        return new FilterPipeline(List.of(), new io.jhdf.filter.FilterPipeline[0]);
    }

    static FilterPipeline of(FilterPipelineMessage message) {
        if (message == null) {
            return none();
        }
        List<FilterInfo> out = new ArrayList<>();
        List<FilterPipelineMessage.FilterInfo> stored = message.getFilters();
        io.jhdf.filter.FilterPipeline[] plugins = new io.jhdf.filter.FilterPipeline[stored.size()];
        for (int i = 0; i < stored.size(); i++) {
            FilterPipelineMessage.FilterInfo f = stored.get(i);
            out.add(FilterInfo.of(f.getId(), nameOf(f.getId(), f.getName()), f.getData()));
            if (f.getId() != DEFLATE && f.getId() != SHUFFLE && f.getId() != FLETCHER32) {
                plugins[i] = plugin(f);
            }
        }
        return new FilterPipeline(out, plugins);
    }

    /** jHDF's one-filter pipeline for a filter it has registered (built in or through ServiceLoader), else null. */
    private static io.jhdf.filter.FilterPipeline plugin(FilterPipelineMessage.FilterInfo f) {
        try {
            return FilterManager.getPipeline(List.of(f));
        } catch (HdfFilterException e) {
            return null; // refused by requireSupported, with the table's name, when the table is opened
        }
    }

    private static String nameOf(int id, String stored) {
        if (stored != null && !stored.isBlank()) {
            return stored;
        }
        if (id == 32001) {
            return "blosc";
        }
        if (id == 32026) {
            return "blosc2";
        }
        return id < KNOWN_NAMES.length && KNOWN_NAMES[id] != null ? KNOWN_NAMES[id] : "filter-" + id;
    }

    /**
     * Whether the pipeline is exactly shuffle then (optionally) deflate, so a decoder can read the shuffled bytes
     * directly instead of unshuffling first.
     */
    boolean endsWithShuffle() {
        return ids.length >= 1 && ids[0] == SHUFFLE && java.util.Arrays.stream(ids).skip(1).allMatch(id -> id == DEFLATE);
    }

    /**
     * Whether chunks can be decoded with {@link #decodeShuffledBlocks}: the pipeline is a single filter whose codec
     * registered a {@link ShuffledBlocksFilter}.
     */
    boolean decodesShuffledBlocks() {
        return shuffledBlocks != null;
    }

    /**
     * Decodes a chunk of a {@linkplain #decodesShuffledBlocks() single-filter pipeline} into {@code dst}, leaving the
     * codec's byte shuffle in place where it has one by elements of {@code elementSize} bytes. A chunk whose filter
     * mask says the filter was skipped is copied as stored.
     *
     * @return the size of the shuffled blocks in {@code dst}, or 0 when {@code dst} holds the chunk in row order
     */
    int decodeShuffledBlocks(byte[] stored, int storedLength, int expected, int mask, int elementSize, byte[] dst,
                             Path file, String table, long chunkRow) {
        if ((mask & 1) != 0) {
            if (storedLength != expected) {
                throw corrupt(file, table, chunkRow, "unfiltered chunk of " + storedLength + " bytes, expected "
                        + expected, null);
            }
            System.arraycopy(stored, 0, dst, 0, expected);
            return 0;
        }
        try {
            return shuffledBlocks.decode(stored, storedLength, shuffledBlocksClientData, elementSize, dst, expected);
        } catch (HdfFilterException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw corrupt(file, table, chunkRow, "corrupt " + filters.get(0).name() + " data: " + e.getMessage(), e);
        }
    }

    List<FilterInfo> filters() {
        return filters;
    }

    boolean isEmpty() {
        return filters.isEmpty();
    }

    /** Refuses a pipeline with a filter this reader cannot decode, before any row is read. */
    void requireSupported(Path file, String table) {
        for (int i = 0; i < ids.length; i++) {
            FilterInfo f = filters.get(i);
            if (f.id() != DEFLATE && f.id() != SHUFFLE && f.id() != FLETCHER32 && plugins[i] == null) {
                throw new UnsupportedFilterException(ErrorLocation.of(file, table), f.id(),
                        "unsupported HDF5 filter " + f.id()
                        + " (" + f.name() + "): no codec for it on the class path; deflate (1), shuffle (2) and "
                        + "fletcher32 (3) are built in, and battdat-hdf5-codecs adds blosc (32001), bzip2 (307) "
                        + "and lzo (305)", null);
            }
        }
    }

    /**
     * Reverses the pipeline for one chunk. Filters run last to first; a set bit i of {@code mask} means filter i
     * was skipped for this chunk.
     *
     * @param stored       the chunk as stored, positions [0, storedLength)
     * @param expected     bytes the chunk has once decoded (chunk rows x element size)
     * @param scratch      per-thread buffers
     * @return a buffer holding exactly {@code expected} decoded bytes from position 0
     */
    ByteBuffer decode(byte[] stored, int storedLength, int expected, int mask, int elementSize, Scratch scratch,
                      Path file, String table, long chunkRow) {
        return decode(stored, storedLength, expected, mask, elementSize, scratch, file, table, chunkRow, false);
    }

    /**
     * As {@link #decode(byte[], int, int, int, int, Scratch, Path, String, long)}, but with {@code keepShuffled}
     * the final unshuffle (filter 0) is left to the caller: the result is still byte-shuffled.
     */
    ByteBuffer decode(byte[] stored, int storedLength, int expected, int mask, int elementSize, Scratch scratch,
                      Path file, String table, long chunkRow, boolean keepShuffled) {
        byte[] data = stored;
        int length = storedLength;
        for (int i = ids.length - 1; i >= 0; i--) {
            if ((mask & (1 << i)) != 0 || (keepShuffled && i == 0 && ids[i] == SHUFFLE)) {
                continue;
            }
            switch (ids[i]) {
                case FLETCHER32 -> {
                    if (length < 4) {
                        throw corrupt(file, table, chunkRow, "fletcher32 chunk shorter than its checksum", null);
                    }
                    length -= 4;
                }
                case DEFLATE -> {
                    byte[] out = scratch.inflated(expected);
                    length = inflate(scratch.inflater(), data, length, out, expected, file, table, chunkRow);
                    data = out;
                }
                case SHUFFLE -> {
                    byte[] out = scratch.unshuffled(length);
                    ByteShuffle.unshuffle(elementSize, length, data, 0, out, 0);
                    data = out;
                }
                default -> {
                    data = decodeWithPlugin(i, data, length, expected, file, table, chunkRow);
                    length = data.length;
                }
            }
        }
        if (length != expected) {
            throw corrupt(file, table, chunkRow, "chunk decodes to " + length + " bytes, expected " + expected, null);
        }
        return ByteBuffer.wrap(data, 0, expected);
    }

    private byte[] decodeWithPlugin(int i, byte[] data, int length, int expected, Path file, String table,
                                    long chunkRow) {
        try {
            return plugins[i].decode(data.length == length ? data : java.util.Arrays.copyOf(data, length));
        } catch (HdfFilterException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw corrupt(file, table, chunkRow, "corrupt " + filters.get(i).name() + " data: " + e.getMessage(), e);
        }
    }

    private static int inflate(ChunkInflater inflater, byte[] in, int length, byte[] out, int expected, Path file,
                               String table, long chunkRow) {
        try {
            return inflater.inflate(in, 0, length, out, expected);
        } catch (DataFormatException e) {
            throw corrupt(file, table, chunkRow, "corrupt deflate stream: " + e.getMessage(), e);
        }
    }

    private static BadFormatException corrupt(Path file, String table, long chunkRow, String what, Throwable cause) {
        return new BadFormatException(ErrorLocation.of(file, table),
                "corrupt chunk at row " + chunkRow + ": " + what, cause);
    }

    /** Buffers one decoding thread reuses from chunk to chunk. */
    static final class Scratch {
        private final ChunkInflater inflater = Zlib.newInflater();
        private byte[] stored = new byte[0];
        private byte[] inflated = new byte[0];
        private byte[] unshuffled = new byte[0];
        private ByteBuffer direct;

        ChunkInflater inflater() {
            return inflater;
        }

        byte[] stored(int size) {
            if (stored.length < size) {
                stored = new byte[size];
            }
            return stored;
        }

        byte[] inflated(int size) {
            if (inflated.length < size) {
                inflated = new byte[size];
            }
            return inflated;
        }

        byte[] unshuffled(int size) {
            if (unshuffled.length < size) {
                unshuffled = new byte[size];
            }
            return unshuffled;
        }

        ByteBuffer direct(int size) {
            direct = FileRegions.direct(direct, size);
            return direct;
        }

        void release() {
            inflater.close();
        }
    }
}
