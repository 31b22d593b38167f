package io.battdat.hdf5.codecs;

import com.github.luben.zstd.Zstd;
import io.jhdf.exceptions.HdfFilterException;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;
import org.xerial.snappy.Snappy;

import java.io.IOException;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The compressors blosc 1.x can run inside a block, with the compressor codes of hdf5-blosc's
 * {@code cd_values[6]} and the format numbers of the container flags (bits 5-7).
 */
public enum InnerCodec {
    /** c-blosc's own FastLZ derivative, implemented in this module. */
    BLOSCLZ(0, 0),
    /** LZ4 raw blocks (lz4-java). */
    LZ4(1, 1),
    /** LZ4 raw blocks produced by the high-compression LZ4 encoder; decoded like {@link #LZ4}. */
    LZ4HC(2, 1),
    /** Raw snappy (snappy-java). */
    SNAPPY(3, 2),
    /** zlib streams (RFC 1950, as zlib's {@code compress2} writes them). */
    ZLIB(4, 3),
    /** Zstandard frames (zstd-jni). */
    ZSTD(5, 4);

    private final int code;
    private final int format;

    InnerCodec(int code, int format) {
        this.code = code;
        this.format = format;
    }

    /** The hdf5-blosc compressor code ({@code cd_values[6]}). */
    public int code() {
        return code;
    }

    /** The format number stored in bits 5-7 of the container flags. */
    public int format() {
        return format;
    }

    /** The name c-blosc and PyTables use ({@code blosc:<name>}): the constant's name in lower case. */
    public String compressorName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Decompresses one stream that must expand to exactly {@code expected} bytes.
     *
     * @throws HdfFilterException when the stream is corrupt or has another length
     */
    void decompressExactly(byte[] src, int off, int len, byte[] dst, int dstOff, int expected) {
        long decoded = switch (this) {
            case BLOSCLZ -> BlosclzDecoder.decode(src, off, len, dst, dstOff, expected);
            // the decoder depends on the format only, which lz4 and lz4hc share
            case LZ4, LZ4HC -> decompressLz4(src, off, len, dst, dstOff, expected);
            case SNAPPY -> decompressSnappy(src, off, len, dst, dstOff, expected);
            case ZLIB -> inflate(src, off, len, dst, dstOff, expected);
            case ZSTD -> decompressZstd(src, off, len, dst, dstOff, expected);
        };
        if (decoded != expected) {
            throw new HdfFilterException("Corrupt blosc block: stream decoded to " + decoded + " bytes, expected "
                    + expected);
        }
    }

    /**
     * Compresses one stream.
     *
     * @return the compressed size, or 0 when it would not fit in {@code maxOut} bytes
     */
    int compress(byte[] src, int off, int len, byte[] dst, int dstOff, int maxOut, int clevel) {
        return switch (this) {
            case BLOSCLZ -> new BlosclzEncoder().encode(src, off, len, dst, dstOff, maxOut);
            case LZ4 -> compressLz4(Lz4.FAST, src, off, len, dst, dstOff, maxOut);
            case LZ4HC -> compressLz4(Lz4.high(clevel), src, off, len, dst, dstOff, maxOut);
            case SNAPPY -> compressSnappy(src, off, len, dst, dstOff, maxOut);
            case ZLIB -> deflate(src, off, len, dst, dstOff, maxOut, clevel);
            case ZSTD -> compressZstd(src, off, len, dst, dstOff, maxOut, clevel);
        };
    }

    /**
     * Looks up a codec by hdf5-blosc compressor code.
     *
     * @throws HdfFilterException for unknown codes
     */
    public static InnerCodec fromCode(int code) {
        return StoredCodes.find(values(), InnerCodec::code, code, () -> "Unknown blosc compressor code " + code
                + " (expected 0 blosclz, 1 lz4, 2 lz4hc, 3 snappy, 4 zlib, 5 zstd)");
    }

    /**
     * Looks up the decoder for a container's format number (lz4 and lz4hc share format 1).
     *
     * @throws HdfFilterException for unknown formats
     */
    public static InnerCodec fromFormat(int format) {
        return StoredCodes.find(values(), InnerCodec::format, format, () -> "Corrupt blosc header: compressor format "
                + format + " in flags is not one of 0 blosclz, 1 lz4, 2 snappy, 3 zlib, 4 zstd");
    }

    private static int decompressLz4(byte[] src, int off, int len, byte[] dst, int dstOff, int expected) {
        try {
            return Lz4.DECOMPRESSOR.decompress(src, off, len, dst, dstOff, expected);
        } catch (LZ4Exception e) {
            throw new HdfFilterException("Corrupt lz4 stream in blosc block: " + e.getMessage(), e);
        }
    }

    private static int compressLz4(LZ4Compressor compressor, byte[] src, int off, int len, byte[] dst, int dstOff,
                                   int maxOut) {
        try {
            return compressor.compress(src, off, len, dst, dstOff, maxOut);
        } catch (LZ4Exception e) {
            // the output did not fit: the caller stores the block raw
            return 0;
        }
    }

    private static int decompressSnappy(byte[] src, int off, int len, byte[] dst, int dstOff, int expected) {
        try {
            int claimed = Snappy.uncompressedLength(src, off, len);
            if (claimed != expected) {
                throw new HdfFilterException("Corrupt snappy stream: it claims " + claimed
                        + " bytes where the blosc block needs " + expected);
            }
            return Snappy.uncompress(src, off, len, dst, dstOff);
        } catch (IOException e) {
            throw new HdfFilterException("Corrupt snappy stream in blosc block: " + e.getMessage(), e);
        }
    }

    private static int compressSnappy(byte[] src, int off, int len, byte[] dst, int dstOff, int maxOut) {
        try {
            // snappy needs room for its worst case, which is larger than the blosc split it would replace
            byte[] scratch = new byte[Snappy.maxCompressedLength(len)];
            int n = Snappy.compress(src, off, len, scratch, 0);
            if (n > maxOut) {
                return 0;
            }
            System.arraycopy(scratch, 0, dst, dstOff, n);
            return n;
        } catch (IOException e) {
            throw new HdfFilterException("Snappy compression failed: " + e.getMessage(), e);
        }
    }

    private static int inflate(byte[] src, int off, int len, byte[] dst, int dstOff, int expected) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(src, off, len);
            int n = 0;
            while (n < expected && !inflater.finished()) {
                int got = inflater.inflate(dst, dstOff + n, expected - n);
                if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new HdfFilterException("Corrupt zlib stream in blosc block: truncated after "
                            + n + " of " + expected + " bytes");
                }
                n += got;
            }
            if (!inflater.finished()) {
                // the block is full, so any further output means the stream is longer than the block
                byte[] probe = new byte[1];
                if (inflater.inflate(probe) > 0 || !inflater.finished()) {
                    throw new HdfFilterException("Corrupt zlib stream in blosc block: it decodes to more than "
                            + expected + " bytes");
                }
            }
            return n;
        } catch (DataFormatException e) {
            throw new HdfFilterException("Corrupt zlib stream in blosc block: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    private static int deflate(byte[] src, int off, int len, byte[] dst, int dstOff, int maxOut, int clevel) {
        Deflater deflater = new Deflater(clevel);
        try {
            deflater.setInput(src, off, len);
            deflater.finish();
            int n = 0;
            while (!deflater.finished() && n < maxOut) {
                n += deflater.deflate(dst, dstOff + n, maxOut - n);
            }
            return deflater.finished() ? n : 0;
        } finally {
            deflater.end();
        }
    }

    private static long decompressZstd(byte[] src, int off, int len, byte[] dst, int dstOff, int expected) {
        long n;
        try {
            n = Zstd.decompressByteArray(dst, dstOff, expected, src, off, len);
        } catch (RuntimeException e) {
            throw new HdfFilterException("Corrupt zstd stream in blosc block: " + e.getMessage(), e);
        }
        if (Zstd.isError(n)) {
            throw new HdfFilterException("Corrupt zstd stream in blosc block: " + Zstd.getErrorName(n));
        }
        return n;
    }

    private static int compressZstd(byte[] src, int off, int len, byte[] dst, int dstOff, int maxOut, int clevel) {
        // the level mapping of c-blosc's zstd_wrap_compress
        int max = Zstd.maxCompressionLevel();
        int level = clevel < 9 ? clevel * 2 - 1 : max;
        if (clevel == 8) {
            level = max - 2;
        }
        long n;
        try {
            n = Zstd.compressByteArray(dst, dstOff, maxOut, src, off, len, level);
        } catch (RuntimeException e) {
            // zstd-jni reports "destination too small" as an exception: the block is stored raw instead
            return 0;
        }
        return Zstd.isError(n) ? 0 : (int) n;
    }

    /** Loads lz4-java (possibly its native library) only when an lz4 block is met. */
    private static final class Lz4 {
        static final LZ4Factory FACTORY = LZ4Factory.fastestInstance();
        static final LZ4SafeDecompressor DECOMPRESSOR = FACTORY.safeDecompressor();
        static final LZ4Compressor FAST = FACTORY.fastCompressor();
        private static final LZ4Compressor[] HIGH = new LZ4Compressor[10];

        static {
            for (int level = 1; level < HIGH.length; level++) {
                HIGH[level] = FACTORY.highCompressor(level);
            }
        }

        static LZ4Compressor high(int clevel) {
            return HIGH[Math.max(1, Math.min(9, clevel))];
        }
    }
}
