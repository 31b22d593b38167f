package io.battdat.parquet;

import io.battdat.api.spi.RandomAccessSource;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

import java.nio.ByteBuffer;

/**
 * A file read through a {@link RandomAccessSource} (a remote file of a storage provider) as parquet-java's
 * {@link InputFile}. Reads go straight to the source, which does its own block caching and read-ahead, so memory
 * stays what parquet-java asks for: a footer, then one row group's column chunks. {@code closeWithStream} says
 * whether closing the stream closes the source (a source opened for one reader); a source shared by a dataset's
 * readers is closed by the dataset.
 */
record SourceInputFile(RandomAccessSource source, boolean closeWithStream) implements InputFile {

    @Override
    public long getLength() {
        return source.size();
    }

    @Override
    public SeekableInputStream newStream() {
        return new PositionalInputStream() {
            @Override
            protected int readAt(long at, ByteBuffer buf) {
                long left = source.size() - at;
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(buf.remaining(), left);
                ByteBuffer slice = buf.slice(buf.position(), n);
                source.readFully(at, slice);
                buf.position(buf.position() + n);
                return n;
            }

            @Override
            public void close() {
                release();
            }
        };
    }

    /** Closes the source when it was opened for this file's one reader; a shared source stays open. */
    void release() {
        if (closeWithStream) {
            source.close();
        }
    }

    @Override
    public String toString() {
        return source.name();
    }
}
