package io.battdat.hadoop;

import org.apache.hadoop.fs.FSDataInputStream;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Small reads scattered over a file (a format's structure) cost a piece each and start no read-ahead; the first read
 * at the file's start also fetches its first blocks, where data follows the header; small reads that follow one
 * another (tiny chunks) are read as data, in blocks with read-ahead. Requests are counted; nothing is timed.
 */
class HadoopSourceStructureReadsTest {
    private static final String URI = "s3a://bucket/lake/cell.h5";
    private static final int BLOCK = 256 * 1024;
    private static final byte[] CONTENT = InMemoryStream.pattern(8 << 20);

    private static HadoopSource source(List<long[]> requests) throws IOException {
        HadoopSource.Opener opener = () -> new FSDataInputStream(new InMemoryStream(CONTENT) {
            @Override
            public int read(long position, byte[] buffer, int offset, int length) throws IOException {
                requests.add(new long[] {position, length});
                return super.read(position, buffer, offset, length);
            }
        });
        HadoopStorage storage = HadoopStorage.builder().blockSize(BLOCK).readAhead(4).cachedBlocks(6).build();
        return new HadoopSource(URI, CONTENT.length, opener.open(), opener, storage.settings());
    }

    private static void assertReads(HadoopSource s, long position, int length) {
        ByteBuffer into = ByteBuffer.allocate(length);
        s.readFully(position, into);
        assertArrayEquals(Arrays.copyOfRange(CONTENT, (int) position, (int) position + length), into.array());
    }

    /** Waits (bounded) for the background fetches to reach {@code count} requests. */
    private static void awaitRequests(List<long[]> requests, int count) throws InterruptedException {
        for (int i = 0; i < 500 && requests.size() < count; i++) {
            Thread.sleep(10);
        }
    }

    private static long count(List<long[]> requests, Predicate<long[]> which) {
        return requests.stream().filter(which).count();
    }

    @Test
    void scatteredSmallReadsFetchAPieceEachAndNothingAhead() throws Exception {
        List<long[]> requests = new CopyOnWriteArrayList<>();
        try (HadoopSource s = source(requests)) {
            long[] headers = {7_000_000, 3_000_000, 5_000_000, 1_000_000};
            for (long at : headers) {
                assertReads(s, at, 120);
                assertReads(s, at + 120, 2_000); // the rest of the structure, in the piece already fetched
            }
            Thread.sleep(100); // room for any read-ahead to show itself
            assertEquals(headers.length, requests.size(), "one request per structure read");
            assertEquals(headers.length, count(requests, r -> r[1] == HadoopSource.PIECE_SIZE), "pieces, not blocks");
        }
    }

    @Test
    void theFirstReadAtTheStartAlsoFetchesTheFirstBlocks() throws Exception {
        List<long[]> requests = new CopyOnWriteArrayList<>();
        try (HadoopSource s = source(requests)) {
            assertReads(s, 0, 96); // a superblock
            awaitRequests(requests, 5);
            assertEquals(1, count(requests, r -> r[0] == 0 && r[1] == HadoopSource.PIECE_SIZE));
            for (int b = 0; b < 4; b++) {
                long start = (long) b * BLOCK;
                assertEquals(1, count(requests, r -> r[0] == start && r[1] == BLOCK), "block " + b + " fetched");
            }
            int before = requests.size();
            assertReads(s, BLOCK + 1000, 20_000); // data in block 1: fetched already
            assertReads(s, 5000, 600); // structure in piece 0
            List<long[]> later = List.copyOf(requests); // read-ahead may still be adding to the list
            assertEquals(0, count(later.subList(before, later.size()), r -> r[0] < 4L * BLOCK), "nothing fetched twice");
        }
    }

    @Test
    void smallReadsThatFollowOneAnotherAreReadAsDataWithReadAhead() throws Exception {
        List<long[]> requests = new CopyOnWriteArrayList<>();
        try (HadoopSource s = source(requests)) {
            long at = 3_000_000;
            for (int i = 0; i < 400; i++) { // 2 KiB records, 800 KiB in all
                assertReads(s, at, 2048);
                at += 2048;
            }
            awaitRequests(requests, 8);
            long blocks = count(requests, r -> r[1] == BLOCK);
            assertTrue(blocks >= 4, "read in blocks: " + blocks);
            assertTrue(count(requests, r -> r[1] == HadoopSource.PIECE_SIZE) <= HadoopSource.ADJACENT_PIECE_MISSES + 1,
                    "pieces only until the run is seen");
            assertTrue(requests.size() <= 12, "a request per block, with read-ahead: " + requests.size());
        }
    }
}
