package io.battdat.streaming.convert;

import io.battdat.api.InvalidUseException;
import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.parse.ParseOptions;
import io.battdat.streaming.write.CommitPolicy;
import io.battdat.streaming.write.CommittingSink;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

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

    private ConvertOptions(Draft d) {
        this.format = Objects.requireNonNull(d.format, "format");
        this.prefixes = List.copyOf(d.prefixes);
        this.parse = Objects.requireNonNull(d.parse, "parse");
        this.progress = Objects.requireNonNull(d.progress, "progress");
        this.commits = Objects.requireNonNull(d.commits, "commits");
        if (d.complevel < 0 || d.complevel > 9) {
            throw new InvalidUseException("compression level must be 0-9, got " + d.complevel);
        }
        if (d.cellName != null && d.cellName.isBlank()) {
            throw new InvalidUseException("a cell name must not be empty");
        }
        this.complevel = d.complevel;
        this.metadata = d.metadata;
        this.resume = d.resume;
        this.cellName = d.cellName;
    }

    /**
     * The mutable form of the options, so that each {@code with*} method states only the one value it changes; the
     * constructor checks the result.
     */
    private static final class Draft {
        String format = AUTO;
        List<String> prefixes = List.of();
        int complevel;
        BatteryMetadata metadata;
        ParseOptions parse = ParseOptions.defaults();
        ProgressListener progress = ProgressListener.NONE;
        CommitPolicy commits = CommitPolicy.DEFAULT;
        boolean resume;
        String cellName;

        Draft() {
        }

        Draft(ConvertOptions o) {
            format = o.format;
            prefixes = o.prefixes;
            complevel = o.complevel;
            metadata = o.metadata;
            parse = o.parse;
            progress = o.progress;
            commits = o.commits;
            resume = o.resume;
            cellName = o.cellName;
        }
    }

    /** A copy of these options with the one change applied. */
    private ConvertOptions with(Consumer<Draft> change) {
        Draft d = new Draft(this);
        change.accept(d);
        return new ConvertOptions(d);
    }

    /** Detection, root-level tables, uncompressed, default metadata and parsing, no progress. */
    public static ConvertOptions defaults() {
        return new ConvertOptions(new Draft());
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
        return with(d -> d.format = f);
    }

    /** A copy with these prefixes. */
    public ConvertOptions withPrefixes(List<String> p) {
        return with(d -> d.prefixes = p);
    }

    /** A copy with compression. */
    public ConvertOptions withComplevel(int level) {
        return with(d -> d.complevel = level);
    }

    /** A copy with this metadata. */
    public ConvertOptions withMetadata(BatteryMetadata m) {
        return with(d -> d.metadata = m);
    }

    /** A copy with these parse options. */
    public ConvertOptions withParse(ParseOptions p) {
        return with(d -> d.parse = p);
    }

    /** A copy with this listener. */
    public ConvertOptions withProgress(ProgressListener p) {
        return with(d -> d.progress = p);
    }

    /** A copy with another commit policy. */
    public ConvertOptions withCommits(CommitPolicy c) {
        return with(d -> d.commits = c);
    }

    /** A copy that resumes an output left by a killed run, or not. */
    public ConvertOptions withResume(boolean r) {
        return with(d -> d.resume = r);
    }

    /** A copy that names the one cell of the inputs (null: the parser's name for it). */
    public ConvertOptions withCellName(String name) {
        return with(d -> d.cellName = name);
    }

    @Override
    public String toString() {
        return "ConvertOptions[format=" + format + ", prefixes=" + prefixes + ", complevel=" + complevel
                + (cellName != null ? ", cell=" + cellName : "") + (resume ? ", resume" : "") + "]";
    }
}
