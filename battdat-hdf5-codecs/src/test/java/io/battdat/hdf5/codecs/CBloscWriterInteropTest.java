package io.battdat.hdf5.codecs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Containers written by {@link BloscEncoder} must decode with the system c-blosc (through Python's ctypes). */
class CBloscWriterInteropTest {

    @TempDir
    Path dir;

    @Test
    void cBloscDecodesOurContainers() throws IOException {
        String python = PythonSupport.pythonWith("ctypes");
        int count = 0;
        for (InnerCodec codec : InnerCodec.values()) {
            for (ShuffleMode shuffle : ShuffleMode.values()) {
                for (int typesize : new int[] {1, 4, 8, 59, 75}) {
                    for (int size : new int[] {0, 1, 100, 130, 5003, 65536, 400_007}) {
                        for (int clevel : new int[] {1, 5, 9}) {
                            boolean compressible = (size + clevel) % 2 == 0;
                            byte[] data = compressible ? TestData.compressible(size, size + typesize)
                                    : TestData.random(size, size + typesize);
                            String name = String.format("%s_%s_%d_%d_%d", codec, shuffle, typesize, size, clevel);
                            Files.write(dir.resolve(name + ".raw"), data);
                            Files.write(dir.resolve(name + ".blosc"),
                                    BloscEncoder.encode(data, typesize, clevel, shuffle, codec));
                            count++;
                        }
                    }
                }
            }
        }
        Path script = PythonSupport.script("blosc_decompress_check.py", dir);
        PythonSupport.Result result = PythonSupport.run(List.of(python, script.toString(), dir.toString()), 600);
        if (result.output().contains("OSError") && result.output().contains("blosc")) {
            org.junit.jupiter.api.Assumptions.abort("c-blosc shared library not found: " + result.output());
        }
        assertEquals(0, result.exitCode(), result.output());
        List<String> failures = new ArrayList<>();
        int ok = 0;
        for (String line : result.output().split("\n")) {
            if (line.startsWith("OK ")) {
                ok++;
            } else if (line.startsWith("FAIL ")) {
                failures.add(line);
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " containers rejected by c-blosc: " + failures);
        assertEquals(count, ok, result.output());
    }
}
