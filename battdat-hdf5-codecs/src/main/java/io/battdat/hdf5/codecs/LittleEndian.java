package io.battdat.hdf5.codecs;

/** Little-endian 32-bit reads and writes, the byte order of every blosc header field. */
final class LittleEndian {

    private LittleEndian() {
    }

    static int getInt(byte[] buf, int offset) {
        return (buf[offset] & 0xFF)
                | (buf[offset + 1] & 0xFF) << 8
                | (buf[offset + 2] & 0xFF) << 16
                | (buf[offset + 3] & 0xFF) << 24;
    }

    static void putInt(byte[] buf, int offset, int value) {
        buf[offset] = (byte) value;
        buf[offset + 1] = (byte) (value >>> 8);
        buf[offset + 2] = (byte) (value >>> 16);
        buf[offset + 3] = (byte) (value >>> 24);
    }
}
