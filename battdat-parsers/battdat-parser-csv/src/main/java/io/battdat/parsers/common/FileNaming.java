package io.battdat.parsers.common;

import io.battdat.api.BadFormatException;
import io.battdat.api.ErrorLocation;
import io.battdat.api.parse.CellFiles;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The naming convention of a format whose file names carry the cell's name and the file's part: the pattern must
 * match the whole file name, its group 1 is the cell's name (the stem), its group 2 the part
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
            throw new BadFormatException(ErrorLocation.of(file), refusal, null);
        }
        return m.group(1);
    }

    /** Whether the file's name follows the convention with {@code part} (in any case) as its part. */
    public boolean isPart(Path file, String part) {
        Matcher m = matcher(file);
        return m.matches() && part.equalsIgnoreCase(m.group(2));
    }

    /**
     * The cells of these files: the files whose names carry one stem form one cell, named after it, in which the
     * files of part {@code lastPart} come after the others.
     *
     * @throws BadFormatException when a name does not follow the convention
     */
    public List<CellFiles> cells(List<Path> files, String lastPart) {
        return CellFiles.byStem(files, this::stem, Comparator.comparing(file -> isPart(file, lastPart)));
    }

    private Matcher matcher(Path file) {
        return pattern.matcher(file.getFileName().toString());
    }
}
