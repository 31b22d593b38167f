package io.battdat.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The descriptions in {@code help.properties} and the commands match: a command whose key is missing or misspelt
 * would print its help without a description, and picocli would not say so.
 */
class HelpTextsTest {

    @Test
    void everyCommandHasADescriptionAndEveryDescriptionACommand() {
        CommandLine root = new CommandLine(new BattdatCommand());
        BattdatCommand.addSubcommands(root, new String[0]);
        Set<String> commands = new TreeSet<>();
        collect(root, commands);

        Set<String> described = new TreeSet<>();
        for (String key : ResourceBundle.getBundle(BattdatCommand.HELP_TEXTS).keySet()) {
            int at = key.indexOf(".usage.description.");
            assertTrue(at > 0, "a key that is no command's description line: " + key);
            described.add(key.substring(0, at));
        }
        assertEquals(commands, described);
    }

    /** The qualified names of {@code command} and its subcommands, but picocli's own help command. */
    private static void collect(CommandLine command, Set<String> names) {
        if (command.getCommandSpec().helpCommand()) {
            return;
        }
        names.add(command.getCommandSpec().qualifiedName("."));
        assertTrue(command.getCommandSpec().usageMessage().description().length > 0,
                command.getCommandSpec().qualifiedName() + " has no description");
        command.getSubcommands().values().forEach(sub -> collect(sub, names));
    }
}
