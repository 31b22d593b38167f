package io.battdat.cli;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Runs {@code /usr/bin/python3} for the tests that compare with PyTables. A test whose Python, PyTables or
 * {@code pytables-check.py} is absent is skipped with the reason, never failed.
 */
final class Python {
    private Python() {
    }

    /**
     * Runs {@code /usr/bin/python3 ARGS}; status -1 (and the reason in {@code err}) when it could not be started
     * or did not end within {@code timeoutSeconds}.
     */
    static Cli run(long timeoutSeconds, String... args) {
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3"));
        command.addAll(Arrays.asList(args));
        try {
            Path out = Files.createTempFile("py-out", ".txt");
            Path err = Files.createTempFile("py-err", ".txt");
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Cli(-1, "", "timed out: " + command);
            }
            Cli result = new Cli(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return result;
        } catch (IOException e) {
            return new Cli(-1, "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Cli(-1, "", e.toString());
        }
    }

    /** The shared {@code pytables-check.py}, once Python with tables and h5py is known to run; else skips. */
    static Path pyTablesCheck() {
        Path tool = Path.of(System.getProperty("battdat.shared", "../../shared"), "tools", "pytables-check.py");
        Assumptions.assumeTrue(Files.isRegularFile(tool), tool + " is not present: skipping the PyTables check");
        Assumptions.assumeTrue(run(120, "-c", "import tables, h5py").status() == 0,
                "/usr/bin/python3 with python3-tables and python3-h5py is missing: skipping the PyTables check");
        return tool;
    }

    /** Asserts that PyTables opens {@code file} and reads every table (skips when PyTables is absent). */
    static void assertPyTablesReads(Path file) {
        Cli check = run(120, pyTablesCheck().toString(), file.toString());
        assertEquals(0, check.status(), file + ": " + check.err());
    }
}
