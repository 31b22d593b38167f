package io.battdat.hdf5;

import io.battdat.api.BadFormatException;
import io.battdat.api.BattdatException;
import io.battdat.api.FileAccessException;
import io.battdat.api.KeyNotFoundException;
import io.battdat.api.spi.ReadOptions;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.TableCursor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Damaged and wrong input: a typed exception naming the file (and table), never a hang or wrong rows. */
@Timeout(30)
class DamagedFileTest {
    private final Hdf5StreamReader reader = new Hdf5StreamReader();

    @TempDir
    Path dir;

    private Path copy(String fixture, long cutAt) throws IOException {
        byte[] bytes = Files.readAllBytes(Fixtures.hdf5(fixture));
        Path p = dir.resolve("cut-" + cutAt + "-" + fixture);
        Files.write(p, Arrays.copyOf(bytes, (int) Math.min(bytes.length, cutAt)));
        return p;
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 5, 50, 95, 500, 3000, 8000, 100000, 466292})
    void truncatedFilesAreRefusedWhenOpened(long cutAt) throws IOException {
        Path p = copy("plain.h5", cutAt);
        BadFormatException e = assertThrows(BadFormatException.class, () -> reader.open(p).close());
        assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(cutAt < 8 ? "not an HDF5 file" : "truncated"), e.getMessage());
    }

    @Test
    void truncatedCompressedFileToo() throws IOException {
        Path p = copy("zlib9.h5", 60000);
        assertTrue(assertThrows(BadFormatException.class, () -> reader.open(p)).getMessage().contains("truncated"));
    }

    @Test
    void corruptCompressedChunkFailsAtThatChunkAfterEarlierRowsAreDelivered() throws IOException {
        byte[] bytes = Files.readAllBytes(Fixtures.hdf5("zlib9.h5"));
        // zlib9.h5's third compressed chunk starts at 8000 + 14270 + 14548 (hdf5-on-disk.md section 1)
        int third = 8000 + 14270 + 14548;
        for (int i = third + 100; i < third + 400; i++) {
            bytes[i] ^= 0x5a;
        }
        Path p = Files.write(dir.resolve("corrupt.h5"), bytes);
        for (int threads : new int[]{1, 3}) {
            try (StoredDataset ds = reader.open(p);
                 TableCursor c = ds.openTable("raw_data", ReadOptions.builder().batchRows(873).threads(threads).prefetch(2).build())) {
                BattdatException e = assertThrows(BattdatException.class, () -> {
                    while (c.next()) {
                        // consume
                    }
                });
                assertTrue(e.getMessage().contains("corrupt.h5") && e.getMessage().contains("/raw_data")
                        && e.getMessage().contains("row 1746"), e.getMessage());
            }
        }
    }

    @Test
    void notHdf5AndMissingFiles() throws IOException {
        Path text = Files.writeString(dir.resolve("data.h5"), "test_time,current\n0,1\n");
        assertTrue(assertThrows(BadFormatException.class, () -> reader.open(text)).getMessage()
                .contains("not an HDF5 file"));
        Path missing = dir.resolve("missing.h5");
        assertTrue(assertThrows(FileAccessException.class, () -> reader.open(missing)).getMessage()
                .contains("no such file"));
        assertThrows(FileAccessException.class, () -> reader.open(dir));
    }

    @Test
    void datasetsThatAreNotTablesSayWhy() {
        Path bad = Fixtures.hdf5Dir().resolveSibling("bad");
        try (StoredDataset ds = reader.open(bad.resolve("not-compound.h5"))) {
            KeyNotFoundException e = assertThrows(KeyNotFoundException.class,
                    () -> ds.openTable("raw_data", ReadOptions.DEFAULT));
            assertTrue(e.getMessage().contains("not a compound dataset"), e.getMessage());
        }
        try (StoredDataset ds = reader.open(bad.resolve("no-metadata.h5"))) {
            BadFormatException e = assertThrows(BadFormatException.class, ds::metadataJson);
            assertTrue(e.getMessage().contains("no root attribute 'metadata'"), e.getMessage());
        }
    }

    @Test
    void newerLayoutsAndContiguousStorageRead() throws IOException {
        Path variants = Fixtures.hdf5Dir().resolveSibling("variants");
        try (var files = Files.list(variants)) {
            for (Path f : files.filter(x -> x.toString().endsWith(".h5")).toList()) {
                try (StoredDataset ds = reader.open(f)) {
                    String key = ds.tables().get(0).key();
                    long rows = Fixtures.readTable(ds, key,
                            ReadOptions.builder().batchRows(400).threads(2).prefetch(2).build());
                    assertEquals(1500, rows, f.toString());
                    assertTrue(ds.ignoredTables().stream().anyMatch(s -> s.contains("notes")), f.toString());
                }
            }
        }
    }
}
