package io.battdat.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * What the battdat subcommands share: picocli's model of the command being run (injected by picocli), the writers
 * it prints to, and the way it refuses a combination of arguments. A command's description, the prose its
 * {@code --help} prints under the usage line, is in {@code help.properties} ({@link BattdatCommand#HELP_TEXTS}).
 */
abstract class Subcommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Where results go: standard output, or the writer a caller of {@link BattdatCommand#execute} gave. */
    final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Where messages for the user go: standard error, or the writer a caller gave. */
    final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** An argument error: one line naming the command and {@code message} ({@link CliErrors#usage}). */
    final ParameterException usageError(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
