package io.battdat.hdf5.zlib;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** {@link ChunkInflater} on the JDK's zlib, which checks the header and adler32 itself. */
final class JdkChunkInflater implements ChunkInflater {
    private final Inflater inflater = new Inflater();

    @Override
    public int inflate(byte[] in, int offset, int length, byte[] out, int expected) throws DataFormatException {
        inflater.reset();
        inflater.setInput(in, offset, length);
        int total = 0;
        while (total < expected) {
            int n = inflater.inflate(out, total, expected - total);
            if (n == 0) {
                break; // finished, out of input, or wants a dictionary: no further progress is possible
            }
            total += n;
        }
        if (total < expected) {
            throw new DataFormatException("deflate stream ends after " + total + " of " + expected + " bytes");
        }
        // the chunk is full: a stream that has not ended holds more than a chunk, or is cut short
        if (!inflater.finished() && inflater.inflate(new byte[1]) > 0) {
            throw new DataFormatException("deflate stream holds more than the chunk's " + expected + " bytes");
        }
        if (!inflater.finished()) {
            throw new DataFormatException("deflate stream does not end after the chunk's " + expected + " bytes");
        }
        return total;
    }

    @Override
    public void close() {
        inflater.end();
    }
}
