package io.battdat.hdf5.codecs;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the Python helper scripts of these tests, skipping (never installing) when Python or a module is absent. */
final class PythonSupport {

    private static final List<String> CANDIDATES = List.of("/usr/bin/python3", "python3");

    private PythonSupport() {
    }

    /** The first interpreter that can import all {@code modules}; skips the calling test when there is none. */
    static String pythonWith(String... modules) {
        String imports = "import " + String.join(", ", modules);
        List<String> failures = new ArrayList<>();
        for (String candidate : CANDIDATES) {
            try {
                Result result = run(List.of(candidate, "-c", imports), 60);
                if (result.exitCode == 0) {
                    return candidate;
                }
                failures.add(candidate + ": " + result.output.strip());
            } catch (IOException e) {
                failures.add(candidate + ": " + e.getMessage());
            }
        }
        Assumptions.abort("No Python interpreter can '" + imports + "' (install python3-tables to run this test): "
                + failures);
        throw new AssertionError("unreachable");
    }

    /** Copies a script from the test resources into {@code dir}. */
    static Path script(String name, Path dir) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = PythonSupport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("Missing test resource " + name);
            }
            Files.copy(in, target);
        }
        return target;
    }

    static Result run(List<String> command, long timeoutSeconds) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Process process = builder.start();
        byte[] output;
        try (InputStream in = process.getInputStream()) {
            output = in.readAllBytes();
        }
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("Timed out: " + command);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted: " + command, e);
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    record Result(int exitCode, String output) {
    }
}
