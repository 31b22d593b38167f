package io.battdat.hdf5;

import java.util.List;

/**
 * A table's stored chunks, found by first row. Shared by a cursor's decoding threads, so implementations are
 * thread-safe. A remote file's lookup may read parts of its chunk index only when a chunk in them is first asked
 * for (see {@link BTreeV1ChunkIndex#lazy}), so the first rows decode while the rest of the index is still in flight.
 */
interface ChunkLookup {

    /** No chunks: contiguous storage, or an empty table. */
    ChunkLookup EMPTY = firstRow -> null;

    /**
     * The chunk whose first row is {@code firstRow}, or null when none is stored (its rows read as zeros, as HDF5
     * reads an unwritten chunk).
     *
     * @throws io.battdat.api.BadFormatException when the part of the index holding it is damaged
     */
    ChunkIndex.Entry chunkAt(long firstRow);

    /** A lookup over chunks already listed and sorted by first row. */
    static ChunkLookup of(List<ChunkIndex.Entry> sorted) {
        return firstRow -> find(sorted, firstRow);
    }

    /** The entry of {@code sorted} (by first row) starting at {@code firstRow}, or null. */
    static ChunkIndex.Entry find(List<ChunkIndex.Entry> sorted, long firstRow) {
        int lo = 0;
        int hi = sorted.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long row = sorted.get(mid).firstRow();
            if (row < firstRow) {
                lo = mid + 1;
            } else if (row > firstRow) {
                hi = mid - 1;
            } else {
                return sorted.get(mid);
            }
        }
        return null;
    }
}
