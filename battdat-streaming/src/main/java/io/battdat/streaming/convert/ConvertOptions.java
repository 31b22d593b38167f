package io.battdat.streaming.convert;

import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.parse.ParseOptions;
import io.battdat.streaming.write.CommitPolicy;
import io.battdat.streaming.write.CommittingSink;

import java.util.List;
import java.util.Objects;

/**
 * What {@link Converter#convert} does.
 *
 * @param format     a parser's format name, or {@code auto} to detect it from the files
 * @param prefixes   one prefix group per cell, in cell order; empty for root-level tables when there is one cell
 *                   (several cells then get their names as prefixes)
 * @param complevel  zlib level 0-9 of the output tables
 * @param metadata   the battery metadata, or null for defaults (with the cell's name when there is one cell)
 * @param parse      how the parser reads
 * @param progress   told about progress; {@link ProgressListener#NONE} for silence
 * @param commits    when the output is committed ({@link CommitPolicy#DEFAULT})
 * @param resume     continue an output left by a killed conversion of the same inputs ({@link CommittingSink#resume})
 */
public record ConvertOptions(String format, List<String> prefixes, int complevel, BatteryMetadata metadata,
                             ParseOptions parse, ProgressListener progress, CommitPolicy commits, boolean resume) {
    /** The format name that asks for detection. */
    public static final String AUTO = "auto";

    public ConvertOptions {
        Objects.requireNonNull(format, "format");
        prefixes = List.copyOf(prefixes);
        Objects.requireNonNull(parse, "parse");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(commits, "commits");
        if (complevel < 0 || complevel > 9) {
            throw new IllegalArgumentException("compression level must be 0-9, got " + complevel);
        }
    }

    /** Detection, root-level tables, uncompressed, default metadata and parsing, no progress. */
    public static ConvertOptions defaults() {
        return new ConvertOptions(AUTO, List.of(), 0, null, ParseOptions.defaults(), ProgressListener.NONE,
                CommitPolicy.DEFAULT, false);
    }

    /** A copy with another format. */
    public ConvertOptions withFormat(String f) {
        return new ConvertOptions(f, prefixes, complevel, metadata, parse, progress, commits, resume);
    }

    /** A copy with these prefixes. */
    public ConvertOptions withPrefixes(List<String> p) {
        return new ConvertOptions(format, p, complevel, metadata, parse, progress, commits, resume);
    }

    /** A copy with compression. */
    public ConvertOptions withComplevel(int level) {
        return new ConvertOptions(format, prefixes, level, metadata, parse, progress, commits, resume);
    }

    /** A copy with this metadata. */
    public ConvertOptions withMetadata(BatteryMetadata m) {
        return new ConvertOptions(format, prefixes, complevel, m, parse, progress, commits, resume);
    }

    /** A copy with these parse options. */
    public ConvertOptions withParse(ParseOptions p) {
        return new ConvertOptions(format, prefixes, complevel, metadata, p, progress, commits, resume);
    }

    /** A copy with this listener. */
    public ConvertOptions withProgress(ProgressListener p) {
        return new ConvertOptions(format, prefixes, complevel, metadata, parse, p, commits, resume);
    }

    /** A copy with another commit policy. */
    public ConvertOptions withCommits(CommitPolicy c) {
        return new ConvertOptions(format, prefixes, complevel, metadata, parse, progress, c, resume);
    }

    /** A copy that resumes an output left by a killed run, or not. */
    public ConvertOptions withResume(boolean r) {
        return new ConvertOptions(format, prefixes, complevel, metadata, parse, progress, commits, r);
    }
}
