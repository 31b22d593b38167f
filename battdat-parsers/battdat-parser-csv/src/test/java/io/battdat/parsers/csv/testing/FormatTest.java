package io.battdat.parsers.csv.testing;

import io.battdat.api.parse.ParseOptions;
import io.battdat.streaming.convert.ConvertReport;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * Base of a parser's test class (published as this module's test jar): a temporary folder per test and
 * {@link Conversions#convert} with the parser of one format, so that each test class names its format once.
 */
public abstract class FormatTest {
    /** The test's own temporary folder. */
    @TempDir
    protected Path dir;

    private final String format;

    /** @param format the parser's format name ({@code arbin}), or {@code auto} for detection */
    protected FormatTest(String format) {
        this.format = format;
    }

    /** Converts {@code inputs} into {@code out} with the default parse options. */
    protected ConvertReport convert(Path out, Path... inputs) {
        return convert(out, ParseOptions.defaults(), inputs);
    }

    /** Converts {@code inputs} into {@code out}. */
    protected ConvertReport convert(Path out, ParseOptions parse, Path... inputs) {
        return Conversions.convert(format, out, parse, inputs);
    }
}
