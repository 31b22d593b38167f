package io.battdat.cli;

import picocli.CommandLine.Parameters;

import java.nio.file.Path;

/**
 * A subcommand that reads one local battdat file named by its first argument (the benchmarks and {@code check},
 * which take a path, not a URI; {@link FileSubcommand} is the one for commands that also read remote files).
 */
abstract class LocalFileSubcommand extends Subcommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "A battdat file.")
    Path file;
}
