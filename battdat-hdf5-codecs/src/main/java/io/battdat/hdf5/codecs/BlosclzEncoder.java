package io.battdat.hdf5.codecs;

/**
 * Encoder producing BloscLZ streams that c-blosc's {@code blosclz_decompress} accepts.
 *
 * <p>It is a greedy LZ77 matcher with a 4-byte hash, emitting the token format described in
 * {@link BlosclzDecoder}. The output always ends with a literal run, because c-blosc rejects a stream whose last
 * token is a near match. An instance holds a hash table and is not thread safe; create one per encoding job.
 */
public final class BlosclzEncoder {

    private static final int HASH_LOG = 14;
    private static final int MAX_COPY = 32;
    private static final int MAX_DISTANCE = 8191;
    /** c-blosc rejects biased distances at or above this value. */
    private static final int MAX_FAR_DISTANCE = 65535 + MAX_DISTANCE - 1;
    /** Inputs shorter than this are left to the caller to store raw, as c-blosc does. */
    private static final int MIN_INPUT = 16;
    /** Matches are not started in the last bytes, which keeps a literal tail and the 4-byte reads in range. */
    private static final int TAIL = 12;

    private final int[] hashTable = new int[1 << HASH_LOG];

    /**
     * Compresses {@code len} bytes.
     *
     * @return the compressed size, or 0 when the input is too short or the output would exceed {@code maxOut}
     */
    public int encode(byte[] src, int srcOff, int len, byte[] dst, int dstOff, int maxOut) {
        if (len < MIN_INPUT) {
            return 0;
        }
        java.util.Arrays.fill(hashTable, 0);
        final int ipLimit = srcOff + len - TAIL;
        // matches may extend up to, but not including, the last byte so that a literal always ends the stream
        final int matchEnd = srcOff + len - 1;
        final int opEnd = dstOff + maxOut;
        int op = dstOff;
        int anchor = srcOff;
        int ip = srcOff;

        while (ip < ipLimit) {
            int seq = readInt(src, ip);
            int slot = hash(seq);
            int ref = srcOff + hashTable[slot];
            hashTable[slot] = ip - srcOff;
            int distance = ip - ref;
            if (distance <= 0 || distance - 1 >= MAX_FAR_DISTANCE || readInt(src, ref) != seq) {
                ip++;
                continue;
            }
            int matchLen = 4;
            while (ip + matchLen < matchEnd && src[ref + matchLen] == src[ip + matchLen]) {
                matchLen++;
            }
            int biased = distance - 1;
            boolean far = biased >= MAX_DISTANCE;
            // a far match costs 4 bytes, so short ones are cheaper as literals
            if (far && matchLen < 8) {
                ip++;
                continue;
            }
            op = emitLiterals(src, anchor, ip - anchor, dst, op, opEnd);
            if (op < 0) {
                return 0;
            }
            op = emitMatch(matchLen, biased, far, dst, op, opEnd);
            if (op < 0) {
                return 0;
            }
            // index the end of the match so that the next repetition is found
            int end = ip + matchLen;
            if (end - 2 < ipLimit) {
                hashTable[hash(readInt(src, end - 2))] = end - 2 - srcOff;
            }
            ip = end;
            anchor = ip;
        }
        op = emitLiterals(src, anchor, srcOff + len - anchor, dst, op, opEnd);
        if (op < 0) {
            return 0;
        }
        // c-blosc marks blosclz streams by setting bit 5 of the first byte, which is always a literal control
        dst[dstOff] |= 1 << 5;
        return op - dstOff;
    }

    private static int emitLiterals(byte[] src, int from, int count, byte[] dst, int op, int opEnd) {
        while (count > 0) {
            int run = Math.min(count, MAX_COPY);
            if (run + 1 > opEnd - op) {
                return -1;
            }
            dst[op++] = (byte) (run - 1);
            System.arraycopy(src, from, dst, op, run);
            op += run;
            from += run;
            count -= run;
        }
        return op;
    }

    private static int emitMatch(int matchLen, int biased, boolean far, byte[] dst, int op, int opEnd) {
        int code = matchLen - 2;
        int extra = code >= 7 ? (code - 7) / 255 + 1 : 0;
        int needed = 2 + extra + (far ? 2 : 0);
        if (needed > opEnd - op) {
            return -1;
        }
        int high = far ? 31 : biased >>> 8;
        int low = far ? 255 : biased & 255;
        if (code < 7) {
            dst[op++] = (byte) ((code << 5) + high);
        } else {
            dst[op++] = (byte) ((7 << 5) + high);
            int rest = code - 7;
            for (; rest >= 255; rest -= 255) {
                dst[op++] = (byte) 255;
            }
            dst[op++] = (byte) rest;
        }
        dst[op++] = (byte) low;
        if (far) {
            int farDistance = biased - MAX_DISTANCE;
            dst[op++] = (byte) (farDistance >>> 8);
            dst[op++] = (byte) farDistance;
        }
        return op;
    }

    private static int hash(int seq) {
        return (seq * -1640531535) >>> (32 - HASH_LOG);
    }

    private static int readInt(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (b[i + 3] & 0xFF) << 24;
    }
}
