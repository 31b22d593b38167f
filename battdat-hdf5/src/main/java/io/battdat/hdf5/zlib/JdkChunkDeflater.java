package io.battdat.hdf5.zlib;

import java.util.Arrays;
import java.util.zip.Deflater;

/** {@link ChunkDeflater} on the JDK's zlib. */
final class JdkChunkDeflater implements ChunkDeflater {
    private final Deflater deflater;

    JdkChunkDeflater(int level) {
        deflater = new Deflater(level);
    }

    @Override
    public Deflated deflate(byte[] input, int length) {
        deflater.reset();
        deflater.setInput(input, 0, length);
        deflater.finish();
        byte[] out = new byte[ChunkDeflater.bound(length)];
        int size = 0;
        while (!deflater.finished()) {
            if (size == out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            size += deflater.deflate(out, size, out.length - size);
        }
        return new Deflated(out, size);
    }

    @Override
    public void close() {
        deflater.end();
    }
}
