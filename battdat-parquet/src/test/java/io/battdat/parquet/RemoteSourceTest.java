package io.battdat.parquet;

import io.battdat.api.KeyNotFoundException;
import io.battdat.api.spi.DatasetSink;
import io.battdat.api.spi.FolderSource;
import io.battdat.api.spi.ProbeResult;
import io.battdat.api.spi.RandomAccessSource;
import io.battdat.api.spi.ReadOptions;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.TableInfo;
import io.battdat.api.spi.TableSink;
import io.battdat.api.spi.WriteOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The remote read path without a remote store: a local folder shown to the reader as a {@link FolderSource} (and
 * single files as {@link RandomAccessSource}s) with no local path, so the backend reads it as it reads HDFS or S3.
 */
class RemoteSourceTest {
    private static final int ROWS = 10_000;

    @TempDir
    Path dir;

    private final ParquetStreamReader reader = new ParquetStreamReader();

    /** Sources opened and not yet closed. */
    private final AtomicInteger open = new AtomicInteger();

    private Path writeCells(Path out, String... prefixes) {
        try (DatasetSink sink = new ParquetStreamWriter().withRowGroupRows(3_000).open(out,
                WriteOptions.create(TestingTables.metadata()))) {
            for (String prefix : prefixes) {
                TableSink t = sink.createTable(prefix == null ? "raw_data" : prefix + "/raw_data",
                        TestingTables.ALL_TYPES, TestingTables.schema(), ROWS);
                t.append(TestingTables.rows(0, ROWS), 0, ROWS);
            }
        }
        return out;
    }

    @Test
    void aFolderReadThroughSourcesGivesTheRowsOfTheLocalRead() {
        Path out = writeCells(dir.resolve("cells.parquet"), null, "cell_a", "cell_b");
        FolderSource folder = remote(out);
        assertEquals(ProbeResult.EXTENSION, reader.probeFolder(folder));
        try (StoredDataset local = reader.open(out); StoredDataset remote = reader.open(folder)) {
            assertEquals(local.tables().stream().map(TableInfo::path).toList(),
                    remote.tables().stream().map(TableInfo::path).toList());
            assertEquals(local.metadataJson(), remote.metadataJson());
            assertEquals("mem://lake/cells.parquet", remote.location());
            for (TableInfo t : local.tables()) {
                assertEquals(t.layout(), remote.table(t.key()).layout());
                assertEquals(TestingTables.readAll(local, t.key(), TestingTables.SMALL_BATCHES),
                        TestingTables.readAll(remote, t.key(), TestingTables.SMALL_BATCHES));
            }
            ReadOptions range = TestingTables.SMALL_BATCHES.withRowRange(4_321, 7_000);
            assertEquals(TestingTables.readAll(local, "cell_a/raw_data", range),
                    TestingTables.readAll(remote, "cell_a/raw_data", range));
            assertEquals(0, open.get(), "no file is held open between calls");
        }
    }

    @Test
    void oneFileReadThroughASourceIsADatasetOfOneTable() {
        Path out = writeCells(dir.resolve("one.parquet"), (String) null);
        Path file = out.resolve("raw_data.parquet");
        try (StoredDataset local = reader.open(file);
             StoredDataset remote = reader.open(source(file, "mem://lake/cell-1.raw_data.parquet"))) {
            assertEquals(List.of("raw_data"), remote.tables().stream().map(TableInfo::key).toList());
            assertEquals(TestingTables.readAll(local, "raw_data", TestingTables.SMALL_BATCHES),
                    TestingTables.readAll(remote, "raw_data", TestingTables.SMALL_BATCHES));
        }
        assertEquals(0, open.get(), "the dataset closes the source it was opened on");
    }

    @Test
    void aMissingTableNamesTheTableAndAFolderOfOtherFilesIsNotClaimed() throws IOException {
        Path out = writeCells(dir.resolve("plain.parquet"), (String) null);
        try (StoredDataset remote = reader.open(remote(out))) {
            KeyNotFoundException e = assertThrows(KeyNotFoundException.class,
                    () -> remote.openTable("cycle_stats", TestingTables.SMALL_BATCHES));
            assertTrue(e.getMessage().contains("cycle_stats"), e.getMessage());
        }
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("notes.txt"), "not a table");
        assertEquals(ProbeResult.NO, reader.probeFolder(remote(other)));
    }

    /** A local folder shown as a remote one: listed by glob, files opened as sources without a local path. */
    private FolderSource remote(Path folder) {
        String name = "mem://lake/" + folder.getFileName();
        return new FolderSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<String> list(String relativePattern) {
                PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + relativePattern);
                try (Stream<Path> files = Files.walk(folder)) {
                    return files.filter(Files::isRegularFile).map(folder::relativize).filter(matcher::matches)
                            .map(p -> p.toString().replace('\\', '/')).sorted().toList();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public RandomAccessSource open(String relativeName) {
                return source(folder.resolve(relativeName), name + "/" + relativeName);
            }
        };
    }

    /** A local file as a source with no local path, counted in {@link #open} until closed. */
    private RandomAccessSource source(Path file, String name) {
        RandomAccessSource local = RandomAccessSource.ofFile(file);
        open.incrementAndGet();
        return new RandomAccessSource() {
            private boolean closed;

            @Override
            public String name() {
                return name;
            }

            @Override
            public long size() {
                return local.size();
            }

            @Override
            public void readFully(long position, ByteBuffer into) {
                local.readFully(position, into);
            }

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    open.decrementAndGet();
                    local.close();
                }
            }
        };
    }
}
