package io.battdat.hdf5.codecs;

import io.battdat.hdf5.shuffle.ByteShuffle;
import io.jhdf.exceptions.HdfFilterException;

/**
 * Decompresses a blosc 1.x container: header, table of block start offsets, then per block either one stream or,
 * when the block is split, one stream per byte of the type; each stream is prefixed by its 4-byte compressed length
 * and is stored raw when that length equals its uncompressed size.
 */
public final class BloscDecoder {

    /** c-blosc only splits blocks for types of at most this many bytes ({@code MAX_SPLITS}). */
    static final int MAX_SPLITS = 16;
    /** c-blosc only splits blocks of at least this many elements ({@code MIN_BUFFERSIZE}). */
    static final int MIN_BUFFERSIZE = 128;

    private BloscDecoder() {
    }

    /**
     * Decodes one container.
     *
     * @param buf       the compressed chunk
     * @param maxNbytes the largest uncompressed size to accept
     * @return the uncompressed bytes
     * @throws HdfFilterException when the container is malformed
     */
    public static byte[] decode(byte[] buf, int maxNbytes) {
        BloscHeader header = BloscHeader.parse(buf, maxNbytes);
        byte[] out = new byte[header.nbytes()];
        decode(buf, header, out, false);
        return out;
    }

    /**
     * Whether {@link #decode(byte[], BloscHeader, byte[], boolean)} can leave the blocks of this container
     * byte-shuffled by elements of {@code elementSize} bytes: the container is byte-shuffled by that type size
     * and every block holds whole elements.
     */
    public static boolean canKeepShuffle(BloscHeader header, int elementSize) {
        return header.nbytes() > 0 && !header.isMemcpyed() && header.shuffle() == ShuffleMode.BYTE
                && elementSize > 1 && header.typesize() == elementSize && header.blocksize() % elementSize == 0;
    }

    /**
     * Decodes a container whose header has been {@linkplain BloscHeader#parse parsed} into {@code out}
     * ({@code header.nbytes()} bytes from position 0).
     *
     * @param keepShuffle leave each block byte-shuffled (only where {@link #canKeepShuffle} holds): every block is
     *                    decoded straight into its place in {@code out}, with no transposing pass
     * @throws HdfFilterException when the container is malformed
     */
    public static void decode(byte[] buf, BloscHeader header, byte[] out, boolean keepShuffle) {
        int nbytes = header.nbytes();
        if (keepShuffle && !canKeepShuffle(header, header.typesize())) {
            throw new IllegalArgumentException("the blocks of this container are not byte-shuffled whole elements");
        }
        if (nbytes == 0) {
            return;
        }
        if (header.isMemcpyed()) {
            // c-blosc copies stored chunks verbatim and ignores the shuffle flags for them
            System.arraycopy(buf, BloscHeader.LENGTH, out, 0, nbytes);
            return;
        }
        if (header.codecVersion() != 1) {
            throw new HdfFilterException("Corrupt blosc header: compressor format version = "
                    + header.codecVersion() + ", only version 1 exists for blosc 1.x codecs");
        }
        InnerCodec codec = InnerCodec.fromFormat(header.codecFormat());
        int blocksize = header.blocksize();
        int typesize = header.typesize();
        int nblocks = header.blockCount();
        int cbytes = header.cbytes();
        ShuffleMode shuffle = keepShuffle ? ShuffleMode.NONE : header.shuffle();
        byte[] tmp = shuffle == ShuffleMode.NONE ? null : new byte[blocksize];

        for (int block = 0; block < nblocks; block++) {
            int blockStart = block * blocksize;
            boolean leftover = block == nblocks - 1 && nbytes % blocksize != 0;
            int bsize = leftover ? nbytes - blockStart : blocksize;
            int offset = LittleEndian.getInt(buf, BloscHeader.LENGTH + 4 * block);
            boolean unshuffle = shuffle == ShuffleMode.BYTE ? typesize > 1
                    : shuffle == ShuffleMode.BIT && bsize >= typesize;
            byte[] target = unshuffle ? tmp : out;
            int targetOff = unshuffle ? 0 : blockStart;
            decodeBlock(buf, cbytes, block, offset, header, codec, bsize, leftover, target, targetOff);
            if (unshuffle) {
                if (shuffle == ShuffleMode.BYTE) {
                    ByteShuffle.unshuffle(typesize, bsize, tmp, 0, out, blockStart);
                } else {
                    BitShuffle.unshuffle(typesize, bsize, tmp, 0, out, blockStart);
                }
            }
        }
    }

    private static void decodeBlock(byte[] buf, int cbytes, int block, int offset, BloscHeader header,
                                    InnerCodec codec, int bsize, boolean leftover, byte[] dst, int dstOff) {
        int typesize = header.typesize();
        // the same rule as c-blosc's blosc_d, which also covers containers written before the split flag existed
        boolean split = !header.dontSplit() && !leftover && typesize <= MAX_SPLITS
                && header.blocksize() / typesize >= MIN_BUFFERSIZE;
        int nsplits = split ? typesize : 1;
        if (bsize % nsplits != 0) {
            throw new HdfFilterException("Corrupt blosc header: blocksize = " + bsize
                    + " is not a multiple of typesize = " + typesize + " for a split block");
        }
        int neblock = bsize / nsplits;
        for (int j = 0; j < nsplits; j++) {
            if (offset < BloscHeader.LENGTH || offset > cbytes - 4) {
                throw new HdfFilterException("Corrupt blosc chunk: block " + block + " stream " + j
                        + " starts at offset " + offset + ", outside the " + cbytes + "-byte container");
            }
            int streamLength = LittleEndian.getInt(buf, offset);
            offset += 4;
            if (streamLength < 0 || streamLength > cbytes - offset) {
                throw new HdfFilterException("Corrupt blosc chunk: block " + block + " stream " + j
                        + " claims a compressed length of " + Integer.toUnsignedLong(streamLength) + " bytes but only "
                        + (cbytes - offset) + " bytes are left");
            }
            if (streamLength == neblock) {
                System.arraycopy(buf, offset, dst, dstOff, neblock);
            } else {
                codec.decompressExactly(buf, offset, streamLength, dst, dstOff, neblock);
            }
            offset += streamLength;
            dstOff += neblock;
        }
    }
}
