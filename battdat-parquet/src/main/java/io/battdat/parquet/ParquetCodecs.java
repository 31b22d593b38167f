package io.battdat.parquet;

import io.airlift.compress.lz4.Lz4Compressor;
import io.airlift.compress.lz4.Lz4Decompressor;
import com.github.luben.zstd.Zstd;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The page codecs this backend reads and writes, built on snappy-java, zstd-jni, aircompressor and the JDK's zlib.
 * parquet-java's own codec factory goes through Hadoop's {@code CompressionCodec} classes; this one keeps Hadoop off
 * the class path. Stateless, so one instance serves every thread.
 */
final class ParquetCodecs implements CompressionCodecFactory {
    static final ParquetCodecs INSTANCE = new ParquetCodecs();

    /** The codecs handled; others (LZO, Brotli, Hadoop-framed LZ4) are refused by name when a table is opened. */
    static final Set<CompressionCodecName> SUPPORTED = EnumSet.of(CompressionCodecName.UNCOMPRESSED,
            CompressionCodecName.SNAPPY, CompressionCodecName.GZIP, CompressionCodecName.ZSTD,
            CompressionCodecName.LZ4_RAW);

    private ParquetCodecs() {
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codecName) {
        return getCompressor(codecName, -1);
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codecName, int level) {
        return new Compressor(codecName, level);
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codecName) {
        if (!SUPPORTED.contains(codecName)) {
            throw new IllegalArgumentException("no decoder for Parquet codec " + codecName);
        }
        return new Decompressor(codecName);
    }

    @Override
    public void release() {
        // nothing pooled
    }

    private static final class Compressor implements BytesInputCompressor {
        private final CompressionCodecName codec;
        private final int level;

        Compressor(CompressionCodecName codec, int level) {
            if (!SUPPORTED.contains(codec)) {
                throw new IllegalArgumentException("no encoder for Parquet codec " + codec);
            }
            this.codec = codec;
            this.level = level;
        }

        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            if (codec == CompressionCodecName.UNCOMPRESSED) {
                return bytes;
            }
            byte[] in = bytes.toByteArray();
            switch (codec) {
                case SNAPPY -> {
                    byte[] out = new byte[Snappy.maxCompressedLength(in.length)];
                    int n = Snappy.compress(in, 0, in.length, out, 0);
                    return BytesInput.from(out, 0, n);
                }
                case ZSTD -> {
                    return BytesInput.from(Zstd.compress(in, level < 0 ? 3 : level));
                }
                case LZ4_RAW -> {
                    Lz4Compressor lz4 = new Lz4Compressor();
                    byte[] out = new byte[lz4.maxCompressedLength(in.length)];
                    int n = lz4.compress(in, 0, in.length, out, 0, out.length);
                    return BytesInput.from(out, 0, n);
                }
                default -> {
                    ByteArrayOutputStream sink = new ByteArrayOutputStream(in.length / 2 + 64);
                    int deflateLevel = level < 0 ? 6 : level;
                    try (GZIPOutputStream gz = new GZIPOutputStream(sink, 65536) {
                        {
                            def.setLevel(deflateLevel);
                        }
                    }) {
                        gz.write(in);
                    }
                    return BytesInput.from(sink.toByteArray());
                }
            }
        }

        @Override
        public CompressionCodecName getCodecName() {
            return codec;
        }

        @Override
        public void release() {
            // nothing pooled
        }
    }

    private static final class Decompressor implements BytesInputDecompressor {
        private final CompressionCodecName codec;

        Decompressor(CompressionCodecName codec) {
            this.codec = codec;
        }

        @Override
        public BytesInput decompress(BytesInput bytes, int decompressedSize) throws IOException {
            if (codec == CompressionCodecName.UNCOMPRESSED) {
                return bytes;
            }
            return BytesInput.from(decode(bytes.toByteArray(), decompressedSize));
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize)
                throws IOException {
            byte[] in = new byte[compressedSize];
            input.get(in);
            output.put(codec == CompressionCodecName.UNCOMPRESSED ? in : decode(in, decompressedSize));
        }

        private byte[] decode(byte[] in, int size) throws IOException {
            byte[] out = new byte[size];
            int n;
            switch (codec) {
                case SNAPPY -> n = Snappy.uncompress(in, 0, in.length, out, 0);
                case ZSTD -> {
                    long r = Zstd.decompressByteArray(out, 0, size, in, 0, in.length);
                    if (Zstd.isError(r)) {
                        throw new IOException("zstd: " + Zstd.getErrorName(r));
                    }
                    n = (int) r;
                }
                case LZ4_RAW -> n = new Lz4Decompressor().decompress(in, 0, in.length, out, 0, size);
                default -> {
                    try (InputStream gz = new GZIPInputStream(new java.io.ByteArrayInputStream(in), 65536)) {
                        n = gz.readNBytes(out, 0, size);
                    }
                }
            }
            if (n != size) {
                throw new IOException(codec + " page decoded to " + n + " bytes, the header says " + size);
            }
            return out;
        }

        @Override
        public void release() {
            // nothing pooled
        }
    }
}
