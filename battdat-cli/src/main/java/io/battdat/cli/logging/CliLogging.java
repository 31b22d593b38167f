package io.battdat.cli.logging;

import org.slf4j.event.Level;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Where and how much the libraries' SLF4J logging goes while the {@code battdat} command runs: one line per event on
 * the command's error stream, warnings and errors only unless {@code --verbose} asks for more. The CLI sets this
 * before running a command; libraries only ever see {@code slf4j-api}.
 */
public final class CliLogging {
    /** A system property naming the lowest level shown ({@code debug}, {@code info}, ...); overrides --verbose. */
    public static final String LEVEL_PROPERTY = "battdat.log.level";

    private static volatile PrintWriter target = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    private static volatile Level threshold = Level.WARN;
    private static volatile boolean stackTraces;

    private CliLogging() {
    }

    /**
     * Sends log events to {@code err}: warnings and errors normally; with {@code verbose}, also INFO events and the
     * stack traces of logged exceptions.
     */
    public static void configure(PrintWriter err, boolean verbose) {
        target = err;
        stackTraces = verbose;
        Level level = verbose ? Level.INFO : Level.WARN;
        String named = System.getProperty(LEVEL_PROPERTY);
        if (named != null) {
            try {
                level = Level.valueOf(named.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // an unknown level name keeps the default rather than stopping the command
            }
        }
        threshold = level;
    }

    static boolean enabled(String logger, Level level) {
        // jHDF reports its own version and every open at INFO; Intel GKL (the optional native zlib) logs when it
        // extracts its library and warns where it cannot load, and battdat then falls back to the JDK's zlib
        // (battdat -V names the codec in use); Hadoop's client warns on every URI that it runs without its native
        // library, which it does not need for reading and writing files: none of this is news to the user
        if ((logger.startsWith("io.jhdf") || logger.startsWith("com.intel.gkl")
                || logger.equals("org.apache.hadoop.util.NativeCodeLoader")) && threshold != Level.DEBUG
                && threshold != Level.TRACE) {
            return level == Level.ERROR;
        }
        return level.toInt() >= threshold.toInt();
    }

    static void write(String logger, Level level, String message, Throwable thrown) {
        PrintWriter out = target;
        String shortName = logger.substring(logger.lastIndexOf('.') + 1);
        StringBuilder line = new StringBuilder("battdat: ");
        line.append(level == Level.WARN ? "warning" : level.name().toLowerCase(java.util.Locale.ROOT));
        if (level.toInt() < Level.WARN.toInt()) {
            line.append(" (").append(shortName).append(')');
        }
        line.append(": ").append(oneLine(message));
        if (thrown != null && !stackTraces) {
            line.append(" (").append(oneLine(String.valueOf(thrown))).append(')');
        }
        synchronized (out) {
            out.println(line);
            if (thrown != null && stackTraces) {
                thrown.printStackTrace(out);
            }
            out.flush();
        }
    }

    /** The text on one line: line breaks become "; ". */
    public static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        return text.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
