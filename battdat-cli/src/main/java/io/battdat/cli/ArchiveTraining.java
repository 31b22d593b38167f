package io.battdat.cli;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * Run by the build, not by users: under {@code -XX:ArchiveClassesAtExit} it runs {@code battdat inspect FILE} and
 * {@code battdat -V} with their output discarded, so that the class-data-sharing archive {@code bin/battdat} maps
 * holds the classes of both start-ups: inspect's, which needs neither the engine's injector nor most plugins, and
 * the engine's injector and every plugin, which {@code -V} and the other commands start. Exits with the first
 * non-zero status (a training run that fails must fail the build rather than leave a partial archive unnoticed).
 */
final class ArchiveTraining {
    private ArchiveTraining() {
    }

    /** {@code ArchiveTraining FILE}: FILE is the small HDF5 file inspect describes. */
    public static void main(String[] args) {
        BattdatCommand.quickStartDefaults();
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        int status = BattdatCommand.execute(new String[]{"inspect", args[0]}, sink, sink);
        if (status == 0) {
            status = BattdatCommand.execute(new String[]{"-V"}, sink, sink);
        }
        System.exit(status);
    }
}
