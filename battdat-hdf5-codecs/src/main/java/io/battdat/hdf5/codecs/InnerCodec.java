package io.battdat.hdf5.codecs;

import com.github.luben.zstd.Zstd;
import io.jhdf.exceptions.HdfFilterException;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;
import org.xerial.snappy.Snappy;

import java.io.IOException;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The compressors blosc 1.x can run inside a block, with the compressor codes of hdf5-blosc's
 * {@code cd_values[6]} and the format numbers of the container flags (bits 5-7).
 */
public enum InnerCodec {
    /** c-blosc's own FastLZ derivative, implemented in this module. */
    BLOSCLZ(0, 0, "blosclz") {
        @Override
        void decompressExactly(byte[] src, int off, int len, byte[] dst, int dstOff, int expected) {
            int n = BlosclzDecoder.decode(src, off, len, dst, dstOff, expected);
            checkLength(n, expected);
        }

        @Override
        int compress(byte[] src, int off, int len, byte[] dst, int dstOff, int maxOut, int clevel) {
            return new BlosclzEncoder().encode(src, off, len, dst, dstOff, maxOut);
        }
    },
    /** LZ4 raw blocks (lz4-java). */
    LZ4(1, 1, "lz4") {
        @Override
        void decompressExactly(byte[] src, int off, int len, byte[] dst, int dstOff, int expected) {
            decompressLz4(src, off, len, dst, dstOff, expected);
        }

        @Override
        int compress(byte[] src, int off, int len, byte[] dst, int dstOff, int maxOut, int clevel) {
            return compressLz4(Lz4.FAST, src, off, len, dst, dstOff, maxOut);
        }
    },
    /** LZ4 raw blocks produced by the high-compression LZ4 encoder; decoded like {@link #LZ4}. */
    LZ4HC(2, 1, "lz4hc") {
        @Override
        void decompressExactly(byte[] src, int off, int len, byte[] dst, int dstOff, int expected) {
            decompressLz4(src, off, len, dst, dstOff, expected);
        }

        @Override
        int compress(byte[] src, int off, int len, byte[] dst, int dstOff, int maxOut, int clevel) {
            return compressLz4(Lz4.high(clevel), src, off, len, dst, dstOff, maxOut);
        }
    },
    /** Raw snappy (snappy-java). */
    SNAPPY(3, 2, "snappy") {
        @Override
        void decompressExactly(byte[] src, int off, int len, byte[] dst, int dstOff, int expected) {
            try {
                int claimed = Snappy.uncompressedLength(src, off, len);
                if (claimed != expected) {
                    throw new HdfFilterException("Corrupt snappy stream: it claims " + claimed
                            + " bytes where the blosc block needs " + expected);
                }
                checkLength(Snappy.uncompress(src, off, len, dst, dstOff), expected);
            } catch (IOException e) {
                throw new HdfFilterException("Corrupt snappy stream in blosc block: " + e.getMessage(), e);
            }
        }

        @Override
        int compress(byte[] src, int off, int len, byte[] dst, int dstOff, int maxOut, int clevel) {
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
    },
    /** zlib streams (RFC 1950, as zlib's {@code compress2} writes them). */
    ZLIB(4, 3, "zlib") {
        @Override
        void decompressExactly(byte[] src, int off, int len, byte[] dst, int dstOff, int expected) {
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
                checkLength(n, expected);
            } catch (DataFormatException e) {
                throw new HdfFilterException("Corrupt zlib stream in blosc block: " + e.getMessage(), e);
            } finally {
                inflater.end();
            }
        }

        @Override
        int compress(byte[] src, int off, int len, byte[] dst, int dstOff, int maxOut, int clevel) {
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
    },
    /** Zstandard frames (zstd-jni). */
    ZSTD(5, 4, "zstd") {
        @Override
        void decompressExactly(byte[] src, int off, int len, byte[] dst, int dstOff, int expected) {
            long n;
            try {
                n = Zstd.decompressByteArray(dst, dstOff, expected, src, off, len);
            } catch (RuntimeException e) {
                throw new HdfFilterException("Corrupt zstd stream in blosc block: " + e.getMessage(), e);
            }
            if (Zstd.isError(n)) {
                throw new HdfFilterException("Corrupt zstd stream in blosc block: " + Zstd.getErrorName(n));
            }
            checkLength(n, expected);
        }

        @Override
        int compress(byte[] src, int off, int len, byte[] dst, int dstOff, int maxOut, int clevel) {
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
    };

    private final int code;
    private final int format;
    private final String compressorName;

    InnerCodec(int code, int format, String compressorName) {
        this.code = code;
        this.format = format;
        this.compressorName = compressorName;
    }

    /** The hdf5-blosc compressor code ({@code cd_values[6]}). */
    public int code() {
        return code;
    }

    /** The format number stored in bits 5-7 of the container flags. */
    public int format() {
        return format;
    }

    /** The name c-blosc and PyTables use ({@code blosc:<name>}). */
    public String compressorName() {
        return compressorName;
    }

    /**
     * Decompresses one stream that must expand to exactly {@code expected} bytes.
     *
     * @throws HdfFilterException when the stream is corrupt or has another length
     */
    abstract void decompressExactly(byte[] src, int off, int len, byte[] dst, int dstOff, int expected);

    /**
     * Compresses one stream.
     *
     * @return the compressed size, or 0 when it would not fit in {@code maxOut} bytes
     */
    abstract int compress(byte[] src, int off, int len, byte[] dst, int dstOff, int maxOut, int clevel);

    /**
     * Looks up a codec by hdf5-blosc compressor code.
     *
     * @throws HdfFilterException for unknown codes
     */
    public static InnerCodec fromCode(int code) {
        for (InnerCodec codec : values()) {
            if (codec.code == code) {
                return codec;
            }
        }
        throw new HdfFilterException("Unknown blosc compressor code " + code
                + " (expected 0 blosclz, 1 lz4, 2 lz4hc, 3 snappy, 4 zlib, 5 zstd)");
    }

    /**
     * Looks up the decoder for a container's format number (lz4 and lz4hc share format 1).
     *
     * @throws HdfFilterException for unknown formats
     */
    public static InnerCodec fromFormat(int format) {
        for (InnerCodec codec : values()) {
            if (codec.format == format) {
                return codec;
            }
        }
        throw new HdfFilterException("Corrupt blosc header: compressor format " + format
                + " in flags is not one of 0 blosclz, 1 lz4, 2 snappy, 3 zlib, 4 zstd");
    }

    private static void checkLength(long actual, int expected) {
        if (actual != expected) {
            throw new HdfFilterException("Corrupt blosc block: stream decoded to " + actual + " bytes, expected "
                    + expected);
        }
    }

    private static void decompressLz4(byte[] src, int off, int len, byte[] dst, int dstOff, int expected) {
        int n;
        try {
            n = Lz4.DECOMPRESSOR.decompress(src, off, len, dst, dstOff, expected);
        } catch (LZ4Exception e) {
            throw new HdfFilterException("Corrupt lz4 stream in blosc block: " + e.getMessage(), e);
        }
        checkLength(n, expected);
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
