package io.battdat.streaming.convert;

import io.battdat.api.BadFormatException;
import io.battdat.api.ErrorLocation;
import io.battdat.api.FileAccessException;
import io.battdat.api.PluginException;
import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.InvalidUseException;
import io.battdat.api.parse.CellFiles;
import io.battdat.api.parse.VendorParser;
import io.battdat.api.spi.DatasetSink;
import io.battdat.streaming.write.CommittingSink;
import io.battdat.api.spi.ProbeResult;
import io.battdat.api.spi.WriteMode;
import io.battdat.api.spi.WriteOptions;
import io.battdat.streaming.StorageRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Converts vendor exports into one battdat file: parser, then streaming post-processing, then the storage writer.
 *
 * <p>Inputs are files or directories (walked in name order; companion files the parser names, such as Arbin's
 * {@code *_Metadata.csv}, are skipped and reported). The parser is the one named, or the one that claims every input
 * file ({@link StorageRegistry#parserFor}). Its {@link VendorParser#group} makes cells; each cell goes to the root
 * (one cell) or to a prefix group. The output is written under a temporary name that takes its name at the first
 * commit, and is committed by {@link ConvertOptions#commits()} ({@link CommittingSink}): a conversion killed at any
 * moment leaves a file holding a prefix of every table, which {@link ConvertOptions#withResume} continues. On a
 * failure the writer is aborted and an output this run created is removed (a killed run, which cannot clean up,
 * leaves its last commit for {@code --resume}).
 */
public final class Converter {
    private static final Logger LOG = LoggerFactory.getLogger(Converter.class);
    /** A rough row size of cycler exports, to size the writer's chunks (not a limit). */
    private static final long BYTES_PER_ROW = 100;

    private final StorageRegistry registry;

    /** @param registry where parsers and the storage writer come from */
    public Converter(StorageRegistry registry) {
        this.registry = registry;
    }

    /**
     * Converts the inputs into {@code output} (replaced when it exists).
     *
     * @throws BadFormatException  on bad input (file, table, line, column in the message)
     * @throws PluginException     when no parser, or more than one, claims the input
     * @throws FileAccessException when an input cannot be read
     */
    public ConvertReport convert(List<Path> inputs, Path output, ConvertOptions options) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no input files");
        }
        List<Path> skipped = new ArrayList<>();
        Set<Path> fromDirectories = new HashSet<>();
        List<Path> files = expand(inputs, fromDirectories);
        VendorParser parser = choose(files, fromDirectories, options.format());
        List<Path> readable = new ArrayList<>();
        for (Path f : files) {
            if (parser.isCompanionFile(f) || (fromDirectories.contains(f) && !claims(parser, f))) {
                skipped.add(f);
                LOG.info("skipped {}: not a {} data file", f, parser.formatName());
            } else {
                readable.add(f);
            }
        }
        if (readable.isEmpty()) {
            throw new BadFormatException(ErrorLocation.of(inputs.get(0)),
                    "no " + parser.formatName() + " data file among " + files.size() + " input file(s)", null);
        }
        List<CellFiles> cells = nameCell(parser.group(readable), options.cellName());
        List<String> prefixes = prefixes(cells, options.prefixes());
        BatteryMetadata metadata = options.metadata() != null ? options.metadata() : BatteryMetadata.defaults();
        if (cells.size() == 1 && metadata.name() == null) {
            metadata = metadata.withName(cells.get(0).name());
        }
        if (cells.size() == 1) {
            metadata = parser.metadata(cells.get(0), metadata); // a file's own facts describe the file's one cell
        }
        long total = 0;
        for (Path f : readable) {
            total += size(f);
        }
        WriteOptions writeOptions = WriteOptions.create(metadata).withMode(WriteMode.OVERWRITE)
                .withCompression(options.complevel(), "zlib");
        Progress progress = new Progress(options.progress(), total);
        BadLines badLines = new BadLines(options.parse().skipBadLines());
        List<String> warnings = new ArrayList<>();
        Map<String, Map<String, Long>> rows = new LinkedHashMap<>();
        long dropped = 0;
        // an output this run creates is removed again when the run fails: its commits hold a prefix that a kill
        // would leave for --resume, but after an error (bad input) it would only look like a finished conversion
        boolean created = !options.resume() && !Files.exists(output);
        DatasetSink sink = options.resume()
                ? CommittingSink.resume(registry, output, writeOptions, options.commits())
                : CommittingSink.open(registry, output, writeOptions, options.commits());
        CellsOutput cellsOutput = new CellsOutput(sink, options.parse(), progress, badLines, warnings);
        try {
            for (int i = 0; i < cells.size(); i++) {
                CellFiles cell = cells.get(i);
                long cellBytes = 0;
                for (Path f : cell.files()) {
                    cellBytes += size(f);
                }
                CellContext context = new CellContext(cellsOutput, cell.files().get(0), prefixes.get(i),
                        Math.max(1, cellBytes / BYTES_PER_ROW));
                LOG.info("converting {} ({} file(s)) with the {} parser", cell.name(), cell.files().size(),
                        parser.formatName());
                parser.parse(cell, context);
                rows.put(prefixes.get(i) == null ? "" : prefixes.get(i), context.finish());
                dropped += context.dropped();
            }
            sink.close();
        } catch (RuntimeException | Error e) {
            sink.abort(); // a failed conversion must not leave a file that looks complete
            if (created) {
                removeCreated(output);
            }
            throw e;
        }
        progress.done();
        return ConvertReport.builder(output, parser.formatName()).cells(rows).rowsDropped(dropped)
                .badLines(badLines.count(), badLines.first()).skippedFiles(skipped).warnings(List.copyOf(warnings))
                .bytesRead(progress.bytesRead()).build();
    }

    /** Deletes an output this run created (a file, or a Parquet dataset's directory tree). */
    private static void removeCreated(Path output) {
        if (!Files.exists(output)) {
            return;
        }
        try (java.util.stream.Stream<Path> all = Files.walk(output)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
            LOG.warn("removed the partial output {}: the conversion failed", output);
        } catch (IOException | java.io.UncheckedIOException e) {
            LOG.warn("could not remove the partial output {} of a failed conversion: {}", output, e.toString());
        }
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            throw new FileAccessException(ErrorLocation.of(f), "cannot read: " + e.getMessage(), e);
        }
    }

    private static boolean claims(VendorParser parser, Path file) {
        return parser.probe(StorageRegistry.probeOf(file)) != ProbeResult.NO;
    }

    /**
     * Files as given; directories replaced by their regular files, walked in name order, hidden ones left out
     * (those are added to {@code fromDirectories}).
     */
    static List<Path> expand(List<Path> inputs, Set<Path> fromDirectories) {
        List<Path> out = new ArrayList<>();
        for (Path in : inputs) {
            if (!Files.exists(in)) {
                throw new FileAccessException(ErrorLocation.of(in), "no such file or directory", null);
            }
            if (!Files.isDirectory(in)) {
                out.add(in);
                continue;
            }
            try (Stream<Path> walk = Files.walk(in)) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> !p.getFileName().toString().startsWith("."))
                        .sorted()
                        .forEach(p -> {
                            out.add(p);
                            fromDirectories.add(p);
                        });
            } catch (IOException e) {
                throw new FileAccessException(ErrorLocation.of(in), "cannot list the directory: " + e.getMessage(), e);
            }
        }
        if (out.isEmpty()) {
            throw new FileAccessException(ErrorLocation.of(inputs.get(0)), "no files to convert", null);
        }
        return out;
    }

    private VendorParser choose(List<Path> files, Set<Path> fromDirectories, String format) {
        if (!ConvertOptions.AUTO.equals(format)) {
            return registry.parser(format);
        }
        VendorParser chosen = null;
        for (Path f : files) {
            if (isCompanionOfAny(f) || (fromDirectories.contains(f) && !claimedByAny(f))) {
                continue;
            }
            VendorParser p = registry.parserFor(f);
            if (chosen != null && chosen != p) {
                throw new PluginException(ErrorLocation.of(f), "inputs mix formats: " + chosen.formatName() + " and "
                        + p.formatName() + "; convert them separately or choose one with --format", null);
            }
            chosen = p;
        }
        if (chosen == null) {
            throw new PluginException(ErrorLocation.of(files.get(0)), "only companion files given; known formats: "
                    + registry.parsers().stream().map(VendorParser::formatName).toList(), null);
        }
        return chosen;
    }

    private boolean claimedByAny(Path f) {
        for (VendorParser p : registry.parsers()) {
            if (claims(p, f)) {
                return true;
            }
        }
        return false;
    }

    private boolean isCompanionOfAny(Path f) {
        for (VendorParser p : registry.parsers()) {
            if (p.isCompanionFile(f)) {
                return true;
            }
        }
        return false;
    }

    /** The parser's cells, the one cell renamed when the user names it. */
    private static List<CellFiles> nameCell(List<CellFiles> cells, String name) {
        if (name == null) {
            return cells;
        }
        if (cells.size() != 1) {
            throw new InvalidUseException("--cell names one cell, but the inputs form " + cells.size() + " cells "
                    + cells.stream().map(CellFiles::name).toList() + "; convert them separately, or leave out --cell "
                    + "(each cell then goes into its own prefix group)");
        }
        return List.of(CellFiles.of(name, cells.get(0).files()));
    }

    /** The given prefixes, or none for one cell, or the cells' names made into valid group names. */
    private static List<String> prefixes(List<CellFiles> cells, List<String> given) {
        List<String> out = new ArrayList<>();
        if (!given.isEmpty()) {
            if (given.size() != cells.size()) {
                throw new IllegalArgumentException(given.size() + " prefix(es) given for " + cells.size() + " cell(s) "
                        + cells.stream().map(CellFiles::name).toList() + "; give one --prefix per cell");
            }
            out.addAll(given);
        } else if (cells.size() == 1) {
            out.add(null);
        } else {
            Set<String> seen = new HashSet<>();
            for (CellFiles c : cells) {
                String p = c.name().replaceAll("[^A-Za-z0-9_]", "_");
                if (!Character.isLetter(p.charAt(0)) && p.charAt(0) != '_') {
                    p = "cell_" + p;
                }
                String unique = p;
                for (int k = 2; !seen.add(unique); k++) {
                    unique = p + "_" + k;
                }
                out.add(unique);
            }
        }
        Set<String> distinct = new HashSet<>();
        for (String p : out) {
            if (p != null && (p.isEmpty() || p.contains("/") || !distinct.add(p))) {
                throw new IllegalArgumentException("bad or repeated prefix '" + p + "'");
            }
        }
        return out;
    }
}
