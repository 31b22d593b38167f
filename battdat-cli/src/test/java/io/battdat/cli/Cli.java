package io.battdat.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the command in-process and keeps what it printed. */
record Cli(int status, String out, String err) {
    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = BattdatCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Cli(status, out.toString(), err.toString());
    }

    static Path testdata(String first, String... more) {
        return Path.of(System.getProperty("battdat.testdata", "../testdata"), first).resolve(Path.of("", more));
    }
}
