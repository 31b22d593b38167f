package io.battdat.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code battdat plot} and {@code battdat report}: pictures written, bad input as one line and exit 1. */
class PictureCommandsTest {
    private static String plain() {
        return Cli.testdata("hdf5", "plain.h5").toString();
    }

    @Test
    void plotWritesPngAndSvg(@TempDir Path dir) throws Exception {
        Cli r = Cli.run("plot", plain(), "--chart", "voltage-capacity", "--cycles", "first,2,last", "--out",
                dir.resolve("vq.svg").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.readString(dir.resolve("vq.svg")).contains("Voltage (V)"));
        r = Cli.run("plot", plain(), Cli.testdata("hdf5", "multi-cell.h5").toString(), "--chart", "capacity",
                "--normalize", "--out", dir.resolve("fade.png").toString(), "--width", "400", "--height", "300");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("points shown"), r.out());
    }

    @Test
    void badInputIsOneLineNamingTheFile(@TempDir Path dir) {
        Path out = dir.resolve("x.png");
        Cli r = Cli.run("plot", plain(), "--chart", "dqdv", "--cycles", "1,999", "--out", out.toString());
        assertEquals(1, r.status());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("plain.h5") && r.err().contains("999"), r.err());
        r = Cli.run("plot", Cli.testdata("hdf5", "empty.h5").toString(), "--chart", "capacity", "--out",
                out.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("empty.h5") && r.err().contains("no cycles"), r.err());
        assertFalse(Files.exists(out), "no picture for bad input");
    }

    @Test
    void reportWritesOneSelfContainedFile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r.html");
        Cli r = Cli.run("report", plain(), "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        String html = Files.readString(out);
        assertTrue(html.contains("uPlot") && html.contains("cell-plain"));
        assertFalse(html.contains("<script src") || html.contains("<link "), "nothing loaded from outside");
        assertTrue(Files.size(out) < 8_000_000);
    }
}
