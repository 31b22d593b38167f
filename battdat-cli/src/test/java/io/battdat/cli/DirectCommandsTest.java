package io.battdat.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command lines {@link DirectCommands} runs without picocli print the same and exit the same as picocli's run of
 * them; every other form is left to picocli.
 */
@Timeout(180)
class DirectCommandsTest {
    @TempDir
    static Path dir;

    private record Run(int status, String out, String err) {
    }

    private static Run run(boolean direct, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = BattdatCommand.execute(args, new PrintWriter(out), new PrintWriter(err), direct);
        return new Run(status, out.toString(), withoutStackFrames(err.toString()));
    }

    /** A stack trace's frames differ between the two paths (picocli calls the command); its first line does not. */
    private static String withoutStackFrames(String err) {
        return err.lines().filter(l -> !l.startsWith("\tat ") && !l.matches("\t\\.\\.\\. \\d+ more"))
                .collect(Collectors.joining("\n"));
    }

    private static List<String[]> directForms() throws IOException {
        String plain = Cli.testdata("hdf5", "plain.h5").toString();
        String multi = Cli.testdata("hdf5", "multi-cell.h5").toString();
        String missing = dir.resolve("missing.h5").toString();
        List<String[]> forms = new ArrayList<>();
        forms.add(new String[]{"-V"});
        forms.add(new String[]{"--version"});
        for (String file : new String[]{plain, multi, missing, dir.toString(), "inspect"}) {
            forms.add(new String[]{"inspect", file});
            forms.add(new String[]{"inspect", file, "--json"});
            forms.add(new String[]{"inspect", "--json", file});
            forms.add(new String[]{"--verbose", "inspect", file});
            forms.add(new String[]{"inspect", file, "--verbose", "--json"});
        }
        try (Stream<Path> bad = Files.list(Cli.testdata("bad"))) {
            for (Path p : bad.sorted().toList()) {
                forms.add(new String[]{"inspect", p.toString()});
                forms.add(new String[]{"inspect", "--json", p.toString()});
            }
        }
        return forms;
    }

    @Test
    void directFormsPrintAndExitAsPicocliDoes() throws IOException {
        int runDirectly = 0;
        for (String[] args : directForms()) {
            StringWriter sink = new StringWriter();
            int handled = DirectCommands.run(args, new PrintWriter(sink), new PrintWriter(sink));
            assertTrue(handled >= 0, "run directly: " + String.join(" ", args));
            runDirectly++;
            Run direct = run(true, args);
            Run picocli = run(false, args);
            String what = String.join(" ", args);
            assertEquals(picocli.status(), direct.status(), what);
            assertEquals(picocli.out(), direct.out(), what);
            assertEquals(picocli.err(), direct.err(), what);
        }
        assertTrue(runDirectly > 20);
        Run missing = run(true, "inspect", dir.resolve("missing.h5").toString(), "--verbose");
        assertEquals(1, missing.status());
        assertTrue(missing.err().startsWith("battdat: ") && missing.err().lines().count() > 1, missing.err());
    }

    @Test
    void everyOtherFormIsLeftToPicocli() {
        String plain = Cli.testdata("hdf5", "plain.h5").toString();
        String[][] forms = {
                {}, {"inspect"}, {"inspect", "--help"}, {"inspect", "-h"}, {"--help"}, {"-V", "inspect"},
                {"-V", "-V"}, {"inspect", "-V"}, {"inspect", plain, plain}, {"inspect", "--json", "--json", plain},
                {"--verbose", "--verbose", "inspect", plain}, {"inspect", "--bogus", plain}, {"inspect", "--", plain},
                {"inspect", "@args.txt"}, {"inspect", "-x.h5"}, {"inspect", ""}, {"inspect", "--json=true", plain},
                {"--hadoop-conf", "/etc/hadoop", "inspect", plain}, {"facts", plain}, {"help", "inspect"},
                {plain, "inspect"}, {"inspekt", plain},
        };
        for (String[] args : forms) {
            StringWriter out = new StringWriter();
            assertEquals(-1, DirectCommands.run(args, new PrintWriter(out), new PrintWriter(out)),
                    String.join(" ", args));
            assertEquals("", out.toString(), String.join(" ", args));
        }
    }
}
