package io.battdat.streaming;

import java.util.Iterator;
import java.util.List;

/**
 * The cycles of one or several tables, advanced together (Python's {@code iterate_cycles_from_file}). Each
 * {@link Cycle} owns its rows. The file stays open until {@link #close()}.
 */
public interface CycleStream extends Iterator<Cycle>, AutoCloseable {

    /** The keys of the tables streamed, in output order. */
    List<String> keys();

    /** Closes every table and the file. Idempotent. */
    @Override
    void close();
}
