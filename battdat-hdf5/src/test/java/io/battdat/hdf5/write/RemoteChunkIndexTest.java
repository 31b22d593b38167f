package io.battdat.hdf5.write;

import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.DoubleColumn;
import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.schema.RawData;
import io.battdat.api.spi.RandomAccessSource;
import io.battdat.api.spi.ReadOptions;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.TableCursor;
import io.battdat.api.spi.TableSink;
import io.battdat.api.spi.WriteOptions;
import io.battdat.hdf5.Hdf5StreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A remote table's chunk index costs a few round trips, not one per node: the reader announces each internal node's
 * children to the source ({@link RandomAccessSource#willRead}) before reading them, so a slow store fetches them
 * together (docs/remote-storage.md section 2). Counted with a source that models a store's round trips; no timing.
 * In the writer's package because only its test hook writes tables of tiny chunks (a deep index in a small file).
 */
class RemoteChunkIndexTest {
    private static final int CHUNK_ROWS = 4;
    private static final int ROWS = 20_000; // 5000 chunks: about 80 leaves under a root two levels up

    @TempDir
    Path dir;

    /**
     * A file read by position that counts round trips as a store with unlimited parallel requests would: a read of
     * bytes not yet fetched waits for one round trip, in which every range announced so far is fetched too. Bytes
     * are tracked in 4 KiB pages; nothing is ever dropped.
     */
    private static final class RoundTripSource implements RandomAccessSource {
        static final int PAGE = 4096;
        final FileChannel channel;
        final long size;
        final BitSet fetched = new BitSet();
        final BitSet announced = new BitSet();
        final List<long[]> announcements = new ArrayList<>();
        final List<Long> readPositions = new ArrayList<>();
        final List<Long> roundTripPositions = new ArrayList<>();
        int roundTrips;

        RoundTripSource(Path file) throws IOException {
            this.channel = FileChannel.open(file, StandardOpenOption.READ);
            this.size = channel.size();
        }

        @Override
        public String name() {
            return "hdfs://namenode/lake/deep-index.h5";
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public synchronized void willRead(long position, long length) {
            announcements.add(new long[] {position, length});
            announced.set((int) (position / PAGE), (int) ((position + length - 1) / PAGE) + 1);
        }

        @Override
        public synchronized void readFully(long position, ByteBuffer into) {
            readPositions.add(position);
            int first = (int) (position / PAGE);
            int end = (int) ((position + into.remaining() - 1) / PAGE) + 1;
            if (fetched.get(first, end).cardinality() < end - first) {
                roundTrips++;
                roundTripPositions.add(position);
                fetched.set(first, end);
                fetched.or(announced);
                announced.clear();
            }
            try {
                while (into.hasRemaining()) {
                    if (channel.read(into, position + into.position()) < 0) {
                        throw new IOException("end of file");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException ignore) {
                // test source
            }
        }
    }

    private Path deepIndexFile() {
        Path file = dir.resolve("deep-index.h5");
        try (Hdf5FileWriter w = Hdf5FileWriter.create(file, WriteOptions.create(BatteryMetadata.defaults()))) {
            TableSink t = w.createTableWithChunkRows("raw_data", FileWriterTest.LAYOUT, new RawData(), CHUNK_ROWS);
            t.append(FileWriterTest.rows(0, ROWS), 0, ROWS);
        }
        return file;
    }

    @Test
    void theChunkIndexCostsAFewRoundTripsNotOnePerNode() throws IOException {
        Path file = deepIndexFile();
        int nodes = chunkIndexNodes(file);
        assertTrue(nodes > 60, "the file's index has many nodes: " + nodes);
        RoundTripSource source = new RoundTripSource(file);
        try (StoredDataset ds = new Hdf5StreamReader().open(source)) {
            int afterOpen = source.roundTrips;
            try (TableCursor cursor = ds.openTable("raw_data", ReadOptions.DEFAULT)) {
                int index = source.roundTrips - afterOpen;
                // depth-first: the root, then one wait per internal node below it; leaves are read as rows need them
                assertTrue(index <= 6, "round trips to read an index of " + nodes + " nodes: " + index);
                assertEquals(sumOfTestTime(ROWS), readTestTime(cursor), "the rows read through the index");
            }
            Set<Long> leaves = chunkIndexLeaves(file);
            assertTrue(source.announcements.size() > 60, "children announced before they are read: "
                    + source.announcements.size());
            long leafWaits = source.roundTripPositions.stream().filter(leaves::contains).count();
            // announced several ahead of the reader, most leaves are fetched before the reader reaches them
            assertTrue(leafWaits <= leaves.size() / 4, "round trips waited for one of " + leaves.size()
                    + " leaves: " + leafWaits);
        }
    }

    @Test
    void aRemoteTableReadsEachLeafOfItsIndexOnlyWhenItsRowsAreDecoded() throws IOException {
        Path file = deepIndexFile();
        Set<Long> leaves = chunkIndexLeaves(file);
        RoundTripSource source = new RoundTripSource(file);
        ReadOptions oneBatchAtATime = ReadOptions.builder().batchRows(100).threads(1).prefetch(0).build();
        try (StoredDataset ds = new Hdf5StreamReader().open(source);
             TableCursor cursor = ds.openTable("raw_data", oneBatchAtATime)) {
            assertEquals(0, leavesRead(source, leaves), "leaves read to open the table");
            assertTrue(source.announcements.size() <= 12, "the first leaves announced, not all "
                    + leaves.size() + ": " + source.announcements.size());
            assertTrue(cursor.next());
            int firstBatch = leavesRead(source, leaves);
            assertTrue(firstBatch >= 1 && firstBatch <= 2, "leaves read for the first 100 rows (25 chunks) of "
                    + leaves.size() + ": " + firstBatch);
        }
    }

    private static int leavesRead(RoundTripSource source, Set<Long> leaves) {
        synchronized (source) {
            return (int) source.readPositions.stream().filter(leaves::contains).distinct().count();
        }
    }

    @Test
    void aLocalReadGivesTheSameRows() throws IOException {
        Path file = deepIndexFile();
        try (StoredDataset ds = new Hdf5StreamReader().open(RandomAccessSource.ofFile(file));
             TableCursor cursor = ds.openTable("raw_data", ReadOptions.DEFAULT)) {
            assertEquals(sumOfTestTime(ROWS), readTestTime(cursor), "the rows of a local read");
        }
    }

    private static double readTestTime(TableCursor cursor) {
        double sum = 0;
        long rows = 0;
        while (cursor.next()) {
            ColumnBatch b = cursor.batch();
            double[] time = ((DoubleColumn) b.column("test_time")).buffer();
            for (int i = 0; i < b.rowCount(); i++) {
                sum += time[i];
            }
            rows += b.rowCount();
        }
        assertEquals(ROWS, rows);
        return sum;
    }

    private static double sumOfTestTime(int rows) {
        double sum = 0;
        for (long r = 0; r < rows; r++) {
            sum += r * 0.5;
        }
        return sum;
    }

    /** The addresses of the chunk index's leaves (level 0 nodes) in the file, live or superseded. */
    private static Set<Long> chunkIndexLeaves(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Set<Long> leaves = new HashSet<>();
        for (int i = 0; i + 5 < bytes.length; i++) {
            if (bytes[i] == 'T' && bytes[i + 1] == 'R' && bytes[i + 2] == 'E' && bytes[i + 3] == 'E'
                    && bytes[i + 4] == 1 && bytes[i + 5] == 0) {
                leaves.add((long) i);
            }
        }
        return leaves;
    }

    /**
     * Chunk index nodes (version 1 B-tree nodes of type 1) in the file, found by their signature: the live ones and
     * any a commit superseded.
     */
    private static int chunkIndexNodes(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int nodes = 0;
        for (int i = 0; i + 5 < bytes.length; i++) {
            if (bytes[i] == 'T' && bytes[i + 1] == 'R' && bytes[i + 2] == 'E' && bytes[i + 3] == 'E'
                    && bytes[i + 4] == 1) {
                nodes++;
            }
        }
        return nodes;
    }
}
