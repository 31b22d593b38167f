package io.battdat.streaming;

import io.battdat.api.spi.ReadOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

/**
 * The setting of the engine tests that run over the in-memory backend: a fresh {@link TestingMemoryReader} and an
 * engine that knows only it, and a temporary folder for the files the reader makes up.
 */
abstract class MemoryBackendTest {
    @TempDir
    Path dir;

    TestingMemoryReader reader;
    BattdatEngine engine;

    @BeforeEach
    void startMemoryBackend() {
        reader = new TestingMemoryReader();
        engine = new BattdatEngine(StorageRegistry.of(List.of(reader), List.of()), ReadOptions.DEFAULT);
    }
}
