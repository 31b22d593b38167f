package io.battdat.hadoop;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The requests a {@link HadoopSource} sends to the store. Ranges announced through {@code willRead} are fetched
 * ahead in the announced order, small ones as pieces rather than whole blocks, and each is fetched once: announced
 * bytes are never evicted before they are read, however many are announced. Small reads scattered over a file (a
 * format's structure) cost a piece each and start no read-ahead; the first read at the file's start also fetches its
 * first blocks, where data follows the header, and its last piece, where structure is written last; small reads
 * that follow one another (tiny chunks) are read as data, in blocks with read-ahead. Requests are counted; nothing
 * is timed.
 */
class HadoopSourceRequestsTest {
    private static final String URI = "s3a://bucket/lake/cell.h5";
    private static final int SMALL_BLOCK = 4096;
    private static final int BLOCK = 256 * 1024;
    private static final byte[] CONTENT = InMemoryStream.pattern(8 << 20);

    /** Blocks smaller than a piece, 2 fetched ahead: what announcements alone decide. */
    private static HadoopStorage announcing() {
        return HadoopStorage.builder().blockSize(SMALL_BLOCK).readAhead(2).cachedBlocks(4).build();
    }

    /** Blocks larger than a piece, 4 fetched ahead. */
    private static HadoopStorage structured() {
        return HadoopStorage.builder().blockSize(BLOCK).readAhead(4).cachedBlocks(6).build();
    }

    private static HadoopSource source(List<long[]> requests, HadoopStorage storage) throws IOException {
        return InMemoryStream.recordedSource(URI, CONTENT, storage, requests);
    }

    private static void assertReads(HadoopSource s, long position, int length) {
        InMemoryStream.assertReads(s, CONTENT, position, length);
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
    void announcedBlocksAreFetchedOnceEachAndKeptUntilRead() throws IOException {
        List<long[]> requests = new CopyOnWriteArrayList<>();
        try (HadoopSource s = source(requests, announcing())) {
            // 100 blocks announced, far more than the 4 cached and 2 fetched ahead at once
            s.willRead(0, 100L * SMALL_BLOCK);
            for (long at = 0; at < 100L * SMALL_BLOCK; at += 1000) {
                assertReads(s, at, (int) Math.min(1000, 100L * SMALL_BLOCK - at));
            }
            assertEquals(100, requests.size(), "one request per announced block, none repeated");
            for (long[] r : requests) {
                assertEquals(SMALL_BLOCK, r[1]);
                assertTrue(r[0] < 100L * SMALL_BLOCK, "nothing fetched beyond the announced range: " + r[0]);
            }
        }
    }

    @Test
    void smallAnnouncedRangesAreFetchedAsPiecesInTheAnnouncedOrder() throws IOException {
        List<long[]> requests = new CopyOnWriteArrayList<>();
        try (HadoopSource s = source(requests, announcing())) {
            // the children of a chunk index node: small, far apart, announced out of file order
            long[] nodes = {900_000, 100_000, 500_000, 300_000, 700_000};
            for (long node : nodes) {
                s.willRead(node, 2_000);
            }
            for (long node : nodes) {
                assertReads(s, node, 24);
                assertReads(s, node + 24, 1_976); // a node's entries, read after its header
            }
            assertEquals(nodes.length, requests.size(), "one request per node: " + requests.size());
            for (long[] r : requests) {
                assertEquals(HadoopSource.PIECE_SIZE, r[1], "a piece, not a block");
            }
        }
    }

    @Test
    void scatteredSmallReadsFetchAPieceEachAndNothingAhead() throws Exception {
        List<long[]> requests = new CopyOnWriteArrayList<>();
        try (HadoopSource s = source(requests, structured())) {
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
    void theFirstReadAtTheStartAlsoFetchesTheFirstBlocksAndTheLastPiece() throws Exception {
        List<long[]> requests = new CopyOnWriteArrayList<>();
        try (HadoopSource s = source(requests, structured())) {
            assertReads(s, 0, 96); // a superblock
            awaitRequests(requests, 6);
            assertEquals(1, count(requests, r -> r[0] == 0 && r[1] == HadoopSource.PIECE_SIZE));
            for (int b = 0; b < 4; b++) {
                long start = (long) b * BLOCK;
                assertEquals(1, count(requests, r -> r[0] == start && r[1] == BLOCK), "block " + b + " fetched");
            }
            long tail = CONTENT.length - HadoopSource.PIECE_SIZE;
            assertEquals(1, count(requests, r -> r[0] == tail && r[1] == HadoopSource.PIECE_SIZE), "last piece");
            int before = requests.size();
            assertReads(s, BLOCK + 1000, 20_000); // data in block 1: fetched already
            assertReads(s, 5000, 600); // structure in piece 0
            assertReads(s, CONTENT.length - 3000, 2000); // structure at the end (a footer, headers written last)
            List<long[]> later = List.copyOf(requests); // read-ahead may still be adding to the list
            assertEquals(0, count(later.subList(before, later.size()), r -> r[0] < 4L * BLOCK || r[0] >= tail),
                    "nothing fetched twice");
        }
    }

    @Test
    void smallReadsThatFollowOneAnotherAreReadAsDataWithReadAhead() throws Exception {
        List<long[]> requests = new CopyOnWriteArrayList<>();
        try (HadoopSource s = source(requests, structured())) {
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

    @Test
    void aReaderLaggingBehindRefetchesTheBlockItLostNotTheWholeWindow() throws Exception {
        List<long[]> requests = new CopyOnWriteArrayList<>();
        try (HadoopSource s = source(requests, structured())) {
            // one decoding thread moves forward to block 10; 6 blocks are kept, so block 8 is dropped
            for (int b = 0; b <= 10; b++) {
                assertReads(s, b * (long) BLOCK, 16 * 1024);
            }
            // another thread still reads blocks 8 to 10, then the first moves on
            for (int b = 8; b <= 10; b++) {
                assertReads(s, b * (long) BLOCK + 32 * 1024, 16 * 1024);
            }
            assertReads(s, 11L * BLOCK, 16 * 1024);
            awaitRequests(requests, 18);
            Thread.sleep(100);
            long repeated = requests.size() - requests.stream().mapToLong(r -> r[0]).distinct().count();
            // block 8, and the block farthest ahead that made room for it; never 9 and 10 after it in turn
            assertTrue(repeated <= 2, "blocks fetched again: " + repeated);
        }
    }
}
