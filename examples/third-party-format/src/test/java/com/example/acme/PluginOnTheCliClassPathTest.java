package com.example.acme;

import io.battdat.api.data.ColumnBatch;
import io.battdat.streaming.Battdat;
import io.battdat.streaming.BatchStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the battdat command in a new JVM whose class path is the command's own (battdat-cli and its run-time
 * dependencies) plus this project's packaged jar, and nothing of this project's classes directories.
 */
class PluginOnTheCliClassPathTest {
    @TempDir
    Path dir;

    private static String classPath() {
        List<String> entries = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!e.endsWith("classes") && !e.endsWith("test-classes")) {
                entries.add(e);
            }
        }
        Path jar = Path.of(System.getProperty("plugin.jar"));
        assertTrue(Files.isRegularFile(jar), "the packaged plugin jar " + jar);
        entries.add(jar.toString());
        return String.join(File.pathSeparator, entries);
    }

    private record Run(int status, String output) {
    }

    private Run battdat(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath(), "io.battdat.cli.BattdatCommand"));
        command.addAll(List.of(args));
        Path log = dir.resolve("out.txt");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "battdat timed out");
        return new Run(p.exitValue(), Files.readString(log));
    }

    @Test
    void theCommandFindsAndUsesThePlugin() throws Exception {
        Run formats = battdat("formats");
        assertEquals(0, formats.status(), formats.output());
        assertTrue(formats.output().contains("acme") && formats.output().contains("acme-log-parser-1.0.jar"),
                formats.output());

        StringBuilder log = new StringBuilder("ACMELOG 1\n");
        for (int i = 0; i < 100; i++) {
            log.append(i / 50).append(';').append(i * 2.0).append(';').append(i < 20 ? 0.0 : 1.5).append(';')
                    .append(3.0 + i / 100.0).append('\n');
        }
        Path input = Files.writeString(dir.resolve("cell.acl"), log, StandardCharsets.US_ASCII);
        Path out = dir.resolve("cell.h5");
        Run convert = battdat("convert", input.toString(), "--out", out.toString());
        assertEquals(0, convert.status(), convert.output());
        assertTrue(convert.output().contains("(acme)"), convert.output());

        long rows = 0;
        try (BatchStream batches = Battdat.engine().batches(out, "raw_data")) {
            while (batches.hasNext()) {
                ColumnBatch b = batches.next();
                rows += b.rowCount();
                assertEquals("resting", b.strings("state").get(0));
            }
        }
        assertEquals(100, rows);
    }
}
