package io.battdat.hdf5.codecs;

import io.jhdf.exceptions.HdfFilterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Malformed chunks must fail fast with HdfFilterException and a message naming the problem. */
class CorruptInputTest {

    private static final Duration FAST = Duration.ofSeconds(10);
    private final BloscFilter blosc = new BloscFilter();

    private static HdfFilterException rejects(Executable decode, String... messageParts) {
        HdfFilterException e = assertTimeoutPreemptively(FAST, () -> assertThrows(HdfFilterException.class, decode));
        for (String part : messageParts) {
            assertTrue(e.getMessage().contains(part), "message '" + e.getMessage() + "' mentions '" + part + "'");
        }
        return e;
    }

    /**
     * Decodes a damaged chunk: it may decode (corruption of compressed payload may go unnoticed by codecs without
     * checksums), and when it is detected it must be the filter's typed exception, never another one.
     */
    private static void decodesOrRefuses(Executable decode, String what) {
        try {
            decode.execute();
        } catch (HdfFilterException expected) {
            // the required outcome for detectable corruption
        } catch (Throwable e) {
            fail(what + ": " + e, e);
        }
    }

    private static byte[] header(int version, int flags, int typesize, int nbytes, int blocksize, int cbytes,
                                 int totalLength) {
        byte[] buf = new byte[totalLength];
        buf[0] = (byte) version;
        buf[1] = 1;
        buf[2] = (byte) flags;
        buf[3] = (byte) typesize;
        LittleEndian.putInt(buf, 4, nbytes);
        LittleEndian.putInt(buf, 8, blocksize);
        LittleEndian.putInt(buf, 12, cbytes);
        return buf;
    }

    private static int[] cd(long chunkBytes) {
        return BloscParameters.defaults().withTypesize(8).withChunkBytes(chunkBytes).withCodec(InnerCodec.LZ4)
                .toClientData(chunkBytes);
    }

    @Test
    void truncatedHeaders() {
        byte[] valid = BloscEncoder.encode(TestData.compressible(1000, 1), 8, 5, ShuffleMode.BYTE, InnerCodec.LZ4);
        for (int length = 0; length < BloscHeader.LENGTH; length++) {
            byte[] truncated = Arrays.copyOf(valid, length);
            rejects(() -> blosc.decode(truncated, null), "shorter than the 16-byte blosc header");
        }
    }

    @Test
    void hugeNbytesWithoutChunkSize() {
        byte[] buf = header(2, 0x10 | 1 << 5, 8, Integer.MAX_VALUE, 65536, 16, 16);
        rejects(() -> blosc.decode(buf, null), "nbytes", String.valueOf(Integer.MAX_VALUE));
        rejects(() -> blosc.decode(buf, new int[] {2, 2, 8}), "nbytes");
        byte[] stored = header(2, 0x2, 8, Integer.MAX_VALUE, 65536, 16, 16);
        rejects(() -> blosc.decode(stored, null), "nbytes");
        byte[] negative = header(2, 0x10, 8, -5, 65536, 16, 16);
        rejects(() -> blosc.decode(negative, null), "nbytes");
    }

    @Test
    void nbytesAboveChunkSize() {
        byte[] buf = BloscEncoder.encode(TestData.compressible(10_000, 2), 8, 5, ShuffleMode.BYTE, InnerCodec.LZ4);
        rejects(() -> blosc.decode(buf, cd(9_999)), "nbytes = 10000", "9999");
        assertEquals(10_000, blosc.decode(buf, cd(10_000)).length);
    }

    @Test
    void badBlocksize() {
        rejects(() -> blosc.decode(header(2, 1 << 5, 8, 1000, 1001, 40, 40), null), "blocksize = 1001");
        rejects(() -> blosc.decode(header(2, 1 << 5, 8, 1000, 0, 40, 40), null), "blocksize = 0");
        rejects(() -> blosc.decode(header(2, 1 << 5, 8, 1000, -1, 40, 40), null), "blocksize");
        // a million blocks whose offset table cannot fit in 40 bytes
        rejects(() -> blosc.decode(header(2, 1 << 5, 8, 1_000_000, 1, 40, 40), null), "blocks", "offset table");
    }

    @Test
    void cbytesOutsideBuffer() {
        rejects(() -> blosc.decode(header(2, 1 << 5, 8, 1000, 1000, 5000, 40), null), "cbytes = 5000");
        rejects(() -> blosc.decode(header(2, 1 << 5, 8, 1000, 1000, 3, 40), null), "cbytes = 3");
        rejects(() -> blosc.decode(header(2, 0x2, 8, 1000, 1000, 40, 40), null), "memcpyed");
    }

    @Test
    void unsupportedVersionsAndFlags() {
        rejects(() -> blosc.decode(header(3, 1 << 5, 8, 100, 100, 40, 40), null), "format version = 3");
        rejects(() -> blosc.decode(header(2, 0x8 | 1 << 5, 8, 100, 100, 40, 40), null), "flags");
        rejects(() -> blosc.decode(header(2, 7 << 5, 8, 100, 100, 40, 40), null), "compressor format 7");
        rejects(() -> blosc.decode(header(2, 1 << 5, 0, 100, 100, 40, 40), null), "typesize = 0");
        byte[] codecVersion = header(2, 1 << 5, 8, 100, 100, 40, 40);
        codecVersion[1] = 9;
        rejects(() -> blosc.decode(codecVersion, null), "compressor format version = 9");
    }

    @Test
    void blockOffsetsOutsideBuffer() {
        for (int offset : new int[] {-1, 0, 3, 37, 40, 1 << 30}) {
            byte[] buf = header(2, 0x10 | 1 << 5, 8, 100, 100, 40, 40);
            LittleEndian.putInt(buf, 16, offset);
            rejects(() -> blosc.decode(buf, null), "block 0", "offset " + offset);
        }
    }

    @Test
    void streamLengthLargerThanRemainder() {
        for (int length : new int[] {17, 1 << 30, -7}) {
            byte[] buf = header(2, 0x10 | 1 << 5, 8, 100, 100, 40, 40);
            LittleEndian.putInt(buf, 16, 20);
            LittleEndian.putInt(buf, 20, length);
            rejects(() -> blosc.decode(buf, null), "compressed length of " + Integer.toUnsignedLong(length));
        }
    }

    @ParameterizedTest
    @EnumSource(InnerCodec.class)
    void truncatedContainers(InnerCodec codec) {
        byte[] data = TestData.compressible(200_000, 4);
        byte[] valid = BloscEncoder.encode(data, 8, 5, ShuffleMode.BYTE, codec);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int length = 0; length < valid.length; length += Math.max(1, valid.length / 300)) {
                byte[] truncated = Arrays.copyOf(valid, length);
                assertThrows(HdfFilterException.class, () -> blosc.decode(truncated, cd(data.length)),
                        "length " + length);
            }
        });
    }

    @ParameterizedTest
    @EnumSource(InnerCodec.class)
    void flippedBytes(InnerCodec codec) {
        byte[] data = TestData.compressible(150_000, 5);
        byte[] valid = BloscEncoder.encode(data, 8, 5, ShuffleMode.BYTE, codec);
        Random random = new Random(codec.ordinal());
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int trial = 0; trial < 400; trial++) {
                byte[] corrupt = valid.clone();
                int flips = 1 + random.nextInt(4);
                for (int f = 0; f < flips; f++) {
                    // half the flips hit the header and offset table, where the bounds checks matter most
                    int at = trial % 2 == 0 ? random.nextInt(Math.min(64, corrupt.length))
                            : random.nextInt(corrupt.length);
                    corrupt[at] ^= (byte) (1 + random.nextInt(255));
                }
                decodesOrRefuses(() -> {
                    byte[] out = blosc.decode(corrupt, cd(data.length));
                    assertTrue(out.length <= data.length);
                }, "trial " + trial);
            }
        });
    }

    @Test
    void lzoCorruptInput() {
        LzoFilter lzo = new LzoFilter();
        byte[] data = TestData.compressible(100_000, 6);
        byte[] valid = lzo.encode(data, new int[0]);
        rejects(() -> lzo.decode(new byte[0], null), "empty");
        Random random = new Random(6);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int trial = 0; trial < 200; trial++) {
                byte[] corrupt = trial % 2 == 0 ? Arrays.copyOf(valid, random.nextInt(valid.length)) : valid.clone();
                if (trial % 2 == 1) {
                    corrupt[random.nextInt(corrupt.length)] ^= (byte) (1 + random.nextInt(255));
                }
                decodesOrRefuses(() -> lzo.decode(corrupt, null), "trial " + trial);
            }
            for (int trial = 0; trial < 50; trial++) {
                byte[] garbage = TestData.random(1 + random.nextInt(3000), trial);
                decodesOrRefuses(() -> lzo.decode(garbage, null), "garbage trial " + trial);
            }
        });
    }

    @Test
    void lzoOutputCap() {
        byte[] zeros = new byte[4 << 20];
        byte[] encoded = new LzoFilter().encode(zeros, null);
        rejects(() -> new LzoFilter(1 << 20).decode(encoded, null), "lzo chunk");
    }

    @Test
    void bzip2CorruptInput() {
        Bzip2Filter bzip2 = new Bzip2Filter();
        byte[] data = TestData.compressible(100_000, 7);
        byte[] valid = bzip2.encode(data, new int[] {9});
        rejects(() -> bzip2.decode(new byte[0], null), "bzip2");
        rejects(() -> bzip2.decode(Arrays.copyOf(valid, valid.length / 2), null), "bzip2");
        rejects(() -> bzip2.decode(TestData.random(5000, 1), null), "bzip2");
        Random random = new Random(7);
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (int trial = 0; trial < 60; trial++) {
                byte[] corrupt = valid.clone();
                corrupt[random.nextInt(corrupt.length)] ^= (byte) (1 + random.nextInt(255));
                decodesOrRefuses(() -> bzip2.decode(corrupt, null), "trial " + trial);
            }
        });
    }

    @Test
    void bzip2BombIsCapped() {
        // 64 MiB of zeros compresses to a few hundred bytes
        Bzip2Filter bzip2 = new Bzip2Filter();
        byte[] bomb = bzip2.encode(new byte[64 << 20], new int[] {9});
        assertTrue(bomb.length < 10_000, "bomb is small: " + bomb.length);
        rejects(() -> new Bzip2Filter(8 << 20).decode(bomb, null), "decompression bomb", String.valueOf(8 << 20));
    }

    @Test
    void capPropertyBoundsBlosc() {
        byte[] buf = BloscEncoder.encode(new byte[1 << 20], 8, 5, ShuffleMode.BYTE, InnerCodec.ZSTD);
        String previous = System.getProperty(DecodeLimits.MAX_CHUNK_BYTES_PROPERTY);
        System.setProperty(DecodeLimits.MAX_CHUNK_BYTES_PROPERTY, String.valueOf(1 << 16));
        try {
            rejects(() -> blosc.decode(buf, null), "nbytes = " + (1 << 20));
        } finally {
            if (previous == null) {
                System.clearProperty(DecodeLimits.MAX_CHUNK_BYTES_PROPERTY);
            } else {
                System.setProperty(DecodeLimits.MAX_CHUNK_BYTES_PROPERTY, previous);
            }
        }
    }
}
