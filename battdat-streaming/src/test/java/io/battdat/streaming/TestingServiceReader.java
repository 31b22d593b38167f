package io.battdat.streaming;

import java.nio.file.Path;

/**
 * The in-memory backend as a ServiceLoader provider (listed in the test {@code META-INF/services}): every file that
 * starts with {@link TestingMemoryReader#SIGNATURE} holds {@code cycle_stats} (cycles 0, 1, 2) and {@code raw_data}
 * (cycles 0, 0, 1, 1, 1, 2).
 */
public class TestingServiceReader extends TestingMemoryReader {

    /** Service constructor. */
    public TestingServiceReader() {
    }

    @Override
    public String formatName() {
        return "memory-service";
    }

    @Override
    MemoryFile content(Path path) {
        return new MemoryFile(path).table("cycle_stats", 0, 1, 2).table("raw_data", 0, 0, 1, 1, 1, 2);
    }
}
