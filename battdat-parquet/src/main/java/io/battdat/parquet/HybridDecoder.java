package io.battdat.parquet;

import java.nio.ByteBuffer;

/**
 * Parquet's RLE / bit-packing hybrid encoding (definition levels and dictionary indices), decoded run by run into an
 * int array: an RLE run fills a range, a bit-packed run is unpacked LSB first through a 64-bit accumulator.
 */
final class HybridDecoder {
    private HybridDecoder() {
    }

    /**
     * Decodes {@code count} values of {@code bitWidth} bits from {@code buf[pos, end)} into {@code out[0, count)}.
     *
     * @return the position after the last run read
     * @throws IllegalArgumentException when the runs end before {@code count} values
     */
    static int decode(ByteBuffer buf, int pos, int end, int bitWidth, int[] out, int count) {
        int i = 0;
        int valueBytes = (bitWidth + 7) / 8;
        long mask = bitWidth == 32 ? 0xffff_ffffL : (1L << bitWidth) - 1;
        while (i < count) {
            if (pos >= end) {
                throw new IllegalArgumentException("RLE/bit-packed data ends after " + i + " of " + count + " values");
            }
            int header = 0;
            int shift = 0;
            int b;
            do {
                if (pos >= end || shift > 28) {
                    throw new IllegalArgumentException("bad run header at byte " + pos);
                }
                b = buf.get(pos++);
                header |= (b & 0x7f) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            if ((header & 1) == 0) {
                int run = header >>> 1;
                int value = 0;
                for (int k = 0; k < valueBytes; k++) {
                    value |= (buf.get(pos++) & 0xff) << (8 * k);
                }
                int n = Math.min(run, count - i);
                java.util.Arrays.fill(out, i, i + n, value);
                i += n;
            } else {
                int values = (header >>> 1) * 8;
                int bytes = (header >>> 1) * bitWidth;
                if (pos + bytes > end) {
                    throw new IllegalArgumentException("bit-packed run of " + values + " values passes the end of its page");
                }
                int n = Math.min(values, count - i);
                long acc = 0;
                int bits = 0;
                int p = pos;
                for (int k = 0; k < n; k++) {
                    while (bits < bitWidth) {
                        acc |= (buf.get(p++) & 0xffL) << bits;
                        bits += 8;
                    }
                    out[i + k] = (int) (acc & mask);
                    acc >>>= bitWidth;
                    bits -= bitWidth;
                }
                i += n;
                pos += bytes;
            }
        }
        return pos;
    }
}
