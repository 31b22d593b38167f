package io.battdat.streaming;

import io.battdat.api.data.Row;
import io.battdat.api.spi.TableInfo;

import java.util.Iterator;

/**
 * The rows of one table one record at a time, in storage order (Python's {@code iterate_records_from_file}).
 * {@link #next()} returns the same {@link Row} each time, moved to the next record: read it before advancing,
 * copy it ({@link Row#toMap()}) to keep it. Nothing is allocated per record. The file stays open until
 * {@link #close()}, also after the last record.
 */
public interface RecordStream extends Iterator<Row>, AutoCloseable {

    /** The table being read. */
    TableInfo table();

    /** Closes the table and the file. Idempotent. */
    @Override
    void close();
}
