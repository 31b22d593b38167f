package io.battdat.streaming.convert;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;


/**
 * What a conversion did, immutable. The constructor is private (made with {@link #builder}) so that the report can
 * gain fields without breaking callers.
 */
public final class ConvertReport {
    private final Path output;
    private final String format;
    private final Map<String, Map<String, Long>> cells;
    private final long rowsDropped;
    private final long badLines;
    private final List<String> firstBadLines;
    private final List<Path> skippedFiles;
    private final List<String> warnings;
    private final long bytesRead;

    private ConvertReport(Builder b) {
        output = b.output;
        format = b.format;
        cells = b.cells;
        rowsDropped = b.rowsDropped;
        badLines = b.badLines;
        firstBadLines = b.firstBadLines;
        skippedFiles = b.skippedFiles;
        warnings = b.warnings;
        bytesRead = b.bytesRead;
    }

    /**
     * A builder for the report of one conversion; the counts start at 0 and the lists and map empty.
     *
     * @param output the file written
     * @param format the parser used
     */
    public static Builder builder(Path output, String format) {
        return new Builder(output, format);
    }

    /** The file written. */
    public Path output() {
        return output;
    }

    /** The parser used. */
    public String format() {
        return format;
    }

    /** Per cell (its prefix, or "" at the root): rows written per table. */
    public Map<String, Map<String, Long>> cells() {
        return cells;
    }

    /** Duplicate rows dropped by {@code drop_cycles}. */
    public long rowsDropped() {
        return rowsDropped;
    }

    /** Lines skipped with {@code --skip-bad-lines}. */
    public long badLines() {
        return badLines;
    }

    /** The messages of the first five skipped lines. */
    public List<String> firstBadLines() {
        return firstBadLines;
    }

    /** Companion files a directory scan skipped. */
    public List<Path> skippedFiles() {
        return skippedFiles;
    }

    /** Warnings about questionable input. */
    public List<String> warnings() {
        return warnings;
    }

    /** Input bytes. */
    public long bytesRead() {
        return bytesRead;
    }

    /** Rows written, every table of every cell. */
    public long rowsWritten() {
        return cells.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
    }

    private List<Object> values() {
        return Arrays.asList(output, format, cells, rowsDropped, badLines, firstBadLines, skippedFiles, warnings,
                bytesRead);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConvertReport r && values().equals(r.values());
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }

    /** The fields in the form a record would print them. */
    @Override
    public String toString() {
        return "ConvertReport[output=" + output + ", format=" + format + ", cells=" + cells + ", rowsDropped="
                + rowsDropped + ", badLines=" + badLines + ", firstBadLines=" + firstBadLines + ", skippedFiles="
                + skippedFiles + ", warnings=" + warnings + ", bytesRead=" + bytesRead + "]";
    }

    /** Builds a {@link ConvertReport}. */
    public static final class Builder {
        private final Path output;
        private final String format;
        private Map<String, Map<String, Long>> cells = Map.of();
        private long rowsDropped;
        private long badLines;
        private List<String> firstBadLines = List.of();
        private List<Path> skippedFiles = List.of();
        private List<String> warnings = List.of();
        private long bytesRead;

        private Builder(Path output, String format) {
            this.output = output;
            this.format = format;
        }

        /** Sets the rows written per table, per cell (its prefix, or "" at the root). */
        public Builder cells(Map<String, Map<String, Long>> value) {
            cells = value;
            return this;
        }

        /** Sets the number of duplicate rows dropped by {@code drop_cycles}. */
        public Builder rowsDropped(long value) {
            rowsDropped = value;
            return this;
        }

        /** Sets the number of lines skipped and the messages of the first few. */
        public Builder badLines(long count, List<String> firstMessages) {
            badLines = count;
            firstBadLines = firstMessages;
            return this;
        }

        /** Sets the companion files a directory scan skipped. */
        public Builder skippedFiles(List<Path> value) {
            skippedFiles = value;
            return this;
        }

        /** Sets the warnings about questionable input. */
        public Builder warnings(List<String> value) {
            warnings = value;
            return this;
        }

        /** Sets the number of input bytes. */
        public Builder bytesRead(long value) {
            bytesRead = value;
            return this;
        }

        /** The report. */
        public ConvertReport build() {
            return new ConvertReport(this);
        }
    }
}
