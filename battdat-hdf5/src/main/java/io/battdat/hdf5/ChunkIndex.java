package io.battdat.hdf5;

import io.battdat.api.BadFormatException;
import io.battdat.api.ErrorLocation;
import io.battdat.api.UnsupportedFeatureException;
import io.jhdf.dataset.chunked.Chunk;
import io.jhdf.dataset.chunked.ChunkedDatasetBase;
import io.jhdf.exceptions.HdfException;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The chunks of a 1-D chunked dataset, sorted by first row, as the dataset's chunk index (version 1 B-tree,
 * version 2 B-tree, extensible array, fixed array, single chunk: jHDF parses them all) lists them.
 *
 * <p>jHDF exposes each chunk's address, stored size and filter mask only through the protected
 * {@code getChunkLookup()}; this class is the one place that reaches it, by reflection.
 */
final class ChunkIndex {
    private static final Method CHUNK_LOOKUP;

    static {
        Method m;
        try {
            m = ChunkedDatasetBase.class.getDeclaredMethod("getChunkLookup");
            m.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            m = null;
        }
        CHUNK_LOOKUP = m;
    }

    /**
     * One stored chunk.
     *
     * @param firstRow   first row it holds
     * @param address    absolute file position of its bytes
     * @param size       stored size in bytes
     * @param filterMask bit i set = filter i skipped
     */
    record Entry(long firstRow, long address, int size, int filterMask) {
    }

    private ChunkIndex() {
    }

    /**
     * The chunks of a dataset, sorted by first row.
     *
     * @param fileSize the file's size, asked after jHDF has read the index: a live writer grows the file before it
     *                 links new chunks, so a size taken earlier could miss chunks that are already in the index
     */
    static List<Entry> read(ChunkedDatasetBase dataset, long baseAddress, java.util.function.LongSupplier fileSize,
                            Path file, String table) {
        if (CHUNK_LOOKUP == null) {
            throw new UnsupportedFeatureException(ErrorLocation.of(file, table),
                    "this jHDF version hides its chunk index "
                    + "(ChunkedDatasetBase.getChunkLookup); use the jHDF version battdat-hdf5 was built with", null);
        }
        Collection<?> chunks;
        try {
            chunks = ((Map<?, ?>) CHUNK_LOOKUP.invoke(dataset)).values();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new BadFormatException(ErrorLocation.of(file, table),
                    "cannot read the chunk index: " + cause.getMessage(), cause);
        } catch (IllegalAccessException | HdfException e) {
            throw new BadFormatException(ErrorLocation.of(file, table),
                    "cannot read the chunk index: " + e.getMessage(), e);
        }
        long size = fileSize.getAsLong();
        List<Entry> entries = new ArrayList<>(chunks.size());
        for (Object o : chunks) {
            Chunk c = (Chunk) o;
            long[] offset = c.getChunkOffset();
            long address = c.getAddress();
            long stored = c.getSize() & 0xffffffffL;
            if (offset.length < 1 || offset[0] < 0) {
                throw new BadFormatException(ErrorLocation.of(file, table),
                        "chunk index entry with offset " + Arrays.toString(offset), null);
            }
            if (address < 0 || address + stored > size) {
                throw new BadFormatException(ErrorLocation.of(file, table),
                        "chunk for row " + offset[0] + " at byte " + address
                        + " (" + stored + " bytes) lies past the end of the " + size + "-byte file", null);
            }
            entries.add(new Entry(offset[0], address, (int) Math.min(Integer.MAX_VALUE, stored),
                    mask(c.getFilterMask())));
        }
        entries.sort(Comparator.comparingLong(Entry::firstRow));
        return entries;
    }

    private static int mask(BitSet bits) {
        if (bits == null) {
            return 0;
        }
        long[] words = bits.toLongArray();
        return words.length == 0 ? 0 : (int) words[0];
    }
}
