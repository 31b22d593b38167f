package io.battdat.parsers.neware;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The command line the sample scalers ({@link NdaScaler}, {@link NdaxScaler}) share: sample, output, size in MB,
 * and one line saying what was written.
 */
final class ScalerCommand {
    /** Writes a scaled copy of a sample of at least {@code targetBytes}; returns the data records written. */
    @FunctionalInterface
    interface Scaling {
        long scale(Path sample, Path out, long targetBytes) throws IOException;
    }

    private ScalerCommand() {
    }

    /**
     * Runs {@code scaling} on the arguments {@code SAMPLE OUT SIZE_MB}; wrong arguments print the usage and exit 2.
     *
     * @param name  the command's name, for the usage line
     * @param usage the arguments as the usage line shows them
     */
    static void run(String[] args, String name, String usage, Scaling scaling) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: " + name + " " + usage);
            System.exit(2);
        }
        long records = scaling.scale(Path.of(args[0]), Path.of(args[1]), Long.parseLong(args[2]) << 20);
        System.out.println("wrote " + Files.size(Path.of(args[1])) + " bytes, " + records + " data records");
    }
}
