package io.battdat.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code battdat bench}: benchmarks that print what the Python harness prints. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        subcommands = {BenchReadCommand.class, BenchWriteCommand.class, BenchFollowCommand.class,
                BenchPostprocessCommand.class})
final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a benchmark is required: read, write or follow");
    }
}
