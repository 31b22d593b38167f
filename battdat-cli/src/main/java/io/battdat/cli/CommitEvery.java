package io.battdat.cli;

import io.battdat.streaming.write.CommitPolicy;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code --commit-every} option of the commands that write whole files, and the commit policy it asks for. */
final class CommitEvery {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--commit-every", paramLabel = "ROWS|DURATION", description = {"Commit OUT every ROWS rows",
            "(over all tables) or every DURATION (30s, 500ms, 2m), whichever comes first; both as ROWS,DURATION;",
            "'close' commits only at the end. Default: 1000000,30s (measured to cost under 5% of a copy)."})
    String value;

    /**
     * The policy asked for: the default unless given; with {@code allOrNothing} (appends), commits only at the end
     * unless given.
     */
    CommitPolicy policy(boolean allOrNothing) {
        if (value == null) {
            return allOrNothing ? CommitPolicy.AT_CLOSE : CommitPolicy.DEFAULT;
        }
        try {
            return CommitPolicy.DEFAULT.parse(value);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), "--commit-every: " + e.getMessage());
        }
    }
}
