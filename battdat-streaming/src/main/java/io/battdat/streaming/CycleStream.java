package io.battdat.streaming;

import java.util.Iterator;
import java.util.List;

/**
 * The cycles of one or several tables, advanced together (Python's {@code iterate_cycles_from_file}). Each
 * {@link Cycle} owns its rows and stays valid after the stream moves on. The file stays open until
 * {@link #close()}; an error thrown from {@code hasNext()}/{@code next()} (such as a
 * {@link io.battdat.api.CycleMismatchException}) closes it, and the stream then reports no more cycles.
 */
public interface CycleStream extends Iterator<Cycle>, AutoCloseable {

    /** The keys of the tables streamed, in output order. */
    List<String> keys();

    /** Closes every table and the file. Idempotent. */
    @Override
    void close();
}
