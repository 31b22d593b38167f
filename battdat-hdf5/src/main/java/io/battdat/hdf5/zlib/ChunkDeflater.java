package io.battdat.hdf5.zlib;

/**
 * Deflates one chunk into a complete zlib stream (header, deflate data, adler32) that any zlib reads, PyTables
 * included. One instance per thread; get one from {@link Zlib#newDeflater(int)}.
 */
public interface ChunkDeflater extends AutoCloseable {
    /**
     * Compresses {@code input[0, length)} into a new array.
     *
     * @return the new array and how many of its bytes the stream fills
     */
    Deflated deflate(byte[] input, int length);

    /** Frees the native or JDK state; the deflater is unusable afterwards. */
    @Override
    void close();

    /**
     * A compressed chunk: the stream is {@code bytes[0, size)}; the array may be longer.
     *
     * @param bytes the array holding the stream
     * @param size  the stream's length in bytes
     */
    record Deflated(byte[] bytes, int size) {
    }

    /** An output size that holds the zlib stream of {@code length} bytes at any level (stored blocks included). */
    static int bound(int length) {
        return length + length / 100 + 1024;
    }
}
