package io.battdat.hdf5.zlib;

import com.intel.gkl.compression.IntelDeflater;

import java.util.zip.Adler32;

/**
 * {@link ChunkDeflater} on ISA-L's fast levels (1 and 2) through GKL's {@code IntelDeflater}, which writes raw
 * deflate data only at those levels: this class wraps it in the zlib header and adler32 trailer, so the stream is
 * one any zlib (PyTables' included) inflates.
 */
final class IsalChunkDeflater implements ChunkDeflater {
    /** CMF 0x78 (deflate, 32 KiB window), FLG 0x01 (fastest level, no dictionary, header check). */
    private static final byte CMF = 0x78;
    private static final byte FLG = 0x01;

    private final IntelDeflater deflater;
    private final Adler32 adler = new Adler32();
    private byte[] scratch = new byte[0];

    IsalChunkDeflater(int level) {
        deflater = new IntelDeflater(level, true);
    }

    @Override
    public Deflated deflate(byte[] input, int length) {
        int bound = ChunkDeflater.bound(length);
        if (scratch.length < bound) {
            scratch = new byte[bound];
        }
        byte[] out = new byte[bound + 6];
        out[0] = CMF;
        out[1] = FLG;
        int size = 2;
        deflater.reset();
        deflater.setInput(input, 0, length);
        deflater.finish();
        // ISA-L's stateless deflate writes the whole stream in one call, into an array that holds any stream
        int n = deflater.deflate(scratch, 0, scratch.length);
        if (!deflater.finished()) {
            throw new IllegalStateException("ISA-L deflate did not finish a chunk of " + length + " bytes");
        }
        System.arraycopy(scratch, 0, out, size, n);
        size += n;
        adler.reset();
        adler.update(input, 0, length);
        int sum = (int) adler.getValue();
        out[size] = (byte) (sum >>> 24);
        out[size + 1] = (byte) (sum >>> 16);
        out[size + 2] = (byte) (sum >>> 8);
        out[size + 3] = (byte) sum;
        return new Deflated(out, size + 4);
    }

    @Override
    public void close() {
        deflater.end();
    }
}
