package io.battdat.charts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes an output whole or not at all: into a sibling {@code .partial} file, moved over the target only once it
 * is complete, so that a failed or interrupted write never leaves a picture or report that looks finished.
 */
final class WholeFile {
    /** Writes the content into the file it is given. */
    interface Content {
        void writeTo(Path file) throws IOException;
    }

    private WholeFile() {
    }

    /**
     * Writes {@code out}; the partial file is removed whatever happens.
     *
     * @throws UncheckedIOException naming {@code out} when writing or moving fails
     */
    static void write(Path out, Content content) {
        Path tmp = out.resolveSibling(out.getFileName() + ".partial");
        try {
            content.writeTo(tmp);
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort: the file was moved into place, or never written
            }
        }
    }
}
