package io.battdat.hadoop;

import org.apache.hadoop.fs.FSDataInputStream;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ranges announced through {@code willRead} are fetched ahead in the announced order, small ones as pieces rather
 * than whole blocks, and each is fetched once: announced bytes are never evicted before they are read, however many
 * are announced. Requests are counted; nothing is timed.
 */
class HadoopSourceAnnounceTest {
    private static final String URI = "hdfs://namenode/lake/cell.h5";
    private static final int BLOCK = 4096;
    private static final byte[] CONTENT = InMemoryStream.pattern(1 << 20);

    /** An in-memory file that records the (position, length) of every positional read. */
    private static final class RecordingStream extends InMemoryStream {
        private final List<long[]> requests;

        RecordingStream(List<long[]> requests) {
            super(CONTENT);
            this.requests = requests;
        }

        @Override
        public int read(long position, byte[] buffer, int offset, int length) throws IOException {
            requests.add(new long[] {position, length});
            return super.read(position, buffer, offset, length);
        }
    }

    private static HadoopSource source(List<long[]> requests) throws IOException {
        HadoopSource.Opener opener = () -> new FSDataInputStream(new RecordingStream(requests));
        HadoopStorage storage = HadoopStorage.builder().blockSize(BLOCK).readAhead(2).cachedBlocks(4).build();
        return new HadoopSource(URI, CONTENT.length, opener.open(), opener, storage.settings());
    }

    private static void assertReads(HadoopSource s, long position, int length) {
        ByteBuffer into = ByteBuffer.allocate(length);
        s.readFully(position, into);
        assertArrayEquals(Arrays.copyOfRange(CONTENT, (int) position, (int) position + length), into.array());
    }

    @Test
    void announcedBlocksAreFetchedOnceEachAndKeptUntilRead() throws IOException {
        List<long[]> requests = new CopyOnWriteArrayList<>();
        try (HadoopSource s = source(requests)) {
            // 100 blocks announced, far more than the 4 cached and 2 fetched ahead at once
            s.willRead(0, 100L * BLOCK);
            for (long at = 0; at < 100L * BLOCK; at += 1000) {
                assertReads(s, at, (int) Math.min(1000, 100L * BLOCK - at));
            }
            assertEquals(100, requests.size(), "one request per announced block, none repeated");
            for (long[] r : requests) {
                assertEquals(BLOCK, r[1]);
                assertTrue(r[0] < 100L * BLOCK, "nothing fetched beyond the announced range: " + r[0]);
            }
        }
    }

    @Test
    void smallAnnouncedRangesAreFetchedAsPiecesInTheAnnouncedOrder() throws IOException {
        List<long[]> requests = new CopyOnWriteArrayList<>();
        try (HadoopSource s = source(requests)) {
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
}
