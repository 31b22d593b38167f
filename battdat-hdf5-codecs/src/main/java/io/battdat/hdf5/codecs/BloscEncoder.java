package io.battdat.hdf5.codecs;

import io.battdat.hdf5.shuffle.ByteShuffle;
import java.util.Arrays;

/**
 * Builds blosc 1.x containers that c-blosc decodes, choosing block sizes and block splitting the way c-blosc 1.21
 * does by default (the "forward compatible" split mode). Data that does not compress is stored as an uncompressed
 * container, so encoding always succeeds.
 */
public final class BloscEncoder {

    private static final int L1 = 32 * 1024;
    /** Largest working buffer a thread keeps between chunks; bigger chunks get buffers of their own. */
    private static final int MAX_KEPT_BUFFER = 4 << 20;
    /** Per thread: the container being built and the shuffled block, reused from chunk to chunk. */
    private static final ThreadLocal<byte[][]> BUFFERS = ThreadLocal.withInitial(() -> new byte[2][0]);

    private BloscEncoder() {
    }

    /** A chunk of elements that writes any run of them byte-shuffled (byte j of element first+i at j * count + i). */
    @FunctionalInterface
    public interface ElementSource {
        /**
         * Writes elements {@code [first, first + count)} byte-shuffled into {@code dst} from {@code dstOff}.
         *
         * @param first  first element
         * @param count  elements
         * @param dst    receives {@code count * elementSize} bytes
         * @param dstOff where they start
         */
        void shuffled(int first, int count, byte[] dst, int dstOff);
    }

    /**
     * Compresses a chunk of {@code elements} elements of {@code elementSize} bytes that {@code source} writes
     * block by block already shuffled, giving exactly the container {@link #encode} gives for the chunk packed as
     * rows. The source is asked for whole blocks when the shuffle is a byte shuffle by the element size; for any
     * other setting, or a container stored uncompressed, the rows are rebuilt from it first.
     *
     * @param source      the chunk
     * @param elements    elements in the chunk
     * @param elementSize bytes per element
     * @param typesize    element size for the shuffle, as in {@link #encode}
     * @param clevel      0 (store) to 9
     * @param shuffle     shuffle applied to every block
     * @param codec       inner compressor
     * @return the container
     */
    public static byte[] encode(ElementSource source, int elements, int elementSize, int typesize, int clevel,
                                ShuffleMode shuffle, InnerCodec codec) {
        checkSize(elements, elementSize);
        java.nio.ByteBuffer built = byBlocks(source, elements, elementSize, typesize, clevel, shuffle, codec);
        return built != null ? Arrays.copyOf(built.array(), built.limit())
                : encode(rows(source, elements, elementSize), typesize, clevel, shuffle, codec);
    }

    /**
     * {@link #encode(ElementSource, int, int, int, int, ShuffleMode, InnerCodec)} into {@code target} when the
     * container fits there (the writer's reused direct buffers: no array per chunk, and no copy by the JDK before the
     * write); else into a new buffer.
     *
     * @return the container from position 0 to the limit: {@code target}, or a new buffer when it did not fit
     */
    public static java.nio.ByteBuffer encode(ElementSource source, int elements, int elementSize, int typesize,
                                             int clevel, ShuffleMode shuffle, InnerCodec codec,
                                             java.nio.ByteBuffer target) {
        checkSize(elements, elementSize);
        java.nio.ByteBuffer built = byBlocks(source, elements, elementSize, typesize, clevel, shuffle, codec);
        if (built != null && built.limit() <= target.capacity()) {
            return target.clear().put(built).flip();
        }
        byte[] stored = built != null ? Arrays.copyOf(built.array(), built.limit())
                : encode(rows(source, elements, elementSize), typesize, clevel, shuffle, codec);
        return stored.length <= target.capacity() ? target.clear().put(stored).flip()
                : java.nio.ByteBuffer.wrap(stored);
    }

    private static void checkSize(int elements, int elementSize) {
        if (elements < 0 || elementSize < 1 || (long) elements * elementSize > BloscHeader.MAX_BUFFERSIZE) {
            throw new IllegalArgumentException("Blosc cannot compress " + elements + " elements of " + elementSize
                    + " bytes");
        }
    }

    /**
     * The container built straight from the source's shuffled blocks, as a view of this thread's working buffer
     * (valid until this thread's next encode); null when the settings need the rows path (another shuffle or type
     * size, level 0, a chunk below Blosc's minimum) or when the container would not be smaller than the chunk.
     */
    private static java.nio.ByteBuffer byBlocks(ElementSource source, int elements, int elementSize, int typesize,
                                                int clevel, ShuffleMode shuffle, InnerCodec codec) {
        int ts = typesize < 1 || typesize > 255 ? 1 : typesize;
        int nbytes = elements * elementSize;
        if (shuffle != ShuffleMode.BYTE || ts != elementSize || ts == 1 || clevel < 1 || clevel > 9
                || nbytes < BloscDecoder.MIN_BUFFERSIZE) {
            return null;
        }
        int blocksize = computeBlocksize(codec, clevel, ts, nbytes);
        boolean split = splitBlock(codec, ts, blocksize);
        int flags = (split ? 0 : BloscHeader.FLAG_DONT_SPLIT) | codec.format() << 5 | BloscHeader.FLAG_BYTE_SHUFFLE;
        byte[] out = buffer(0, nbytes + BloscHeader.LENGTH);
        int length = compress(null, source, out, nbytes, ts, clevel, shuffle, codec, blocksize, split, flags);
        return length > 0 ? java.nio.ByteBuffer.wrap(out, 0, length) : null;
    }

    /** The chunk packed as rows: every element shuffled as one block, then unshuffled (only on rare paths). */
    private static byte[] rows(ElementSource source, int elements, int elementSize) {
        int nbytes = elements * elementSize;
        byte[] shuffled = new byte[nbytes];
        source.shuffled(0, elements, shuffled, 0);
        byte[] rows = new byte[nbytes];
        ByteShuffle.unshuffle(elementSize, nbytes, shuffled, 0, rows, 0);
        return rows;
    }

    /**
     * Compresses {@code data} as one container.
     *
     * @param data     the chunk
     * @param typesize element size for the shuffle; values outside 1-255 are treated as 1, like c-blosc
     * @param clevel   0 (store) to 9
     * @param shuffle  shuffle applied to every block
     * @param codec    inner compressor
     * @return the container
     */
    public static byte[] encode(byte[] data, int typesize, int clevel, ShuffleMode shuffle, InnerCodec codec) {
        if (data.length > BloscHeader.MAX_BUFFERSIZE) {
            throw new IllegalArgumentException("Blosc cannot compress more than " + BloscHeader.MAX_BUFFERSIZE
                    + " bytes, got " + data.length);
        }
        if (clevel < 0 || clevel > 9) {
            throw new IllegalArgumentException("Blosc clevel must be 0-9, got " + clevel);
        }
        int ts = typesize < 1 || typesize > 255 ? 1 : typesize;
        int nbytes = data.length;
        int blocksize = computeBlocksize(codec, clevel, ts, nbytes);
        boolean split = splitBlock(codec, ts, blocksize);
        int flags = (split ? 0 : BloscHeader.FLAG_DONT_SPLIT) | codec.format() << 5;
        if (shuffle == ShuffleMode.BYTE) {
            flags |= BloscHeader.FLAG_BYTE_SHUFFLE;
        } else if (shuffle == ShuffleMode.BIT) {
            flags |= BloscHeader.FLAG_BIT_SHUFFLE;
        }
        if (clevel > 0 && nbytes >= BloscDecoder.MIN_BUFFERSIZE) {
            byte[] out = buffer(0, nbytes + BloscHeader.LENGTH);
            int length = compress(data, null, out, nbytes, ts, clevel, shuffle, codec, blocksize, split, flags);
            if (length > 0) {
                return Arrays.copyOf(out, length);
            }
        }
        byte[] out = new byte[nbytes + BloscHeader.LENGTH];
        writeHeader(out, codec, flags | BloscHeader.FLAG_MEMCPYED, ts, nbytes, blocksize, out.length);
        System.arraycopy(data, 0, out, BloscHeader.LENGTH, nbytes);
        return out;
    }

    /**
     * Writes into {@code out} (room for {@code nbytes + BloscHeader.LENGTH}) the container of a chunk given either as
     * rows ({@code data}) or as a source of shuffled blocks (then the shuffle is a byte shuffle whose type size is the
     * element size, so every block holds whole elements) and returns its length; -1 when it would not be smaller than
     * the chunk stored uncompressed.
     */
    private static int compress(byte[] data, ElementSource source, byte[] out, int nbytes, int typesize, int clevel,
                                ShuffleMode shuffle, InnerCodec codec, int blocksize, boolean split, int flags) {
        int nblocks = nbytes / blocksize + (nbytes % blocksize == 0 ? 0 : 1);
        // a container larger than the stored form is useless, so that is the output budget
        int maxBytes = nbytes + BloscHeader.LENGTH;
        byte[] shuffled = shuffle == ShuffleMode.NONE ? null : buffer(1, blocksize);
        long position = BloscHeader.LENGTH + 4L * nblocks;
        if (position > maxBytes) {
            return -1;
        }
        int ntbytes = (int) position;
        for (int block = 0; block < nblocks; block++) {
            int blockStart = block * blocksize;
            boolean leftover = block == nblocks - 1 && nbytes % blocksize != 0;
            int bsize = leftover ? nbytes - blockStart : blocksize;
            LittleEndian.putInt(out, BloscHeader.LENGTH + 4 * block, ntbytes);
            byte[] src = data;
            int srcOff = blockStart;
            if (source != null) {
                source.shuffled(blockStart / typesize, bsize / typesize, shuffled, 0);
                src = shuffled;
                srcOff = 0;
            } else if (shuffle == ShuffleMode.BYTE && typesize > 1) {
                ByteShuffle.shuffle(typesize, bsize, data, blockStart, shuffled, 0);
                src = shuffled;
                srcOff = 0;
            } else if (shuffle == ShuffleMode.BIT && bsize >= typesize) {
                BitShuffle.shuffle(typesize, bsize, data, blockStart, shuffled, 0);
                src = shuffled;
                srcOff = 0;
            }
            int nsplits = split && !leftover ? typesize : 1;
            int neblock = bsize / nsplits;
            for (int j = 0; j < nsplits; j++) {
                if (ntbytes + 4 > maxBytes) {
                    return -1;
                }
                int lengthAt = ntbytes;
                ntbytes += 4;
                // anything not smaller than the raw split is stored raw, which the decoder recognises by its length
                int budget = Math.min(neblock - 1, maxBytes - ntbytes);
                int n = budget > 0
                        ? codec.compress(src, srcOff + j * neblock, neblock, out, ntbytes, budget, clevel) : 0;
                if (n <= 0 || n >= neblock) {
                    if (neblock > maxBytes - ntbytes) {
                        return -1;
                    }
                    System.arraycopy(src, srcOff + j * neblock, out, ntbytes, neblock);
                    n = neblock;
                }
                LittleEndian.putInt(out, lengthAt, n);
                ntbytes += n;
            }
        }
        writeHeader(out, codec, flags, typesize, nbytes, blocksize, ntbytes);
        return ntbytes;
    }

    /**
     * This thread's working buffer {@code which} with room for {@code size} bytes (its contents are garbage). The
     * compressed chunk is copied out of it (into an array or the caller's buffer), so no caller ever sees a buffer
     * another chunk reuses.
     */
    private static byte[] buffer(int which, int size) {
        byte[][] buffers = BUFFERS.get();
        if (buffers[which].length >= size) {
            return buffers[which];
        }
        byte[] fresh = new byte[size];
        if (size <= MAX_KEPT_BUFFER) {
            buffers[which] = fresh;
        }
        return fresh;
    }

    private static void writeHeader(byte[] out, InnerCodec codec, int flags, int typesize, int nbytes,
                                     int blocksize, int cbytes) {
        out[0] = (byte) BloscParameters.BLOSC_FORMAT_VERSION;
        out[1] = 1; // every blosc 1.x inner codec is at format version 1
        out[2] = (byte) flags;
        out[3] = (byte) typesize;
        LittleEndian.putInt(out, 4, nbytes);
        LittleEndian.putInt(out, 8, blocksize);
        LittleEndian.putInt(out, 12, cbytes);
    }

    /** c-blosc's split decision in its default (forward compatible) mode. */
    static boolean splitBlock(InnerCodec codec, int typesize, int blocksize) {
        return codec != InnerCodec.ZSTD && typesize <= BloscDecoder.MAX_SPLITS
                && blocksize / typesize >= BloscDecoder.MIN_BUFFERSIZE;
    }

    /** c-blosc's automatic block size for a buffer of {@code nbytes}. */
    static int computeBlocksize(InnerCodec codec, int clevel, int typesize, int nbytes) {
        if (nbytes < typesize) {
            return 1;
        }
        boolean highRatio = codec == InnerCodec.LZ4HC || codec == InnerCodec.ZLIB || codec == InnerCodec.ZSTD;
        long blocksize = nbytes;
        if (nbytes >= L1) {
            blocksize = highRatio ? 2L * L1 : L1;
            blocksize = switch (clevel) {
                case 0 -> blocksize / 4;
                case 1 -> blocksize / 2;
                case 2 -> blocksize;
                case 3 -> blocksize * 2;
                case 4, 5 -> blocksize * 4;
                case 6, 7, 8 -> blocksize * 8;
                default -> blocksize * (highRatio ? 16 : 8);
            };
        }
        if (clevel > 0 && splitBlock(codec, typesize, (int) blocksize)) {
            blocksize = Math.min(blocksize, 1 << 18) * typesize;
            blocksize = Math.max(blocksize, 1 << 16);
            blocksize = Math.min(blocksize, 1 << 20);
        }
        if (blocksize > nbytes) {
            blocksize = nbytes;
        }
        if (blocksize > typesize) {
            blocksize = blocksize / typesize * typesize;
        }
        return (int) blocksize;
    }
}
