package io.battdat.hdf5.codecs;

import io.jhdf.exceptions.HdfFilterException;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Decoder for BloscLZ, the FastLZ-derived codec built into c-blosc (format version 1).
 *
 * <p>The stream is a sequence of tokens. The three high bits of the very first byte are a format marker and are
 * ignored. A control byte below 32 starts a literal run of {@code ctrl + 1} bytes. Otherwise it is a match: the
 * high three bits hold the length minus 2 (7 means "extended": following bytes are added while they are 255), the
 * low five bits and the next byte hold the distance minus 1; a near distance of 31*256+255 escapes to a 16-bit
 * big-endian "far" distance to which 8191 is added.
 *
 * <p>Bytes move eight at a time ("wild" copies that may write up to seven bytes past the end of a literal or match;
 * later tokens overwrite them). A wild copy is only used where those extra bytes still lie inside the output range
 * and, for literals, the extra bytes read lie inside the input range; near either end the exact copy is used, so
 * nothing outside {@code [dstOff, dstOff + maxOut)} is ever written. Every token is validated before it is copied.
 */
public final class BlosclzDecoder {

    private static final int MAX_DISTANCE = 8191;
    /** Bytes a wild copy may write past the end of a literal or match. */
    private static final int WILD = 8;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

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
        // the last positions at which an 8-byte read of the input or write of the output stays in range
        final int ipWildEnd = ipEnd - WILD;
        final int opWildEnd = opEnd - WILD;
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
                distance++;
                if (len > opEnd - op) {
                    throw overrun("match", len, maxOut, ip - srcOff);
                }
                if (distance > op - dstOff) {
                    throw beforeStart(distance, ip - srcOff);
                }
                copyMatch(dst, op, distance, len, opWildEnd);
                op += len;
            } else {
                int run = ctrl + 1;
                if (run > opEnd - op) {
                    throw overrun("literal run", run, maxOut, ip - srcOff);
                }
                if (run > ipEnd - ip) {
                    throw literalPastEnd(run, ip - srcOff);
                }
                if (op + run <= opWildEnd && ip + run <= ipWildEnd) {
                    // runs are at most 32 bytes: up to four 8-byte moves, the last one partly past the run
                    int i = 0;
                    do {
                        LONGS.set(dst, op + i, (long) LONGS.get(src, ip + i));
                        i += WILD;
                    } while (i < run);
                } else {
                    System.arraycopy(src, ip, dst, op, run);
                }
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

    /**
     * Copies {@code len} bytes from {@code distance} bytes back with LZ77 overlap semantics (bytes written earlier
     * in this match may be the source of later ones). The caller has checked that the match lies inside the output.
     */
    private static void copyMatch(byte[] buf, int op, int distance, int len, int opWildEnd) {
        int ref = op - distance;
        if (op + len > opWildEnd) {
            copyMatchExactly(buf, ref, op, len);
        } else if (distance >= WILD) {
            // every 8 bytes read were written before this move, so the overlap rule holds
            int i = 0;
            do {
                LONGS.set(buf, op + i, (long) LONGS.get(buf, ref + i));
                i += WILD;
            } while (i < len);
        } else if (distance == 1) {
            long pattern = (buf[ref] & 0xFFL) * 0x0101010101010101L;
            int i = 0;
            do {
                LONGS.set(buf, op + i, pattern);
                i += WILD;
            } while (i < len);
        } else {
            // a period shorter than 8 bytes: an 8-byte word of the pattern, repeated every whole number of periods
            long pattern = 0;
            for (int k = 0; k < WILD; k++) {
                pattern |= (buf[ref + k % distance] & 0xFFL) << (8 * k);
            }
            int step = WILD - WILD % distance;
            int i = 0;
            do {
                LONGS.set(buf, op + i, pattern);
                i += step;
            } while (i < len);
        }
    }

    private static void copyMatchExactly(byte[] buf, int ref, int op, int len) {
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

    // The messages are built out of line: string concatenation in the loop would make it slower to compile.

    private static HdfFilterException overrun(String token, int length, int maxOut, int position) {
        return corrupt(token + " of " + length + " bytes overruns the " + maxOut + "-byte output", position);
    }

    private static HdfFilterException beforeStart(int distance, int position) {
        return corrupt("match distance " + distance + " points before the start of the output", position);
    }

    private static HdfFilterException literalPastEnd(int run, int position) {
        return corrupt("literal run of " + run + " bytes runs past the end of the stream", position);
    }

    private static HdfFilterException corrupt(String what, int position) {
        return new HdfFilterException("Corrupt blosclz stream at byte " + position + ": " + what);
    }
}
