package io.battdat.hdf5.codecs;

import io.jhdf.exceptions.HdfFilterException;

import java.util.Arrays;

/**
 * Decoder for BloscLZ, the FastLZ-derived codec built into c-blosc (format version 1).
 *
 * <p>The stream is a sequence of tokens. The three high bits of the very first byte are a format marker and are
 * ignored. A control byte below 32 starts a literal run of {@code ctrl + 1} bytes. Otherwise it is a match: the
 * high three bits hold the length minus 2 (7 means "extended": following bytes are added while they are 255), the
 * low five bits and the next byte hold the distance minus 1; a near distance of 31*256+255 escapes to a 16-bit
 * big-endian "far" distance to which 8191 is added.
 */
public final class BlosclzDecoder {

    private static final int MAX_DISTANCE = 8191;

    private BlosclzDecoder() {
    }

    /**
     * Decodes one stream.
     *
     * @param src    compressed bytes
     * @param srcOff first compressed byte
     * @param srcLen number of compressed bytes
     * @param dst    output array
     * @param dstOff where to write
     * @param maxOut how many bytes may be written
     * @return the number of bytes written
     * @throws HdfFilterException when the stream is malformed or decodes to more than {@code maxOut} bytes
     */
    public static int decode(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int maxOut) {
        if (srcLen == 0) {
            return 0;
        }
        if (srcOff < 0 || srcLen < 0 || srcOff > src.length - srcLen || dstOff < 0 || maxOut < 0
                || dstOff > dst.length - maxOut) {
            throw new IllegalArgumentException("Buffer range out of bounds");
        }
        final int ipEnd = srcOff + srcLen;
        final int opEnd = dstOff + maxOut;
        int ip = srcOff;
        int op = dstOff;
        int ctrl = src[ip++] & 31;

        while (true) {
            if (ctrl >= 32) {
                int len = (ctrl >>> 5) - 1;
                int distance = (ctrl & 31) << 8;
                if (len == 6) {
                    int code;
                    do {
                        if (ip >= ipEnd) {
                            throw corrupt("extended match length runs past the end of the stream", ip - srcOff);
                        }
                        code = src[ip++] & 0xFF;
                        len += code;
                    } while (code == 255);
                }
                if (ip >= ipEnd) {
                    throw corrupt("match distance byte missing at the end of the stream", ip - srcOff);
                }
                int code = src[ip++] & 0xFF;
                len += 3;
                distance += code;
                if (code == 255 && (ctrl & 31) == 31) {
                    if (ip + 1 >= ipEnd) {
                        throw corrupt("far match distance runs past the end of the stream", ip - srcOff);
                    }
                    distance = ((src[ip] & 0xFF) << 8 | (src[ip + 1] & 0xFF)) + MAX_DISTANCE;
                    ip += 2;
                }
                // the encoded distance is biased by one
                int ref = op - distance - 1;
                if (len > opEnd - op) {
                    throw corrupt("match of " + len + " bytes overruns the " + maxOut + "-byte output", ip - srcOff);
                }
                if (ref < dstOff) {
                    throw corrupt("match distance " + (distance + 1) + " points before the start of the output",
                            ip - srcOff);
                }
                copyMatch(dst, ref, op, len);
                op += len;
            } else {
                int run = ctrl + 1;
                if (run > opEnd - op) {
                    throw corrupt("literal run of " + run + " bytes overruns the " + maxOut + "-byte output",
                            ip - srcOff);
                }
                if (run > ipEnd - ip) {
                    throw corrupt("literal run of " + run + " bytes runs past the end of the stream", ip - srcOff);
                }
                System.arraycopy(src, ip, dst, op, run);
                op += run;
                ip += run;
            }
            if (ip >= ipEnd) {
                break;
            }
            ctrl = src[ip++] & 0xFF;
        }
        return op - dstOff;
    }

    /** Copies with LZ77 overlap semantics: bytes written earlier in this match may be the source of later ones. */
    private static void copyMatch(byte[] buf, int ref, int op, int len) {
        int distance = op - ref;
        if (distance == 1) {
            Arrays.fill(buf, op, op + len, buf[ref]);
        } else if (distance >= len) {
            System.arraycopy(buf, ref, buf, op, len);
        } else {
            // chunks of `distance` bytes never overlap their source, and the pattern repeats with that period
            for (int done = 0; done < len; done += distance) {
                System.arraycopy(buf, ref + done, buf, op + done, Math.min(distance, len - done));
            }
        }
    }

    private static HdfFilterException corrupt(String what, int position) {
        return new HdfFilterException("Corrupt blosclz stream at byte " + position + ": " + what);
    }
}
