package io.battdat.parsers.common;

import io.battdat.api.BadFormatException;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The naming convention of a format whose file names carry the cell's name and the file's part: the pattern must
 * match the whole file name, its group 1 is the cell's name (the stem), further groups name the part
 * ({@code <cell>_cycle_data.csv}, {@code <cell>-summary.csv}, {@code test.001}).
 */
public final class FileNaming {
    private final Pattern pattern;
    private final String refusal;

    /**
     * @param pattern the file names of the format; group 1 is the stem
     * @param refusal the message for a file whose name does not follow the convention (the exception names the file)
     */
    public FileNaming(Pattern pattern, String refusal) {
        this.pattern = pattern;
        this.refusal = refusal;
    }

    /** Whether the file's name follows the convention. */
    public boolean fits(Path file) {
        return matcher(file).matches();
    }

    /**
     * The cell's name that the file's name carries.
     *
     * @throws BadFormatException when the name does not follow the convention
     */
    public String stem(Path file) {
        Matcher m = matcher(file);
        if (!m.matches()) {
            throw new BadFormatException(file, null, refusal);
        }
        return m.group(1);
    }

    /** Group {@code group} of the file's name, or null when the name does not follow the convention. */
    public String part(Path file, int group) {
        Matcher m = matcher(file);
        return m.matches() ? m.group(group) : null;
    }

    private Matcher matcher(Path file) {
        return pattern.matcher(file.getFileName().toString());
    }
}
