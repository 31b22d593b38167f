package io.battdat.cli;

import io.battdat.api.metadata.BatteryMetadata;

import java.io.PrintWriter;

/**
 * The few command lines that run without picocli: {@code battdat inspect FILE} (with {@code --json} and
 * {@code --verbose} in any order) and {@code battdat -V}. Building picocli's model of even one command reads its
 * annotations by reflection in picocli's Java 5 bytecode, which a class-data-sharing archive cannot hold; for a
 * command that finishes in a fraction of a second that was a fifth of its CPU time. Every other form, including
 * {@code --help}, a second file, an unknown or repeated option, {@code --}, an {@code @file} argument or a file
 * name starting with a dash, goes to picocli as before, so usage errors and help keep picocli's wording. What a
 * direct run prints and returns is what picocli's run of the same arguments prints and returns (a test compares
 * them).
 */
final class DirectCommands {
    /** Set to {@code off} to send every command line through picocli (to compare the two paths). */
    static final String OFF_PROPERTY = "battdat.cli.direct";

    private DirectCommands() {
    }

    /**
     * Runs {@code args} when they are one of the direct forms and returns the exit status, or returns -1 without
     * doing anything when picocli must parse them.
     */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        if ("off".equals(System.getProperty(OFF_PROPERTY))) {
            return -1;
        }
        if (args.length == 1 && (args[0].equals("-V") || args[0].equals("--version"))) {
            return version(out);
        }
        Inspect inspect = Inspect.of(args);
        return inspect == null ? -1 : inspect(inspect.file(), inspect.json(), inspect.verbose(), out, err);
    }

    /**
     * Starts, when {@code args} are a direct {@code inspect}, what can run beside it: called first thing, before
     * logging is set up, so that the longest part of inspect's start-up begins as early as it can.
     */
    static void prepare(String[] args) {
        if (!"off".equals(System.getProperty(OFF_PROPERTY)) && Inspect.of(args) != null) {
            prepareMetadataReading();
        }
    }

    /** {@code inspect FILE [--json]} with {@code --verbose} anywhere, each at most once. */
    private record Inspect(String file, boolean json, boolean verbose) {
        /** The inspect these arguments ask for, or null when they are any other form. */
        static Inspect of(String[] args) {
            String file = null;
            boolean command = false;
            boolean json = false;
            boolean verbose = false;
            for (String a : args) {
                if (a.equals("--verbose") && !verbose) {
                    verbose = true;
                } else if (!command) {
                    if (!a.equals("inspect")) {
                        return null;
                    }
                    command = true;
                } else if (a.equals("--json") && !json) {
                    json = true;
                } else if (file == null && !a.isEmpty() && !a.startsWith("-") && !a.startsWith("@")) {
                    file = a;
                } else {
                    return null;
                }
            }
            return file == null ? null : new Inspect(file, json, verbose);
        }
    }

    private static int inspect(String file, boolean json, boolean verbose, PrintWriter out, PrintWriter err) {
        try {
            return InspectCommand.of(file, json).print(out);
        } catch (Exception e) {
            return CliErrors.failure(e, "battdat inspect", err, verbose);
        } catch (OutOfMemoryError | StackOverflowError e) {
            // picocli lets errors through to BattdatCommand.execute, which names the root command
            return CliErrors.failure(e, "battdat", err, verbose);
        }
    }

    /**
     * Prepares Jackson's binding of the metadata model on another thread while this one finds the readers and
     * opens the file: on two cores the two halves of inspect's start-up then overlap. Reading a tiny document
     * builds the same deserializers the file's metadata needs; its result and any error are of no interest.
     */
    private static void prepareMetadataReading() {
        Thread t = new Thread(() -> {
            try {
                BatteryMetadata.fromJson("{\"name\":\"\"}");
            } catch (RuntimeException ignored) {
                // the real reading reports its own errors
            }
        }, "battdat-prepare-metadata");
        t.setDaemon(true);
        t.start();
    }

    /** The version lines, as picocli prints them for {@code -V}. */
    private static int version(PrintWriter out) {
        for (String line : new BattdatCommand.Version().getVersion()) {
            out.println(line);
        }
        out.flush();
        return 0;
    }
}
