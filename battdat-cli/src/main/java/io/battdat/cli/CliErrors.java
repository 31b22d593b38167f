package io.battdat.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.battdat.api.BattdatException;
import io.battdat.api.InvalidUseException;
import io.battdat.cli.logging.CliLogging;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.List;
import java.util.Locale;

/**
 * The CLI boundary: every error a command raises becomes one line on stderr and an exit status. Bad input (a file
 * that is missing, unreadable or malformed) exits with 1 and names the file; a wrong combination of arguments exits
 * with 2 and names the command. With {@code --verbose} the stack trace follows the line.
 */
final class CliErrors {
    static final int BAD_INPUT = 1;
    static final int USAGE = 2;

    private CliErrors() {
    }

    /** Prints a usage error (picocli's, or one a command raised) as one line; returns {@link #USAGE}. */
    static int usage(CommandLine.ParameterException e, boolean verbose) {
        CommandLine command = e.getCommandLine();
        String name = command.getCommandSpec().qualifiedName();
        // picocli starts some messages with "Error: "; the line already says what it is
        String message = CliLogging.oneLine(e.getMessage()).replaceFirst("^(?i)error: ", "");
        StringBuilder line = new StringBuilder(name).append(": ").append(decapitalize(message));
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                line.append("; did you mean ").append(String.join(" or ", suggestions.subList(0,
                        Math.min(3, suggestions.size())))).append('?');
            }
        }
        line.append(" (see '").append(name).append(" --help')");
        return print(command.getErr(), line.toString(), e, verbose, USAGE);
    }

    /** Prints a command's failure as one line; returns the exit status. */
    static int failure(Throwable e, CommandLine command, boolean verbose) {
        return failure(e, command.getCommandSpec().qualifiedName(), command.getErr(), verbose);
    }

    /** As {@link #failure(Throwable, CommandLine, boolean)}, for the command named {@code name} printing to {@code err}. */
    static int failure(Throwable e, String name, PrintWriter err, boolean verbose) {
        int status = BAD_INPUT;
        String line;
        if (e instanceof InvalidUseException invalid) {
            // the engine's options and requests refuse argument combinations this way (prefixes for cells, keys)
            status = USAGE;
            line = name + ": " + decapitalize(clean(invalid.getMessage())) + " (see '" + name + " --help')";
        } else if (e instanceof BattdatException b) {
            line = "battdat: " + clean(b.getMessage());
        } else if (e instanceof UncheckedIOException u) {
            line = "battdat: " + io(u.getCause());
        } else if (e instanceof IOException io) {
            line = "battdat: " + io(io);
        } else if (e instanceof IllegalArgumentException) {
            // picocli's converters and the JDK's parsers (zones, numbers) refuse values this way
            status = USAGE;
            line = name + ": " + decapitalize(clean(e.getMessage())) + " (see '" + name + " --help')";
        } else if (e instanceof OutOfMemoryError) {
            line = "battdat: out of memory; give Java more with JAVA_OPTS=-Xmx4g (or more)";
        } else {
            line = name + ": unexpected " + e.getClass().getSimpleName() + (e.getMessage() == null ? ""
                    : ": " + clean(e.getMessage())) + "; please report it with the output of --verbose";
        }
        return print(err, line, e, verbose, status);
    }

    /** Prints the one line (and with --verbose the stack trace) to {@code err}; returns status. */
    private static int print(PrintWriter err, String line, Throwable e, boolean verbose, int status) {
        err.println(line);
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return status;
    }

    /** What an I/O error means, naming its file. */
    static String io(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            String file = f.getFile() + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile());
            String what;
            if (e instanceof NoSuchFileException) {
                what = "no such file or directory";
            } else if (e instanceof AccessDeniedException) {
                what = "permission denied";
            } else if (e instanceof FileAlreadyExistsException) {
                what = "already exists";
            } else if (e instanceof NotDirectoryException) {
                what = "not a directory";
            } else if (e instanceof DirectoryNotEmptyException) {
                what = "directory not empty";
            } else {
                what = f.getReason() == null ? "cannot access" : decapitalize(f.getReason());
            }
            return file + ": " + what;
        }
        return clean(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    /**
     * The message on one line, without a JSON parser's internals: Jackson appends where it read from
     * ({@code at [Source: REDACTED (`StreamReadFeature...` disabled); line: 1, column: 1]}) and lists the tokens it
     * expected; the reader needs neither.
     */
    static String clean(String message) {
        if (message == null) {
            return "";
        }
        String m = message;
        int source = m.indexOf(" at [Source:");
        if (source < 0) {
            source = m.indexOf("\n at [Source");
        }
        if (source >= 0) {
            int end = m.indexOf(']', source);
            m = m.substring(0, source).stripTrailing() + (end < 0 ? "" : m.substring(end + 1));
        }
        m = m.replace(" (JSON String, Number, Array, Object or token 'null', 'true' or 'false')", "");
        return CliLogging.oneLine(m);
    }

    /** The first message of a JSON parser error in a cause chain, without its location and token lists. */
    static String jsonProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException j) {
                String text = clean(j.getOriginalMessage());
                var where = j.getLocation();
                return where == null || where.getLineNr() < 0 ? text
                        : text + " at line " + where.getLineNr() + ", column " + where.getColumnNr();
            }
        }
        return null;
    }

    private static String decapitalize(String s) {
        if (s == null || s.isEmpty() || s.length() > 1 && Character.isUpperCase(s.charAt(1))) {
            return s;
        }
        return s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }
}
