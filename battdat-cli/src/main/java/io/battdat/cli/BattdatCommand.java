package io.battdat.cli;

import io.battdat.cli.logging.CliLogging;
import io.battdat.api.spi.StreamReader;
import io.battdat.api.spi.StreamWriter;
import io.battdat.streaming.Battdat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The {@code battdat} command. Exit status: 0 on success, 1 on bad input (one line on stderr naming the file;
 * the stack trace with {@code --verbose}), 2 on a usage error.
 */
@Command(name = "battdat", mixinStandardHelpOptions = true, versionProvider = BattdatCommand.Version.class,
        resourceBundle = BattdatCommand.HELP_TEXTS)
public final class BattdatCommand implements Runnable {
    /**
     * The resource bundle that holds every command's description, the prose {@code --help} prints under the usage
     * line ({@code help.properties} in this package). Named once, here: picocli hands the root's bundle to every
     * subcommand and looks each command's lines up by its qualified name ({@code battdat.copy.usage.description.0},
     * ...).
     */
    static final String HELP_TEXTS = "io.battdat.cli.help";

    /**
     * The subcommands by name, in the order {@code --help} lists them (then {@code help}). Registered in code, not
     * in the annotation, so a run builds the model of only the command it runs: picocli's reflection over all of
     * them was a third of {@code battdat inspect}'s start-up.
     */
    private static final Map<String, Class<?>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("inspect", InspectCommand.class);
        COMMANDS.put("facts", FactsCommand.class);
        COMMANDS.put("cycles", CyclesCommand.class);
        COMMANDS.put("copy", CopyCommand.class);
        COMMANDS.put("follow", FollowCommand.class);
        COMMANDS.put("convert", ConvertCommand.class);
        COMMANDS.put("export", ExportCommand.class);
        COMMANDS.put("formats", FormatsCommand.class);
        COMMANDS.put("bench", BenchCommand.class);
        COMMANDS.put("summarize", SummarizeCommand.class);
        COMMANDS.put("enhance", EnhanceCommand.class);
        COMMANDS.put("check", CheckCommand.class);
        COMMANDS.put("plot", PlotCommand.class);
        COMMANDS.put("report", ReportCommand.class);
    }

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of errors.")
    boolean verbose;

    @Option(names = "--hadoop-conf", scope = CommandLine.ScopeType.INHERIT, paramLabel = "DIR",
            description = {"Folder of Hadoop configuration files (core-site.xml, hdfs-site.xml) for URIs such as",
                    "hdfs://namenode/lake/a.h5 or s3a://bucket/a.h5 (default: $HADOOP_CONF_DIR)."})
    java.nio.file.Path hadoopConf;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    /**
     * Runs the command line and returns the exit status: 0, 1 for bad input, 2 for a usage error. Every error is
     * one line on {@code err} ({@code --verbose} adds the stack trace); library log events go to {@code err} too,
     * one line each.
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(args, out, err, true);
    }

    /** As {@link #execute(String[], PrintWriter, PrintWriter)}; without {@code direct}, always through picocli. */
    static int execute(String[] args, PrintWriter out, PrintWriter err, boolean direct) {
        if (direct) {
            DirectCommands.prepare(args);
        }
        boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
        hadoopConfiguration(args);
        CliLogging.configure(err, verbose);
        int directStatus = direct ? DirectCommands.run(args, out, err) : -1;
        if (directStatus >= 0) {
            out.flush();
            err.flush();
            return directStatus;
        }
        BattdatCommand root = new BattdatCommand();
        CommandLine cl = new CommandLine(root);
        addSubcommands(cl, args);
        // descriptions are written as lines of up to 120 characters; at picocli's default 80 they would break mid-line
        cl.setUsageHelpWidth(120);
        giveVersion(cl, new Version());
        cl.setOut(out);
        cl.setErr(err);
        cl.registerConverter(java.time.ZoneId.class, BattdatCommand::zone);
        cl.setParameterExceptionHandler((e, arguments) -> CliErrors.usage(e, verbose));
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> CliErrors.failure(e, commandLine, verbose));
        int status;
        try {
            status = cl.execute(args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            status = CliErrors.failure(e, cl, verbose);
        }
        out.flush();
        err.flush();
        return status;
    }

    /**
     * Hands {@code --hadoop-conf DIR} to the Hadoop storage provider before any command opens a URI (the option may
     * stand before or after the command name, so it is read from the arguments here).
     */
    private static void hadoopConfiguration(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String dir = null;
            if (args[i].equals("--hadoop-conf") && i + 1 < args.length) {
                dir = args[i + 1];
            } else if (args[i].startsWith("--hadoop-conf=")) {
                dir = args[i].substring("--hadoop-conf=".length());
            }
            if (dir != null) {
                System.setProperty("battdat.hadoop.conf.dir", dir);
            }
        }
    }

    /**
     * Registers the command the arguments name, or every command (and {@code help}) when they name none: a usage
     * error, {@code --help} or a mistyped name then sees the full list, as before.
     */
    static void addSubcommands(CommandLine cl, String[] args) {
        String word = null;
        for (String a : args) {
            if (!a.startsWith("-")) {
                word = a;
                break;
            }
        }
        Class<?> only = word == null ? null : COMMANDS.get(word);
        if (only != null) {
            cl.addSubcommand(word, only);
            return;
        }
        COMMANDS.forEach(cl::addSubcommand);
        cl.addSubcommand("help", CommandLine.HelpCommand.class);
    }

    /** The names of every subcommand, in help order (for tests). */
    static java.util.Set<String> commandNames() {
        return java.util.Collections.unmodifiableSet(COMMANDS.keySet());
    }

    private static java.time.ZoneId zone(String name) {
        try {
            return java.time.ZoneId.of(name);
        } catch (java.time.DateTimeException e) {
            throw new CommandLine.TypeConversionException("unknown time zone '" + name
                    + "' (use a region such as Europe/Berlin, UTC, or an offset such as -05:00)");
        }
    }

    /** Every subcommand answers {@code -V} with the same version lines as {@code battdat -V}. */
    private static void giveVersion(CommandLine command, CommandLine.IVersionProvider version) {
        command.getCommandSpec().versionProvider(version);
        command.getSubcommands().values().forEach(sub -> giveVersion(sub, version));
    }

    public static void main(String[] args) {
        quickStartDefaults();
        PrintWriter out = new PrintWriter(System.out, false, java.nio.charset.StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8);
        System.exit(execute(args, out, err));
    }

    /**
     * Guice settings for a process that builds one injector of three bindings and exits (a user's own
     * {@code -D} wins): no generated classes for fast construction and method interception (the engine uses
     * neither; with the stack walk below, a sixth of {@code battdat inspect}'s CPU), and no stack walk to record where
     * each binding was declared (only Guice's own error texts use it, and {@code Battdat.engine()} reports the
     * cause instead).
     */
    static void quickStartDefaults() {
        System.getProperties().putIfAbsent("guice_bytecode_gen_option", "DISABLED");
        System.getProperties().putIfAbsent("guice_include_stack_traces", "OFF");
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
