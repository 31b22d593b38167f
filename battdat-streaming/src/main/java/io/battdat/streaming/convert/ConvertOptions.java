package io.battdat.streaming.convert;

import io.battdat.api.InvalidUseException;
import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.parse.ParseOptions;

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
 * @param cellName   the name of the one cell the inputs form (the parts of a split export, several files of one
 *                   test), or null for the name the parser gives; inputs forming several cells are then an error
 */
public record ConvertOptions(String format, List<String> prefixes, int complevel, BatteryMetadata metadata,
                             ParseOptions parse, ProgressListener progress, String cellName) {
    /** The format name that asks for detection. */
    public static final String AUTO = "auto";

    public ConvertOptions {
        Objects.requireNonNull(format, "format");
        prefixes = List.copyOf(prefixes);
        Objects.requireNonNull(parse, "parse");
        Objects.requireNonNull(progress, "progress");
        if (cellName != null && cellName.isBlank()) {
            throw new InvalidUseException("a cell name must not be empty");
        }
        if (complevel < 0 || complevel > 9) {
            throw new IllegalArgumentException("compression level must be 0-9, got " + complevel);
        }
    }

    /** Detection, root-level tables, uncompressed, default metadata and parsing, no progress. */
    public static ConvertOptions defaults() {
        return new ConvertOptions(AUTO, List.of(), 0, null, ParseOptions.defaults(), ProgressListener.NONE, null);
    }

    /** A copy with another format. */
    public ConvertOptions withFormat(String f) {
        return new ConvertOptions(f, prefixes, complevel, metadata, parse, progress, cellName);
    }

    /** A copy with these prefixes. */
    public ConvertOptions withPrefixes(List<String> p) {
        return new ConvertOptions(format, p, complevel, metadata, parse, progress, cellName);
    }

    /** A copy with compression. */
    public ConvertOptions withComplevel(int level) {
        return new ConvertOptions(format, prefixes, level, metadata, parse, progress, cellName);
    }

    /** A copy with this metadata. */
    public ConvertOptions withMetadata(BatteryMetadata m) {
        return new ConvertOptions(format, prefixes, complevel, m, parse, progress, cellName);
    }

    /** A copy with these parse options. */
    public ConvertOptions withParse(ParseOptions p) {
        return new ConvertOptions(format, prefixes, complevel, metadata, p, progress, cellName);
    }

    /** A copy that names the one cell of the inputs (null: the parser's name for it). */
    public ConvertOptions withCellName(String name) {
        return new ConvertOptions(format, prefixes, complevel, metadata, parse, progress, name);
    }

    /** A copy with this listener. */
    public ConvertOptions withProgress(ProgressListener p) {
        return new ConvertOptions(format, prefixes, complevel, metadata, parse, p, cellName);
    }
}
