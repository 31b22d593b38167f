package io.battdat.streaming;

import io.battdat.api.PluginException;
import io.battdat.api.spi.Spi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Plugins as third parties build them: a parser compiled against a newer SPI than the running one is refused,
 * naming its jar, and a broken set of plugins reaches {@link Battdat#engine()}'s callers as a
 * {@link PluginException} on every call.
 */
class PluginEvolutionTest {
    @TempDir
    Path dir;

    private static final String PARSER = """
            package com.example.future;

            import io.battdat.api.parse.CellFiles;
            import io.battdat.api.parse.ParseContext;
            import io.battdat.api.parse.VendorParser;
            import io.battdat.api.spi.FileProbe;
            import io.battdat.api.spi.ProbeResult;
            import io.battdat.api.spi.Spi;
            import java.util.List;

            public class FutureParser implements VendorParser {
                public String formatName() { return "future-format"; }
                public String description() { return "built against a newer SPI"; }
                public List<String> extensions() { return List.of("fut"); }
                public ProbeResult probe(FileProbe probe) { return ProbeResult.NO; }
                public void parse(CellFiles cell, ParseContext context) { }
                public int spiVersion() { return Spi.VERSION; }
            }
            """;

    /** The SPI class as a later release of battdat-api would have it: the same class, a higher version. */
    private static final String BUMPED_SPI = """
            package io.battdat.api.spi;

            public final class Spi {
                public static final int VERSION = %d;
                private Spi() { }
            }
            """;

    @Test
    void aParserBuiltAgainstANewerSpiIsRefusedNamingItsJar() throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assumeTrue(javac != null, "no Java compiler in this runtime (a JRE): cannot build the test plugin");
        Path newerApi = Files.createDirectories(dir.resolve("newer-api"));
        Path bumpedSource = write(dir.resolve("src-api/io/battdat/api/spi/Spi.java"),
                BUMPED_SPI.formatted(Spi.VERSION + 1));
        compile(javac, newerApi, System.getProperty("java.class.path"), bumpedSource);

        Path pluginClasses = Files.createDirectories(dir.resolve("plugin-classes"));
        Path parserSource = write(dir.resolve("src-plugin/com/example/future/FutureParser.java"), PARSER);
        // The newer SPI comes first on the class path, as it would when the plugin's author built it.
        compile(javac, pluginClasses, newerApi + File.pathSeparator + System.getProperty("java.class.path"),
                parserSource);
        Path jar = dir.resolve("future-parser-2.0.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            j.putNextEntry(new JarEntry("com/example/future/FutureParser.class"));
            j.write(Files.readAllBytes(pluginClasses.resolve("com/example/future/FutureParser.class")));
            j.putNextEntry(new JarEntry("META-INF/services/io.battdat.api.parse.VendorParser"));
            j.write("com.example.future.FutureParser\n".getBytes(StandardCharsets.UTF_8));
        }

        try (URLClassLoader loader = new URLClassLoader(new URL[]{jar.toUri().toURL()},
                PluginEvolutionTest.class.getClassLoader())) {
            StorageRegistry registry = StorageRegistry.discover(loader);
            assertTrue(registry.parsers().stream().noneMatch(p -> p.formatName().equals("future-format")),
                    "the plugin must be refused");
            String problems = String.join("\n", registry.problems());
            assertTrue(problems.contains("future-parser-2.0.jar"), problems);
            assertTrue(problems.contains("SPI " + (Spi.VERSION + 1)), problems);
        }
    }

    @Test
    void aWiringFailureIsAPluginExceptionOnEveryCall() throws Exception {
        // Two providers of one format: discovery refuses both, which fails the engine's wiring. Battdat is loaded
        // afresh (child first) so that its one-time state starts empty.
        Path services = Files.createDirectories(dir.resolve("services/META-INF/services"));
        Files.writeString(services.resolve("io.battdat.api.spi.StreamReader"),
                RegistryTest.ServiceFake.class.getName() + "\n" + RegistryTest.ServiceFakeTwin.class.getName() + "\n");
        List<URL> urls = new ArrayList<>();
        urls.add(dir.resolve("services").toUri().toURL());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        try (URLClassLoader isolated = new URLClassLoader(urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            Method engine = isolated.loadClass(Battdat.class.getName()).getMethod("engine");
            for (int call = 1; call <= 3; call++) {
                try {
                    engine.invoke(null);
                    throw new AssertionError("call " + call + " built an engine over conflicting plugins");
                } catch (InvocationTargetException e) {
                    Throwable thrown = e.getCause();
                    assertEquals(PluginException.class.getName(), thrown.getClass().getName(), "call " + call);
                    assertTrue(thrown.getMessage().contains("service-fake"), thrown.getMessage());
                    assertTrue(thrown.getMessage().contains(".jar") || thrown.getMessage().contains("test-classes"),
                            "names where the plugins came from: " + thrown.getMessage());
                }
            }
        }
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static void compile(JavaCompiler javac, Path out, String classPath, Path... sources) {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-cp", classPath, "--release", "17"));
        Stream.of(sources).map(Path::toString).forEach(args::add);
        int status = javac.run(null, null, errors, args.toArray(String[]::new));
        assertEquals(0, status, errors.toString(StandardCharsets.UTF_8));
    }
}
