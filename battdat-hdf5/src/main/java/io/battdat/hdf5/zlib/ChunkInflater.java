package io.battdat.hdf5.zlib;

import java.util.zip.DataFormatException;

/**
 * Inflates whole zlib streams, one chunk at a time, into a buffer of the chunk's known size. One instance per
 * thread; it keeps its native or JDK state from chunk to chunk. Get one from {@link Zlib#newInflater()}.
 */
public interface ChunkInflater extends AutoCloseable {
    /**
     * Inflates the zlib stream {@code in[offset, offset + length)} into {@code out[0, expected)} and verifies its
     * adler32 checksum.
     *
     * @return the number of bytes produced, which is {@code expected} for a sound chunk
     * @throws DataFormatException when the stream is damaged: bad header, bad deflate data, fewer or more than
     *                             {@code expected} bytes, or a checksum mismatch (the message says which)
     */
    int inflate(byte[] in, int offset, int length, byte[] out, int expected) throws DataFormatException;

    /** Frees the native or JDK state; the inflater is unusable afterwards. */
    @Override
    void close();
}
