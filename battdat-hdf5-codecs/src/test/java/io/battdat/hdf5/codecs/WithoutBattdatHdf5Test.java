package io.battdat.hdf5.codecs;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * battdat-hdf5 is an optional dependency: a jHDF user who has this module, jHDF and the codec libraries only
 * loads the blosc filter and decodes with it. Checked in a class loader that holds the test class path without
 * battdat-hdf5.
 */
class WithoutBattdatHdf5Test {

    @Test
    void bloscFilterLoadsAndDecodesWithoutBattdatHdf5() throws Exception {
        List<URL> urls = new ArrayList<>();
        boolean dropped = false;
        for (String entry : classPath().split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            Path p = Path.of(entry).toAbsolutePath().normalize();
            if (isBattdatHdf5(p)) {
                dropped = true;
                continue;
            }
            urls.add(p.toUri().toURL());
        }
        assertTrue(dropped, "battdat-hdf5 was not found on the test class path " + classPath());
        try (URLClassLoader isolated = new URLClassLoader(urls.toArray(new URL[0]),
                ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class,
                    () -> Class.forName("io.battdat.hdf5.ShuffledBlocksFilters", true, isolated));
            Class<?> filterClass = Class.forName(BloscFilter.class.getName(), true, isolated);
            Object filter = filterClass.getConstructor().newInstance();
            Method encode = filterClass.getMethod("encode", byte[].class, int[].class);
            Method decode = filterClass.getMethod("decode", byte[].class, int[].class);
            byte[] data = TestData.compressible(59 * 1000, 7);
            int[] clientData = {2, 2, 59, data.length, 5, 1, 0};
            byte[] encoded = (byte[]) encode.invoke(filter, data, clientData);
            assertArrayEquals(data, (byte[]) decode.invoke(filter, encoded, clientData));
        }
    }

    /** Surefire puts the test class path in this property (java.class.path may be a manifest-only jar). */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static boolean isBattdatHdf5(Path entry) {
        String name = entry.getFileName() == null ? "" : entry.getFileName().toString();
        if (name.matches("battdat-hdf5-\\d.*\\.jar")) {
            return true;
        }
        // a reactor build puts the module's classes folder on the path: battdat-hdf5/<build dir>/classes
        Path module = entry.getParent() == null ? null : entry.getParent().getParent();
        return name.equals("classes") && module != null && module.getFileName() != null
                && module.getFileName().toString().equals("battdat-hdf5");
    }
}
