package io.battdat.streaming;

import com.google.inject.ConfigurationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import io.battdat.api.FileAccessException;
import io.battdat.api.PluginException;
import io.battdat.api.spi.DatasetSink;
import io.battdat.api.spi.FileProbe;
import io.battdat.api.spi.ProbeResult;
import io.battdat.api.spi.ReadOptions;
import io.battdat.api.spi.Spi;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.StreamReader;
import io.battdat.api.spi.StreamWriter;
import io.battdat.api.spi.WriteOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Service discovery, ordering and choice of backend (style anchors 2-4), and the Guice wiring (anchor 10). */
class RegistryTest {

    /** A reader that recognises files by a text signature at offset 0, or by an extension of the same name. */
    static class FakeReader implements StreamReader {
        private final String format;
        private final int priority;

        FakeReader(String format, int priority) {
            this.format = format;
            this.priority = priority;
        }

        @Override
        public String formatName() {
            return format;
        }

        @Override
        public List<String> extensions() {
            return List.of(format);
        }

        @Override
        public ProbeResult probe(FileProbe probe) {
            if (probe.hasBytesAt(0, format.getBytes())) {
                return ProbeResult.SIGNATURE;
            }
            return probe.extension().equals(format) ? ProbeResult.EXTENSION : ProbeResult.NO;
        }

        @Override
        public StoredDataset open(Path path) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int priority() {
            return priority;
        }

        @Override
        public int spiVersion() {
            return Spi.VERSION;
        }
    }

    /** Public with a no-argument constructor, so ServiceLoader can build it. */
    public static class ServiceFake extends FakeReader {
        public ServiceFake() {
            super("service-fake", 0);
        }
    }

    /** A second provider claiming the same format as {@link ServiceFake}. */
    public static class ServiceFakeTwin extends FakeReader {
        public ServiceFakeTwin() {
            super("service-fake", 0);
        }
    }

    /** A provider whose constructor fails. */
    public static class ExplodingReader extends FakeReader {
        public ExplodingReader() {
            super("exploding", 0);
            throw new IllegalStateException("boom (test)");
        }
    }

    static class OtherFake extends FakeReader {
        OtherFake(String format) {
            super(format, 0);
        }
    }

    static class FutureReader extends FakeReader {
        FutureReader() {
            super("future", 0);
        }

        @Override
        public int spiVersion() {
            return Spi.VERSION + 1;
        }
    }

    static class FakeWriter implements StreamWriter {
        private final String format;

        FakeWriter(String format) {
            this.format = format;
        }

        @Override
        public String formatName() {
            return format;
        }

        @Override
        public ProbeResult probe(FileProbe probe) {
            return probe.extension().equals(format) ? ProbeResult.EXTENSION : ProbeResult.NO;
        }

        @Override
        public DatasetSink open(Path path, WriteOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int spiVersion() {
            return Spi.VERSION;
        }
    }

    private static URLClassLoader withServices(Path dir, String... lines) throws IOException {
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.write(services.resolve(StreamReader.class.getName()), List.of(lines));
        return new URLClassLoader(new java.net.URL[]{dir.toUri().toURL()}, RegistryTest.class.getClassLoader());
    }

    private static List<String> names(StorageRegistry r) {
        return r.readers().stream().map(StreamReader::formatName).toList();
    }

    @Test
    void discoveryFindsTheBackendsOnTheClassPath() {
        // battdat-hdf5 and battdat-parquet (test dependencies) and the test's own META-INF/services entry
        StorageRegistry registry = StorageRegistry.discover(getClass().getClassLoader());
        assertEquals(List.of("hdf5", "memory-service", "parquet"), names(registry));
        assertTrue(registry.readers().get(1) instanceof TestingServiceReader);
        assertEquals(List.of("hdf5", "parquet"), registry.writers().stream().map(StreamWriter::formatName).toList());
        assertEquals(List.of(), registry.problems());
    }

    @Test
    void aBrokenProviderIsSkippedAndTheOthersLoad(@TempDir Path dir) throws IOException {
        try (URLClassLoader loader = withServices(dir, "com.example.DoesNotExist", ExplodingReader.class.getName(),
                ServiceFake.class.getName())) {
            StorageRegistry r = StorageRegistry.discover(loader);
            assertEquals(List.of("hdf5", "memory-service", "parquet", "service-fake"), names(r));
            assertEquals(2, r.problems().size(), r.problems().toString());
            assertTrue(r.problems().get(0).contains("com.example.DoesNotExist"), r.problems().toString());
            assertTrue(r.problems().get(1).contains(ExplodingReader.class.getName()), r.problems().toString());
        }
    }

    @Test
    void twoServicesOfOneFormatAreRefusedByClass(@TempDir Path dir) throws IOException {
        try (URLClassLoader loader = withServices(dir, ServiceFake.class.getName(), ServiceFakeTwin.class.getName())) {
            PluginException e = assertThrows(PluginException.class, () -> StorageRegistry.discover(loader));
            assertTrue(e.getMessage().contains(ServiceFake.class.getName())
                    && e.getMessage().contains(ServiceFakeTwin.class.getName())
                    && e.getMessage().contains("'service-fake'"), e.getMessage());
        }
    }

    @Test
    void readersAloneAreFoundByTheSameRules(@TempDir Path dir) throws IOException {
        StorageRegistry all = StorageRegistry.discover(getClass().getClassLoader());
        StorageRegistry readers = StorageRegistry.discoverReaders(getClass().getClassLoader());
        assertEquals(names(all), names(readers));
        assertEquals(List.of(), readers.writers());
        assertEquals(List.of(), readers.parsers());
        assertEquals(List.of(), readers.summarizers());
        assertEquals(List.of(), readers.storage());
        try (URLClassLoader loader = withServices(dir, "com.example.DoesNotExist", ServiceFake.class.getName())) {
            StorageRegistry r = StorageRegistry.discoverReaders(loader);
            assertEquals(List.of("hdf5", "memory-service", "parquet", "service-fake"), names(r));
            assertEquals(StorageRegistry.discover(loader).problems(), r.problems());
        }
    }

    @Test
    void readersAloneRefuseTwoServicesOfOneFormat(@TempDir Path dir) throws IOException {
        try (URLClassLoader loader = withServices(dir, ServiceFake.class.getName(), ServiceFakeTwin.class.getName())) {
            PluginException e = assertThrows(PluginException.class, () -> StorageRegistry.discoverReaders(loader));
            assertEquals(assertThrows(PluginException.class, () -> StorageRegistry.discover(loader)).getMessage(),
                    e.getMessage());
        }
    }

    @Test
    void twoProvidersOfOneFormatAreRefusedByClass() {
        PluginException e = assertThrows(PluginException.class, () -> StorageRegistry.of(
                List.of(new FakeReader("x", 0), new OtherFake("x")), List.of()));
        assertTrue(e.getMessage().contains(FakeReader.class.getName())
                && e.getMessage().contains(OtherFake.class.getName()), e.getMessage());
        assertThrows(PluginException.class, () -> StorageRegistry.of(List.of(),
                List.of(new FakeWriter("w"), new FakeWriter("w"))));
    }

    @Test
    void aProviderForANewerSpiIsRefusedByName() {
        StorageRegistry r = StorageRegistry.of(List.of(new FutureReader(), new FakeReader("a", 0)), List.of());
        assertEquals(List.of("a"), names(r));
        assertTrue(r.problems().get(0).contains("future") && r.problems().get(0).contains(FutureReader.class.getName())
                && r.problems().get(0).contains("SPI " + (Spi.VERSION + 1)), r.problems().toString());
    }

    @Test
    void orderedByPriorityThenName() {
        StorageRegistry r = StorageRegistry.of(List.of(new FakeReader("b", 0), new FakeReader("a", 0),
                new FakeReader("c", 5), new FakeReader("d", -1)), List.of());
        assertEquals(List.of("c", "a", "b", "d"), names(r));
        assertThrows(UnsupportedOperationException.class, () -> r.readers().clear());
    }

    @Test
    void signatureBeatsExtensionWhateverThePriority(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("data.aaa"), "bbb and more");
        FakeReader a = new FakeReader("aaa", 10);
        FakeReader b = new FakeReader("bbb", 0);
        assertSame(b, StorageRegistry.of(List.of(a, b), List.of()).readerFor(file));
        Path other = Files.writeString(dir.resolve("data2.aaa"), "neither");
        assertSame(a, StorageRegistry.of(List.of(a, b), List.of()).readerFor(other), "the extension, failing all else");
    }

    @Test
    void theProbeSeesTheFirstBytesOnly(@TempDir Path dir) throws IOException {
        byte[] big = new byte[FileProbe.HEAD_BYTES * 3];
        Path file = Files.write(dir.resolve("big.bin"), big);
        int[] seen = {-1};
        StreamReader r = new FakeReader("zz", 0) {
            @Override
            public ProbeResult probe(FileProbe probe) {
                seen[0] = probe.head().length;
                return ProbeResult.SIGNATURE;
            }
        };
        StorageRegistry.of(List.of(r), List.of()).readerFor(file);
        assertEquals(FileProbe.HEAD_BYTES, seen[0]);
    }

    @Test
    void noReaderListsTheReadersAndSaysWhatToAdd(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("data.txt"), "hello");
        PluginException e = assertThrows(PluginException.class,
                () -> StorageRegistry.of(List.of(new FakeReader("aaa", 0)), List.of()).readerFor(file));
        assertEquals(file, e.file());
        assertTrue(e.getRawMessage().startsWith("no storage backend reads this file; readers found: [aaa ("
                + FakeReader.class.getName()), e.getRawMessage());
        assertTrue(e.getRawMessage().endsWith("; add battdat-hdf5 (or another backend) to the class path"),
                e.getRawMessage());
        PluginException none = assertThrows(PluginException.class,
                () -> StorageRegistry.of(List.of(), List.of()).readerFor(file));
        assertEquals("no storage backend reads this file; readers found: []; add battdat-hdf5 (or another backend)"
                + " to the class path", none.getRawMessage());
    }

    @Test
    void aMissingFileIsAFileAccessError(@TempDir Path dir) {
        Path file = dir.resolve("nothing.h5");
        FileAccessException e = assertThrows(FileAccessException.class,
                () -> StorageRegistry.discover(getClass().getClassLoader()).readerFor(file));
        assertEquals(file, e.file());
    }

    @Test
    void writersAreChosenByNameForNewFiles(@TempDir Path dir) {
        FakeWriter w = new FakeWriter("ww");
        StorageRegistry r = StorageRegistry.of(List.of(), List.of(w));
        assertSame(w, r.writerFor(dir.resolve("new.ww")));
        PluginException e = assertThrows(PluginException.class, () -> r.writerFor(dir.resolve("new.h5")));
        assertTrue(e.getMessage().contains("ww (") && e.getMessage().contains("add battdat-hdf5"), e.getMessage());
    }

    @Test
    void guiceBindingsCanBeOverridden(@TempDir Path dir) {
        TestingMemoryReader reader = new TestingMemoryReader();
        TestingMemoryReader.MemoryFile f = reader.file(dir, "a.mem").table("raw_data", 4, 4);
        StorageRegistry mine = StorageRegistry.of(List.of(reader), List.of());
        Injector injector = Guice.createInjector(Modules.override(new BattdatModule())
                .with(binder -> binder.bind(StorageRegistry.class).toInstance(mine)));
        BattdatEngine engine = injector.getInstance(BattdatEngine.class);
        assertSame(mine, engine.registry());
        assertSame(engine, injector.getInstance(BattdatEngine.class), "a singleton");
        assertEquals(ReadOptions.DEFAULT, engine.options());
        try (RecordStream records = engine.records(f.path, null)) {
            assertEquals(4, records.next().getLong("cycle_number"));
        }
        assertTrue(f.allClosed(), f.toString());
    }

    @Test
    void theModuleBindsExplicitlyOnly() {
        Injector injector = Guice.createInjector(new BattdatModule());
        assertEquals(List.of("hdf5", "memory-service", "parquet"), names(injector.getInstance(StorageRegistry.class)));
        assertThrows(ConfigurationException.class, () -> injector.getInstance(TestingMemoryReader.class),
                "requireExplicitBindings: no just-in-time bindings");
    }

    @Test
    void theDefaultEngineFindsServiceBackends(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("cells.bin"), TestingMemoryReader.SIGNATURE + "\n");
        BattdatEngine engine = Battdat.engine();
        assertSame(engine, Battdat.engine());
        try (CycleStream cycles = engine.cycles(file, CycleRequest.allTables())) {
            assertEquals(List.of("cycle_stats", "raw_data"), cycles.keys());
            int n = 0;
            while (cycles.hasNext()) {
                assertEquals(n, cycles.next().cycleIndex());
                n++;
            }
            assertEquals(3, n);
        }
    }
}
