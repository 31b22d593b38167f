package io.battdat.hdf5.zlib;

import com.intel.gkl.compression.IntelInflater;

import java.util.zip.Adler32;
import java.util.zip.DataFormatException;

/**
 * {@link ChunkInflater} on ISA-L through GKL's {@code IntelInflater}, which inflates raw deflate data only: this
 * class checks the two-byte zlib header itself, hands ISA-L the deflate data between header and trailer, and
 * verifies the trailer's adler32 against the output.
 */
final class IsalChunkInflater implements ChunkInflater {
    private static final int HEADER = 2;
    private static final int TRAILER = 4;

    private final IntelInflater inflater = new IntelInflater(true);
    private final Adler32 adler = new Adler32();

    @Override
    public int inflate(byte[] in, int offset, int length, byte[] out, int expected) throws DataFormatException {
        if (length < HEADER + TRAILER + 2) {
            throw new DataFormatException("zlib stream of " + length + " bytes is too short");
        }
        checkHeader(in[offset] & 0xff, in[offset + 1] & 0xff);
        int total = 0;
        try {
            inflater.reset();
            inflater.setInput(in, offset + HEADER, length - HEADER - TRAILER);
            while (total < expected) {
                int n = inflater.inflate(out, total, expected - total);
                if (n <= 0) {
                    break;
                }
                total += n;
            }
        } catch (RuntimeException e) {
            // GKL reports bad deflate data as a plain RuntimeException naming the ISA-L error
            throw new DataFormatException(e.getMessage());
        }
        if (total < expected) {
            throw new DataFormatException("deflate stream ends after " + total + " of " + expected + " bytes");
        }
        if (!inflater.finished()) {
            // input left over once the chunk is full: more output than the chunk holds, or bytes after the stream
            throw new DataFormatException("deflate stream holds more than the chunk's " + expected + " bytes");
        }
        adler.reset();
        adler.update(out, 0, total);
        int t = offset + length - TRAILER;
        long stored = ((in[t] & 0xffL) << 24) | ((in[t + 1] & 0xff) << 16) | ((in[t + 2] & 0xff) << 8)
                | (in[t + 3] & 0xff);
        if (stored != adler.getValue()) {
            throw new DataFormatException("incorrect data check (adler32 " + Long.toHexString(adler.getValue())
                    + ", stream says " + Long.toHexString(stored) + ")");
        }
        return total;
    }

    /** RFC 1950 section 2.2: deflate method, window of at most 32 KiB, header check, no preset dictionary. */
    private static void checkHeader(int cmf, int flg) throws DataFormatException {
        if ((cmf & 0x0f) != 8 || (cmf >>> 4) > 7) {
            throw new DataFormatException("incorrect header check (not a deflate zlib stream)");
        }
        if (((cmf << 8) | flg) % 31 != 0) {
            throw new DataFormatException("incorrect header check");
        }
        if ((flg & 0x20) != 0) {
            throw new DataFormatException("zlib stream needs a preset dictionary");
        }
    }

    @Override
    public void close() {
        inflater.end();
    }
}
