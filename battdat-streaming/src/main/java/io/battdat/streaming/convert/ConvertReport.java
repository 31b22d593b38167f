package io.battdat.streaming.convert;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a conversion did.
 *
 * @param output         the file written
 * @param format         the parser used
 * @param cells          per cell (its prefix, or "" at the root): rows written per table
 * @param rowsDropped    duplicate rows dropped by {@code drop_cycles}
 * @param badLines       lines skipped with {@code --skip-bad-lines}
 * @param firstBadLines  the messages of the first five skipped lines
 * @param skippedFiles   companion files a directory scan skipped
 * @param warnings       warnings about questionable input
 * @param bytesRead      input bytes
 */
public record ConvertReport(Path output, String format, Map<String, Map<String, Long>> cells, long rowsDropped,
                            long badLines, List<String> firstBadLines, List<Path> skippedFiles, List<String> warnings,
                            long bytesRead) {
    /** Rows written, every table of every cell. */
    public long rowsWritten() {
        return cells.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
    }
}
