package io.battdat.cli;

import picocli.CommandLine.Parameters;

/** A subcommand that reads one battdat file, local or remote, named by its first argument. */
abstract class FileSubcommand extends Subcommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "A battdat file: a path or a URI (see --hadoop-conf).")
    String file;
}
