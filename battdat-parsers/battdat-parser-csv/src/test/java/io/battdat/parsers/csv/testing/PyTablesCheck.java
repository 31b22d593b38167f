package io.battdat.parsers.csv.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * For the parsers' tests (published as this module's test jar): what PyTables, the Python toolkit's HDF5 library,
 * reads of a converted file, through the shared {@code tools/pytables-check.py}. A test is skipped, with the reason,
 * where Python, the tool or PyTables is missing.
 */
public final class PyTablesCheck {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    private PyTablesCheck() {
    }

    /**
     * The facts the tool prints of {@code file}: {@code tables}, each with its {@code rows} and {@code columns}.
     *
     * @param options the tool's options ({@code --h5py})
     */
    public static JsonNode facts(Path file, String... options) throws IOException, InterruptedException {
        String root = System.getProperty("battdat.shared");
        assumeTrue(root != null, "battdat.shared is not set: run through Maven to use the ../shared tools");
        Path tool = Path.of(root, "tools", "pytables-check.py");
        assumeTrue(Files.isExecutable(PYTHON), "no " + PYTHON);
        assumeTrue(Files.isRegularFile(tool), "no " + tool);
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), tool.toString(), file.toString()));
        command.addAll(List.of(options));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assumeTrue(!(p.exitValue() != 0 && text.contains("No module named")), "PyTables is not installed: " + text);
        assertEquals(0, p.exitValue(), text);
        return new ObjectMapper().readTree(text);
    }
}
