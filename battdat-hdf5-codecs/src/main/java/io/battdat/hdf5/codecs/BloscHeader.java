package io.battdat.hdf5.codecs;

import io.jhdf.exceptions.HdfFilterException;

/**
 * The 16-byte header of a blosc 1.x container, validated against the buffer it came from.
 *
 * <p>Layout (all integers little-endian): byte 0 format version, byte 1 inner codec format version, byte 2 flags
 * (0x1 byte shuffle, 0x2 stored uncompressed, 0x4 bit shuffle, 0x10 blocks not split, bits 5-7 inner codec
 * format), byte 3 type size, bytes 4-7 uncompressed size {@code nbytes}, bytes 8-11 {@code blocksize}, bytes 12-15
 * total compressed size {@code cbytes} including this header.
 *
 * @param version       blosc container format version (1 or 2)
 * @param codecVersion  format version of the inner codec
 * @param flags         the raw flag byte
 * @param typesize      element size used by the shuffles
 * @param nbytes        uncompressed size of the whole chunk
 * @param blocksize     uncompressed size of every block but possibly the last
 * @param cbytes        size of the container including the header
 */
public record BloscHeader(int version, int codecVersion, int flags, int typesize, int nbytes, int blocksize,
                          int cbytes) {

    /** Size of the fixed header. */
    public static final int LENGTH = 16;
    /** Largest block c-blosc accepts ({@code BLOSC_MAX_BLOCKSIZE}). */
    public static final int MAX_BLOCKSIZE = (Integer.MAX_VALUE - 255 * 4) / 3;
    /** Largest uncompressed buffer c-blosc accepts ({@code BLOSC_MAX_BUFFERSIZE}). */
    public static final int MAX_BUFFERSIZE = Integer.MAX_VALUE - LENGTH;

    static final int FLAG_BYTE_SHUFFLE = 0x1;
    static final int FLAG_MEMCPYED = 0x2;
    static final int FLAG_BIT_SHUFFLE = 0x4;
    static final int FLAG_RESERVED = 0x8;
    static final int FLAG_DONT_SPLIT = 0x10;

    /**
     * Reads and validates the header at the start of {@code buf}.
     *
     * @param buf       the compressed chunk
     * @param maxNbytes the largest uncompressed size the caller will allocate
     * @throws HdfFilterException when the buffer is too short or a field is out of range
     */
    public static BloscHeader parse(byte[] buf, int maxNbytes) {
        return parse(buf, buf.length, maxNbytes);
    }

    /**
     * Reads and validates the header of a chunk held in {@code buf[0, length)}.
     *
     * @param length    bytes of the chunk, at most {@code buf.length}
     * @param maxNbytes the largest uncompressed size the caller will allocate
     * @throws HdfFilterException when the chunk is too short or a field is out of range
     */
    public static BloscHeader parse(byte[] buf, int length, int maxNbytes) {
        if (length < LENGTH) {
            throw new HdfFilterException("Blosc chunk of " + length + " bytes is shorter than the "
                    + LENGTH + "-byte blosc header");
        }
        BloscHeader header = new BloscHeader(buf[0] & 0xFF, buf[1] & 0xFF, buf[2] & 0xFF, buf[3] & 0xFF,
                LittleEndian.getInt(buf, 4), LittleEndian.getInt(buf, 8), LittleEndian.getInt(buf, 12));
        header.validate(length, maxNbytes);
        return header;
    }

    private void validate(int available, int maxNbytes) {
        if (version < 1 || version > 2) {
            throw fail("format version", version, "only blosc 1.x container versions 1 and 2 are supported");
        }
        if (cbytes < LENGTH || cbytes > available) {
            throw fail("cbytes", cbytes, "must be between " + LENGTH + " and the " + available
                    + " bytes present in the chunk");
        }
        if (nbytes < 0 || nbytes > maxNbytes) {
            throw fail("nbytes", Integer.toUnsignedLong(nbytes), "must be between 0 and " + maxNbytes
                    + " (the expected chunk size or the decoded chunk size cap)");
        }
        if (nbytes == 0) {
            return;
        }
        if ((flags & FLAG_RESERVED) != 0) {
            throw fail("flags", flags, "reserved bit 0x8 is set (a compressor flag from a newer blosc)");
        }
        if (typesize == 0) {
            throw fail("typesize", typesize, "must be at least 1");
        }
        if (blocksize <= 0 || blocksize > nbytes || blocksize > MAX_BLOCKSIZE) {
            throw fail("blocksize", Integer.toUnsignedLong(blocksize), "must be between 1 and nbytes ("
                    + nbytes + ")");
        }
        if (isMemcpyed()) {
            if ((long) nbytes + LENGTH != cbytes) {
                throw fail("cbytes", cbytes, "an uncompressed (memcpyed) container must be nbytes + 16 = "
                        + ((long) nbytes + LENGTH) + " bytes");
            }
            return;
        }
        int nblocks = blockCount();
        if (nblocks > (cbytes - LENGTH) / 4) {
            throw fail("blocksize", blocksize, "gives " + nblocks + " blocks whose offset table does not fit in "
                    + cbytes + " compressed bytes");
        }
    }

    private HdfFilterException fail(String field, long value, String rule) {
        return new HdfFilterException("Corrupt blosc header: " + field + " = " + value + ", " + rule);
    }

    /** Whether the payload is the uncompressed data right after the header. */
    public boolean isMemcpyed() {
        return (flags & FLAG_MEMCPYED) != 0;
    }

    /** The shuffle recorded in the flags (byte shuffle wins if both bits are set, as in c-blosc). */
    public ShuffleMode shuffle() {
        if ((flags & FLAG_BYTE_SHUFFLE) != 0) {
            return ShuffleMode.BYTE;
        }
        return (flags & FLAG_BIT_SHUFFLE) != 0 ? ShuffleMode.BIT : ShuffleMode.NONE;
    }

    /** Whether the writer asked not to split blocks into one stream per byte of the type. */
    public boolean dontSplit() {
        return (flags & FLAG_DONT_SPLIT) != 0;
    }

    /** The inner codec format, bits 5-7 of the flags. */
    public int codecFormat() {
        return (flags >>> 5) & 0x7;
    }

    /** Number of blocks, counting a short last block. */
    public int blockCount() {
        return nbytes / blocksize + (nbytes % blocksize == 0 ? 0 : 1);
    }
}
