package io.battdat.spark;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs after {@code package}: the README's example against {@code battdat-spark-<version>-bundle.jar} as
 * {@code spark-submit --jars} would see it, in a class loader holding Spark's class path and the bundle, with every
 * battdat module, jHDF, Guice and Guava taken out of the test's own class path. A class missing from the bundle
 * fails here.
 */
@Timeout(180)
class SparkBundleIT {
    /** Class path entries the bundle must bring itself. */
    private static final List<String> BUNDLED = List.of("/io/battdat/", "/battdat-", "/io/jhdf/", "/com/google/inject/",
            "/com/google/guava/", "/aopalliance/", "/io/airlift/aircompressor/");

    @TempDir
    Path lake;

    @Test
    void readmeExampleRunsOnTheBundleJar() throws Exception {
        String bundleName = System.getProperty("battdat.bundle");
        Assumptions.assumeTrue(bundleName != null && Files.isRegularFile(Path.of(bundleName)),
                "no bundle jar (run through mvn verify, after package): skipping");
        Path bundle = Path.of(bundleName);
        try (JarFile jar = new JarFile(bundle.toFile())) {
            assertTrue(jar.getEntry("META-INF/services/org.apache.spark.sql.sources.DataSourceRegister") != null);
            assertNull(jar.getEntry("org/apache/spark/sql/SparkSession.class"), "Spark is not bundled");
            assertNull(jar.getEntry("com/fasterxml/jackson/databind/ObjectMapper.class"), "Spark's Jackson is used");
        }
        Path fixtures = Path.of(System.getProperty("battdat.testdata", "../testdata"), "hdf5");
        Files.createDirectories(lake.resolve("a"));
        Files.createDirectories(lake.resolve("b/c"));
        Files.copy(fixtures.resolve("plain.h5"), lake.resolve("a/plain.h5"));
        Files.copy(fixtures.resolve("multi-cell.h5"), lake.resolve("b/c/multi-cell.h5"));

        List<URL> urls = new ArrayList<>();
        urls.add(bundle.toUri().toURL());
        urls.add(Path.of("target", "test-classes").toAbsolutePath().toUri().toURL()); // BundleExample only
        for (String entry : classPath()) {
            String unix = entry.replace(File.separatorChar, '/');
            if (BUNDLED.stream().noneMatch(unix::contains) && !unix.endsWith("/test-classes")) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader isolated = new URLClassLoader("bundle-test", urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            assertFromBundle(isolated, "io.battdat.hdf5.Hdf5StreamReader");
            Thread.currentThread().setContextClassLoader(isolated);
            @SuppressWarnings("unchecked")
            Function<String, String> example = (Function<String, String>) isolated
                    .loadClass("io.battdat.spark.BundleExample").getConstructor().newInstance();
            String result = example.apply(lake.toString());
            // plain.h5: 5 cycles, 5776 rows; multi-cell.h5: two cells of 1838 and 1112 rows
            assertTrue(result.startsWith("groups=") && result.contains(" files=2 ") && result.endsWith(" rows="
                    + (5776 + 1838 + 1112)), result);
            assertEquals(-1, result.indexOf("groups=0 "), result);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** The class is loaded from the bundle jar, not from anywhere else on the class path. */
    private static void assertFromBundle(ClassLoader loader, String name) throws ClassNotFoundException {
        Class<?> c = loader.loadClass(name);
        String from = c.getProtectionDomain().getCodeSource().getLocation().toString();
        assertTrue(from.endsWith("-bundle.jar"), name + " comes from " + from);
    }

    private static List<String> classPath() throws IOException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = new ArrayList<>();
        for (String e : cp.split(File.pathSeparator)) {
            if (!e.isBlank()) {
                entries.add(e);
            }
        }
        return entries;
    }
}
