package io.battdat.cli;

import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.parse.ParseOptions;
import io.battdat.api.parse.VendorParser;
import io.battdat.streaming.Battdat;
import io.battdat.streaming.StorageRegistry;
import io.battdat.streaming.convert.ConvertOptions;
import io.battdat.streaming.convert.ConvertReport;
import io.battdat.streaming.convert.Converter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code battdat convert INPUT... --out FILE.h5}: streams vendor exports into a battdat file. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        header = "Stream cycler exports (Arbin, MACCOR, BatteryData, ...) into a battdat file.")
final class ConvertCommand extends Subcommand {
    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Export files or directories of one format.")
    List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "FILE.h5", description = "The battdat file to write "
            + "(replaced): a path, or a URI written through a local staging file and uploaded when complete.")
    String out;

    @Option(names = "--format", paramLabel = "NAME", description = "auto (default) or a parser's name: arbin, maccor, "
            + "batterydata, batteryarchive, biologic, or a plugin's.")
    String format = ConvertOptions.AUTO;

    @Option(names = "--prefix", paramLabel = "P", description = "Prefix group of a cell; repeat once per cell.")
    List<String> prefixes = new ArrayList<>();

    @Option(names = "--cell", paramLabel = "NAME", description = {"Name of the one cell the inputs form (the parts",
            "of a split export, name_Wb_1.csv, name_Wb_2.csv, are one cell); inputs forming several cells are an",
            "error with --cell. Default: the parser's name (the file name, or the split export's common stem)."})
    String cell;

    @Option(names = "--time-source", paramLabel = "SOURCE", description = {"Where test_time comes from when an",
            "export holds both a test-time and a date-time column (Arbin): test-time (default; the instrument's",
            "resolution, every distinct record kept) or datetime (Python's reader: the date-time column, often whole",
            "seconds, then drop_cycles; for parity with Python's files). Same as --option time-source=SOURCE."})
    String timeSource;

    @Option(names = "--complevel", paramLabel = "N", description = "zlib level 0-9 (default 0: none).")
    int complevel;

    @Option(names = "--metadata", paramLabel = "meta.json", description = {"Battery metadata (BatteryMetadata JSON); keys",
            "the model does not know are kept as extra fields, with a warning naming each (typos show up)."})
    Path metadata;

    @Option(names = "--zone", paramLabel = "ZONE", description = {"Time zone of wall-clock times in the input",
            "(MACCOR DPt Time, Arbin MITS Date_Time, ...); default: this machine's, as Python."})
    ZoneId zone = ZoneId.systemDefault();

    @Option(names = "--skip-bad-lines", description = "Skip malformed lines (counted and reported) instead of failing.")
    boolean skipBadLines;

    @Option(names = "--skip-unknown-columns", description = {"Binary formats (BioLogic .mpr): leave out a column whose",
            "id the parser does not know, with a warning, instead of failing."})
    boolean skipUnknownColumns;

    @Option(names = "--option", paramLabel = "KEY=VALUE", description = {"A parser setting, e.g.",
            "batterydata.store-all=true, maccor.ignore-time=true (see each parser's README)."})
    Map<String, String> settings = new LinkedHashMap<>();

    @Mixin
    CommitEvery commitEvery;

    @Option(names = "--resume", description = {"Continue an OUT left by a killed conversion of the same inputs with",
            "the same options: the inputs are parsed again, each table's rows already in OUT are compared value by",
            "value with the parsed ones instead of written, and the rest are appended. A mismatch is an error naming",
            "the table, row, column and both values, and OUT is left unchanged."})
    boolean resume;

    @Option(names = "--quiet", description = "No progress display.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = err();
        BatteryMetadata meta = null;
        if (metadata != null) {
            meta = MetadataText.parse(metadata, "the battery metadata", Files.readString(metadata));
            for (String key : MetadataText.unknownKeys(meta)) {
                err.println("battdat: warning: " + metadata + ": unknown metadata key " + key
                        + "; kept as an extra field");
            }
        }
        StorageRegistry registry = Battdat.engine().registry();
        if (!ConvertOptions.AUTO.equals(format)
                && registry.parsers().stream().noneMatch(p -> p.formatName().equals(format))) {
            throw usageError("unknown --format '" + format + "'; known: auto, "
                    + String.join(", ", registry.parsers().stream().map(VendorParser::formatName).toList()));
        }
        if (Locations.isRemote(out) && resume) {
            throw usageError("--resume needs a local --out: a remote file "
                    + "is uploaded whole when the conversion completes");
        }
        if (!Locations.isRemote(out)) {
            OutputPaths.writerFor(registry, Locations.localPath(out), "--out");
        }
        ParseOptions parse = ParseOptions.defaults().withZone(zone).withSkipBadLines(skipBadLines)
                .withSettings(settings);
        if (skipUnknownColumns) {
            parse = parse.withSkipUnknownColumns(true);
        }
        if (timeSource != null) {
            parse = parse.withTimeSource(timeSource);
        }
        ProgressDisplay progress = quiet ? null : new ProgressDisplay(err, System.console() != null);
        ConvertOptions options = ConvertOptions.defaults().withFormat(format).withPrefixes(prefixes)
                .withComplevel(complevel).withMetadata(meta).withParse(parse)
                .withCommits(commitEvery.policy(false)).withResume(resume)
                .withCellName(cell);
        if (progress != null) {
            options = options.withProgress(progress);
        }
        long start = System.nanoTime();
        ConvertOptions chosen = options;
        ConvertReport[] done = new ConvertReport[1];
        Locations.writeNew(registry, out, target -> done[0] = new Converter(registry).convert(inputs, target, chosen));
        ConvertReport report = done[0];
        double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
        if (progress != null) {
            progress.finish();
        }
        PrintWriter o = out();
        o.printf("converted %d rows from %d file(s) (%s) into %s in %.2f s: %.1f MB/s, %.0f rows/s%n",
                report.rowsWritten(), inputs.size(), report.format(), out, seconds,
                report.bytesRead() / 1e6 / seconds, report.rowsWritten() / seconds);
        report.cells().forEach((prefix, tables) -> o.println("  " + (prefix.isEmpty() ? "/" : "/" + prefix + "/")
                + " " + tables));
        if (report.rowsDropped() > 0) {
            o.println("  dropped " + report.rowsDropped() + " duplicate rows (drop_cycles)");
        }
        for (Path skipped : report.skippedFiles()) {
            o.println("  skipped " + skipped + " (not a " + report.format() + " data file)");
        }
        if (report.badLines() > 0) {
            o.println("  skipped " + report.badLines() + " bad line(s); first:");
            report.firstBadLines().forEach(m -> o.println("    " + m));
        }
        // report.warnings() were logged as they happened: one "battdat: warning: ..." line each on stderr
        return 0;
    }
}
