package io.battdat.hdf5.codecs;

import io.airlift.compress.MalformedInputException;
import io.airlift.compress.lzo.LzoCompressor;
import io.airlift.compress.lzo.LzoDecompressor;
import io.jhdf.exceptions.HdfFilterException;

import java.util.Arrays;
import java.util.zip.Adler32;

/**
 * HDF5 filter 305: LZO as PyTables' {@code H5Zlzo.c} writes it.
 *
 * <p>The chunk is a bare LZO1X-1 stream with no header: PyTables has compiled its optional checksum out since
 * version 0.8, and even before that the extra data was a trailer (Adler-32 of the uncompressed data, then the
 * uncompressed length, both 4 bytes little-endian) rather than a header. Bare streams are decoded first; a chunk
 * that does not decode is retried as such a legacy trailer chunk, accepted only if the checksum matches.
 *
 * <p>The stream does not record its uncompressed size, so the output buffer grows until the stream fits, bounded by
 * LZO's maximum expansion (a byte of input yields at most 255 bytes of output) and the decoded chunk size cap.
 */
public class LzoFilter extends CappedFilter {

    /** The registered HDF5 filter id. */
    public static final int ID = 305;

    private static final int MAX_EXPANSION = 256;
    private static final int LEGACY_TRAILER = 8;
    private static final int MIN_GUESS = 64 * 1024;

    /** A filter capped by {@link DecodeLimits#maxChunkBytes()}, as loaded by the service loader. */
    public LzoFilter() {
        this(-1);
    }

    /**
     * A filter with an explicit output cap.
     *
     * @param maxDecodedBytes largest decoded chunk, or a negative value for {@link DecodeLimits#maxChunkBytes()}
     */
    public LzoFilter(int maxDecodedBytes) {
        super(ID, "lzo", maxDecodedBytes);
    }

    @Override
    public byte[] decode(byte[] encoded, int[] filterData) {
        int cap = decodedCap(encoded);
        if (encoded.length == 0) {
            throw new HdfFilterException("lzo chunk is empty");
        }
        try {
            return decompress(encoded, encoded.length, cap);
        } catch (HdfFilterException bare) {
            byte[] legacy = tryLegacy(encoded, cap);
            if (legacy != null) {
                return legacy;
            }
            throw bare;
        }
    }

    private static byte[] decompress(byte[] encoded, int length, int cap) {
        long bound = Math.min(cap, (long) MAX_EXPANSION * length + MIN_GUESS);
        int size = (int) Math.min(bound, Math.max(MIN_GUESS, 4L * length));
        LzoDecompressor decompressor = new LzoDecompressor();
        while (true) {
            byte[] out = new byte[size];
            try {
                int n = decompressor.decompress(encoded, 0, length, out, 0, out.length);
                return n == out.length ? out : Arrays.copyOf(out, n);
            } catch (MalformedInputException | IndexOutOfBoundsException e) {
                // the decompressor reports a too small output like any other malformation, so grow and retry
                if (size >= bound) {
                    String reason = bound == cap && cap < (long) MAX_EXPANSION * length + MIN_GUESS
                            ? " or it decodes to more than the " + cap + "-byte chunk size cap" : "";
                    throw new HdfFilterException("Corrupt lzo chunk of " + length + " bytes: " + e.getMessage()
                            + reason, e);
                }
                size = (int) Math.min(bound, 2L * size);
            }
        }
    }

    private static byte[] tryLegacy(byte[] encoded, int cap) {
        int length = encoded.length - LEGACY_TRAILER;
        if (length <= 0) {
            return null;
        }
        int expectedLength = LittleEndian.getInt(encoded, encoded.length - 4);
        if (expectedLength < 0 || expectedLength > cap) {
            return null;
        }
        byte[] out;
        try {
            out = decompress(encoded, length, cap);
        } catch (HdfFilterException e) {
            return null;
        }
        Adler32 adler = new Adler32();
        adler.update(out);
        int checksum = LittleEndian.getInt(encoded, length);
        return out.length == expectedLength && (int) adler.getValue() == checksum ? out : null;
    }

    @Override
    public byte[] encode(byte[] data, int[] filterData) {
        LzoCompressor compressor = new LzoCompressor();
        byte[] out = new byte[compressor.maxCompressedLength(data.length)];
        int n = compressor.compress(data, 0, data.length, out, 0, out.length);
        return Arrays.copyOf(out, n);
    }
}
