package io.battdat.hdf5;

import io.battdat.api.spi.TableInfo;

import java.nio.file.Path;

/**
 * Everything a cursor needs to stream one table, resolved when the table is opened: the chunk list, the
 * filters, the element layout. Immutable and shared by the cursor's threads.
 *
 * @param file          the file
 * @param info          the table
 * @param layout        the compound element layout
 * @param pipeline      the filter pipeline (checked supported)
 * @param chunks        stored chunks by first row; {@link ChunkLookup#EMPTY} for contiguous storage
 * @param chunkRows     rows per chunk (for contiguous storage: the whole table)
 * @param contiguous    the data of a contiguous or compact dataset (a read-only view), or null when chunked
 * @param rows          the rows the table has (a follower's plan has more than {@code info} saw)
 */
record TablePlan(Path file, TableInfo info, CompoundLayout layout, FilterPipeline pipeline,
                 ChunkLookup chunks, long chunkRows, java.nio.ByteBuffer contiguous, long rows) {

    String table() {
        return info.path();
    }
}
