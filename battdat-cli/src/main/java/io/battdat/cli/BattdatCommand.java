package io.battdat.cli;

import io.battdat.api.BattdatException;
import io.battdat.api.spi.StreamReader;
import io.battdat.api.spi.StreamWriter;
import io.battdat.streaming.Battdat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The {@code battdat} command. Exit status: 0 on success, 1 on bad input (one line on stderr naming the file;
 * the stack trace with {@code --verbose}), 2 on a usage error.
 */
@Command(name = "battdat", mixinStandardHelpOptions = true, versionProvider = BattdatCommand.Version.class,
        description = {
                "Reads, writes, converts and follows battery cycling data in battdat files (the HDF5 layout of the",
                "Python battery-data-toolkit, and its Parquet layout), streaming it in bounded memory.",
                "",
                "Examples:",
                "  battdat inspect cell.h5",
                "  battdat facts cell.h5 > facts.json",
                "  battdat cycles cell.h5 --all",
                "  battdat convert arbin-export.csv --out cell.h5",
                "  battdat copy cell.h5 cell-blosc.h5 --complevel 5 --complib blosc:lz4",
                "  battdat follow cell.h5 --cycles --idle-timeout 600",
                "  battdat bench read cell.h5 --mode batches --json"},
        subcommands = {InspectCommand.class, FactsCommand.class, CyclesCommand.class, CopyCommand.class,
                FollowCommand.class, ConvertCommand.class, ExportCommand.class, FormatsCommand.class, BenchCommand.class,
                SummarizeCommand.class, EnhanceCommand.class, CheckCommand.class,
                CommandLine.HelpCommand.class})
public final class BattdatCommand implements Runnable {
    static final int BAD_INPUT = 1;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (see battdat --help)");
    }

    /** Runs the command line and returns the exit status. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        BattdatCommand root = new BattdatCommand();
        CommandLine cl = new CommandLine(root);
        // descriptions are written as lines of up to 120 characters; at picocli's default 80 they would break mid-line
        cl.setUsageHelpWidth(120);
        giveVersion(cl, new Version());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof BattdatException || e instanceof UncheckedIOException || e instanceof IOException) {
                commandLine.getErr().println("battdat: " + e.getMessage());
                if (root.verbose) {
                    e.printStackTrace(commandLine.getErr());
                }
                commandLine.getErr().flush();
                return BAD_INPUT;
            }
            throw e;
        });
        int status = cl.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    /** Every subcommand answers {@code -V} with the same version lines as {@code battdat -V}. */
    private static void giveVersion(CommandLine command, CommandLine.IVersionProvider version) {
        command.getCommandSpec().versionProvider(version);
        command.getSubcommands().values().forEach(sub -> giveVersion(sub, version));
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, false, java.nio.charset.StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8);
        System.exit(execute(args, out, err));
    }

    /** Version of this build and every storage backend found. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            List<String> lines = new ArrayList<>();
            lines.add("battdat-java " + projectVersion());
            for (StreamReader r : Battdat.engine().registry().readers()) {
                lines.add("  reader " + r.formatName() + " " + r.extensions() + " (" + r.getClass().getName() + ")");
                String details = r.runtimeDetails();
                if (!details.isEmpty()) {
                    lines.add("    " + details);
                }
            }
            for (StreamWriter w : Battdat.engine().registry().writers()) {
                lines.add("  writer " + w.formatName() + " (" + w.getClass().getName() + ")");
            }
            for (io.battdat.api.parse.VendorParser p : Battdat.engine().registry().parsers()) {
                lines.add("  parser " + p.formatName() + " (" + p.getClass().getName() + ")");
            }
            for (io.battdat.api.parse.VendorExporter e : Battdat.engine().registry().exporters()) {
                lines.add("  exporter " + e.formatName() + " (" + e.getClass().getName() + ")");
            }
            return lines.toArray(new String[0]);
        }

        static String projectVersion() {
            try (InputStream in = BattdatCommand.class.getResourceAsStream("/io/battdat/cli/version.properties")) {
                Properties p = new Properties();
                if (in != null) {
                    p.load(in);
                }
                return p.getProperty("version", "unknown");
            } catch (IOException e) {
                return "unknown";
            }
        }
    }
}
