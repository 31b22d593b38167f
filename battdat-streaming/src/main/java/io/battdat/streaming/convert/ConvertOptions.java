package io.battdat.streaming.convert;

import io.battdat.api.InvalidUseException;
import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.parse.ParseOptions;
import io.battdat.streaming.write.CommitPolicy;
import io.battdat.streaming.write.CommittingSink;

import java.util.List;
import java.util.Objects;

/**
 * What {@link Converter#convert} does. Immutable; made from {@link #defaults()} and changed with the {@code with*}
 * methods, which return new instances (the constructor is private, so options can be added without breaking
 * callers).
 */
public final class ConvertOptions {
    /** The format name that asks for detection. */
    public static final String AUTO = "auto";

    private final String format;
    private final List<String> prefixes;
    private final int complevel;
    private final BatteryMetadata metadata;
    private final ParseOptions parse;
    private final ProgressListener progress;
    private final CommitPolicy commits;
    private final boolean resume;
    private final String cellName;

    private ConvertOptions(String format, List<String> prefixes, int complevel, BatteryMetadata metadata,
                           ParseOptions parse, ProgressListener progress, CommitPolicy commits, boolean resume,
                           String cellName) {
        this.format = Objects.requireNonNull(format, "format");
        this.prefixes = List.copyOf(prefixes);
        this.parse = Objects.requireNonNull(parse, "parse");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.commits = Objects.requireNonNull(commits, "commits");
        if (complevel < 0 || complevel > 9) {
            throw new InvalidUseException("compression level must be 0-9, got " + complevel);
        }
        if (cellName != null && cellName.isBlank()) {
            throw new InvalidUseException("a cell name must not be empty");
        }
        this.complevel = complevel;
        this.metadata = metadata;
        this.resume = resume;
        this.cellName = cellName;
    }

    /** Detection, root-level tables, uncompressed, default metadata and parsing, no progress. */
    public static ConvertOptions defaults() {
        return new ConvertOptions(AUTO, List.of(), 0, null, ParseOptions.defaults(), ProgressListener.NONE,
                CommitPolicy.DEFAULT, false, null);
    }

    /** A parser's format name, or {@link #AUTO} to detect it from the files. */
    public String format() {
        return format;
    }

    /**
     * One prefix group per cell, in cell order; empty for root-level tables when there is one cell (several cells
     * then get their names as prefixes).
     */
    public List<String> prefixes() {
        return prefixes;
    }

    /** zlib level 0-9 of the output tables. */
    public int complevel() {
        return complevel;
    }

    /** The battery metadata, or null for defaults (with the cell's name when there is one cell). */
    public BatteryMetadata metadata() {
        return metadata;
    }

    /** How the parser reads. */
    public ParseOptions parse() {
        return parse;
    }

    /** Told about progress; {@link ProgressListener#NONE} for silence. */
    public ProgressListener progress() {
        return progress;
    }

    /** When the output is committed ({@link CommitPolicy#DEFAULT}). */
    public CommitPolicy commits() {
        return commits;
    }

    /** Whether an output left by a killed conversion of the same inputs is continued ({@link CommittingSink#resume}). */
    public boolean resume() {
        return resume;
    }

    /**
     * The name of the one cell the inputs form (the parts of a split export, several files of one test), or null for
     * the name the parser gives; inputs forming several cells are then an error.
     */
    public String cellName() {
        return cellName;
    }

    /** A copy with another format. */
    public ConvertOptions withFormat(String f) {
        return new ConvertOptions(f, prefixes, complevel, metadata, parse, progress, commits, resume, cellName);
    }

    /** A copy with these prefixes. */
    public ConvertOptions withPrefixes(List<String> p) {
        return new ConvertOptions(format, p, complevel, metadata, parse, progress, commits, resume, cellName);
    }

    /** A copy with compression. */
    public ConvertOptions withComplevel(int level) {
        return new ConvertOptions(format, prefixes, level, metadata, parse, progress, commits, resume, cellName);
    }

    /** A copy with this metadata. */
    public ConvertOptions withMetadata(BatteryMetadata m) {
        return new ConvertOptions(format, prefixes, complevel, m, parse, progress, commits, resume, cellName);
    }

    /** A copy with these parse options. */
    public ConvertOptions withParse(ParseOptions p) {
        return new ConvertOptions(format, prefixes, complevel, metadata, p, progress, commits, resume, cellName);
    }

    /** A copy with this listener. */
    public ConvertOptions withProgress(ProgressListener p) {
        return new ConvertOptions(format, prefixes, complevel, metadata, parse, p, commits, resume, cellName);
    }

    /** A copy with another commit policy. */
    public ConvertOptions withCommits(CommitPolicy c) {
        return new ConvertOptions(format, prefixes, complevel, metadata, parse, progress, c, resume, cellName);
    }

    /** A copy that resumes an output left by a killed run, or not. */
    public ConvertOptions withResume(boolean r) {
        return new ConvertOptions(format, prefixes, complevel, metadata, parse, progress, commits, r, cellName);
    }

    /** A copy that names the one cell of the inputs (null: the parser's name for it). */
    public ConvertOptions withCellName(String name) {
        return new ConvertOptions(format, prefixes, complevel, metadata, parse, progress, commits, resume, name);
    }

    @Override
    public String toString() {
        return "ConvertOptions[format=" + format + ", prefixes=" + prefixes + ", complevel=" + complevel
                + (cellName != null ? ", cell=" + cellName : "") + (resume ? ", resume" : "") + "]";
    }
}
