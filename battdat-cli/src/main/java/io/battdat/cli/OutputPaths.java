package io.battdat.cli;

import io.battdat.api.ErrorLocation;
import io.battdat.api.PluginException;
import io.battdat.api.spi.FileProbe;
import io.battdat.api.spi.ProbeResult;
import io.battdat.api.spi.StreamReader;
import io.battdat.api.spi.StreamWriter;
import io.battdat.streaming.StorageRegistry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Checks an output path against the storage writers found, saying in CLI words which outputs exist. */
final class OutputPaths {
    private OutputPaths() {
    }

    /**
     * The writer for {@code out}, or a {@link PluginException} naming the outputs battdat can write
     * ({@code hdf5 (.h5, .hdf5), parquet (.parquet, or a directory)}).
     */
    static StreamWriter writerFor(StorageRegistry registry, Path out, String option) {
        try {
            return registry.writerFor(out);
        } catch (PluginException e) {
            List<String> kinds = new ArrayList<>();
            for (StreamWriter w : registry.writers()) {
                kinds.add(describe(registry, w));
            }
            throw new PluginException(ErrorLocation.of(out),
                    "battdat cannot write this kind of file; " + option + " must be "
                    + (kinds.isEmpty() ? "a format of a storage backend, and none was found in this build"
                    : String.join(" or ", kinds)), e);
        }
    }

    private static String describe(StorageRegistry registry, StreamWriter w) {
        List<String> names = new ArrayList<>();
        for (StreamReader r : registry.readers()) {
            if (r.formatName().equals(w.formatName())) {
                r.extensions().forEach(x -> names.add("." + x));
            }
        }
        if (w.probe(new FileProbe(Path.of("output"), true, null)) != ProbeResult.NO) {
            names.add("a directory");
        }
        return w.formatName() + (names.isEmpty() ? "" : " (" + String.join(", ", names) + ")");
    }
}
