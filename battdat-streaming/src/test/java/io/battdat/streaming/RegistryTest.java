package io.battdat.streaming;

import com.google.inject.Guice;
import com.google.inject.util.Modules;
import io.battdat.api.PluginException;
import io.battdat.api.spi.FileProbe;
import io.battdat.api.spi.ProbeResult;
import io.battdat.api.spi.ReadOptions;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.StreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegistryTest {

    /** A reader that recognises files by a text signature. */
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

    private static ClassLoader withServices(Path dir, String... lines) throws IOException {
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.write(services.resolve(StreamReader.class.getName()), List.of(lines));
        return new java.net.URLClassLoader(new java.net.URL[]{dir.toUri().toURL()}, RegistryTest.class.getClassLoader());
    }

    @Test
    void aBrokenProviderIsSkippedAndTheOthersLoad(@TempDir Path dir) throws IOException {
        ClassLoader loader = withServices(dir, "com.example.DoesNotExist", ServiceFake.class.getName());
        StorageRegistry r = StorageRegistry.discover(loader);
        assertEquals(List.of("hdf5", "service-fake"), r.readers().stream().map(StreamReader::formatName).toList());
    }

    @Test
    void twoServicesOfOneFormatAreRefused(@TempDir Path dir) throws IOException {
        ClassLoader loader = withServices(dir, ServiceFake.class.getName(), ServiceFakeTwin.class.getName());
        PluginException e = assertThrows(PluginException.class, () -> StorageRegistry.discover(loader));
        assertTrue(e.getMessage().contains("ServiceFake") && e.getMessage().contains("ServiceFakeTwin"), e.getMessage());
    }

    static class OtherFake extends FakeReader {
        OtherFake(String format) {
            super(format, 0);
        }
    }

    @Test
    void discoveryFindsTheHdf5Backend() {
        StorageRegistry registry = StorageRegistry.discover(getClass().getClassLoader());
        assertEquals(List.of("hdf5"), registry.readers().stream().map(StreamReader::formatName).toList());
    }

    @Test
    void orderedByPriorityThenName() {
        StorageRegistry r = StorageRegistry.of(List.of(new FakeReader("b", 0), new FakeReader("a", 0),
                new FakeReader("c", 5)), List.of());
        assertEquals(List.of("c", "a", "b"), r.readers().stream().map(StreamReader::formatName).toList());
    }

    @Test
    void twoProvidersOfOneFormatAreRefusedByName() {
        PluginException e = assertThrows(PluginException.class, () -> StorageRegistry.of(
                List.of(new FakeReader("x", 0), new OtherFake("x")), List.of()));
        assertTrue(e.getMessage().contains(FakeReader.class.getName())
                && e.getMessage().contains(OtherFake.class.getName()), e.getMessage());
    }

    @Test
    void signatureBeatsExtension(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("data.aaa");
        Files.writeString(file, "bbb and more");
        FakeReader a = new FakeReader("aaa", 10);
        FakeReader b = new FakeReader("bbb", 0);
        assertSame(b, StorageRegistry.of(List.of(a, b), List.of()).readerFor(file));
    }

    @Test
    void noReaderSaysWhatToAdd(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("data.txt");
        Files.writeString(file, "hello");
        PluginException e = assertThrows(PluginException.class,
                () -> StorageRegistry.of(List.of(new FakeReader("aaa", 0)), List.of()).readerFor(file));
        assertTrue(e.getMessage().contains("data.txt") && e.getMessage().contains("aaa")
                && e.getMessage().contains("battdat-hdf5"), e.getMessage());
    }

    @Test
    void guiceBindingsCanBeOverridden() {
        StorageRegistry mine = StorageRegistry.of(List.of(new FakeReader("zzz", 0)), List.of());
        BattdatEngine engine = Guice.createInjector(Modules.override(new BattdatModule())
                        .with(binder -> binder.bind(StorageRegistry.class).toInstance(mine)))
                .getInstance(BattdatEngine.class);
        assertSame(mine, engine.registry());
        assertEquals(ReadOptions.DEFAULT, engine.options());
    }
}
