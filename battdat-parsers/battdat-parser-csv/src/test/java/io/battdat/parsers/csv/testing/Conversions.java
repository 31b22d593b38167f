package io.battdat.parsers.csv.testing;

import io.battdat.api.data.ColumnBatch;
import io.battdat.api.parse.ParseOptions;
import io.battdat.streaming.BatchStream;
import io.battdat.streaming.Battdat;
import io.battdat.streaming.StorageRegistry;
import io.battdat.streaming.convert.ConvertOptions;
import io.battdat.streaming.convert.ConvertReport;
import io.battdat.streaming.convert.Converter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * For the vendor parsers' tests (published as this module's test jar): converts through the engine (parser found as
 * a service, HDF5 writer) and reads the result back.
 */
public final class Conversions {
    private Conversions() {
    }

    /** Converts {@code inputs} with the parser of {@code format} (found as a service) into {@code out}. */
    public static ConvertReport convert(String format, Path out, ParseOptions parse, Path... inputs) {
        StorageRegistry registry = StorageRegistry.discover(Conversions.class.getClassLoader());
        return new Converter(registry).convert(Arrays.asList(inputs), out,
                ConvertOptions.defaults().withFormat(format).withParse(parse));
    }

    /** Every value of a column, boxed (slow path; test sizes only). */
    public static List<Object> column(Path file, String key, String column) {
        List<Object> values = new ArrayList<>();
        try (BatchStream batches = Battdat.engine().batches(file, key)) {
            while (batches.hasNext()) {
                ColumnBatch b = batches.next();
                for (int r = 0; r < b.rowCount(); r++) {
                    values.add(b.column(column).getObject(r));
                }
            }
        }
        return values;
    }

    public static Path write(Path dir, String name, String text, Charset charset) {
        try {
            return Files.write(dir.resolve(name), text.getBytes(charset));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file of ../shared/fixtures/vendor; the test is skipped with the reason when it is absent. */
    public static Path shared(String vendor, String name) {
        String root = System.getProperty("battdat.shared");
        assumeTrue(root != null, "battdat.shared is not set: run through Maven to use ../shared fixtures");
        Path p = Path.of(root, "fixtures", "vendor", vendor, name);
        assumeTrue(Files.isRegularFile(p), "shared fixture absent: " + p);
        return p;
    }
}
