package io.battdat.api.parse;

import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.spi.FileProbe;
import io.battdat.api.spi.ProbeResult;
import io.battdat.api.spi.ProbeVerdict;
import io.battdat.api.spi.Spi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Service interface of a vendor-format parser: reads cycler exports (Arbin CSV, MACCOR text, ...) and streams their
 * rows, batch by batch, into a {@link ParseContext}. Found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.battdat.api.parse.VendorParser}); a public no-argument constructor that does no I/O.
 * See the {@linkplain io.battdat.api.parse package documentation} for the whole contract.
 */
public interface VendorParser {

    /** Short unique format name, lower case ({@code arbin}); what {@code battdat convert --format} takes. */
    String formatName();

    /** One line for {@code battdat formats}: what the parser reads. */
    String description();

    /** File name extensions this parser usually reads, lower case, without dots ({@code csv}); may be empty. */
    List<String> extensions();

    /**
     * Whether this parser reads the probed file, from its name and first bytes ({@link FileProbe#head()}).
     * {@link ProbeResult#SIGNATURE} when the content is recognised (a header line), {@link ProbeResult#EXTENSION}
     * when only the name fits, else {@link ProbeResult#NO}. Must not throw and must not do I/O. Directories are
     * not probed; their files are.
     */
    ProbeResult probe(FileProbe probe);

    /**
     * {@link #probe} with the reason for a verdict other than {@link ProbeResult#SIGNATURE}, in a few words
     * ({@code missing column 'Voltage'}, {@code not a .csv file}); auto-detection that finds no parser lists each
     * parser's reason. Same rules as {@link #probe}: no I/O, no exception, and the same verdict. The default asks
     * {@link #probe} and, for {@link ProbeResult#NO}, names the {@link #extensions()} when the file has none of them;
     * parsers override it to say what they looked for.
     */
    default ProbeVerdict explainProbe(FileProbe probe) {
        ProbeResult result = probe(probe);
        if (result == ProbeResult.NO && !extensions().isEmpty() && !extensions().contains(probe.extension())) {
            return ProbeVerdict.no("not a " + extensions().stream().map(e -> "." + e)
                    .collect(java.util.stream.Collectors.joining(" or ")) + " file");
        }
        return ProbeVerdict.of(result == null ? ProbeResult.NO : result);
    }

    /**
     * Whether this file is a companion that a directory scan should skip (Arbin's {@code *_Metadata.csv});
     * {@link #group} is never given such files by the engine, which logs each skipped one.
     */
    default boolean isCompanionFile(Path file) {
        return false;
    }

    /**
     * Splits the files of one run into cells: the files of one cell (MACCOR {@code test.001}, {@code test.002};
     * BatteryData {@code x-raw.csv}, {@code x-summary.csv}) go in one group, in reading order. The default makes
     * each file its own cell, named after the file.
     *
     * @param files the files, in the order given by the user (a directory's files sorted by name)
     * @return the cells, in output order
     * @throws io.battdat.api.BadFormatException when files cannot form cells (a broken naming convention)
     */
    default List<CellFiles> group(List<Path> files) {
        List<CellFiles> cells = new ArrayList<>();
        for (Path f : files) {
            cells.add(CellFiles.of(f));
        }
        return cells;
    }

    /**
     * Reads one cell's files and writes its tables through the context: each table is declared once with
     * {@link ParseContext#table}, then fed batches; row values follow the battdat schemas (docs/format.md sections
     * 5.4-5.6). Runs on the calling thread; must keep memory bounded (a batch, plus what the format needs).
     *
     * @throws io.battdat.api.BadFormatException   on bad input, naming the file, line and column (unless the
     *                                             context's bad-line policy absorbs it)
     * @throws io.battdat.api.FileAccessException  when a file cannot be read
     */
    void parse(CellFiles cell, ParseContext context);

    /**
     * Adds what a cell's files record about themselves (instrument, channel, start time, technique: facts that
     * binary formats keep in their headers) to the metadata written with the output. Fields already set in
     * {@code given} (the user's {@code --metadata}) are kept; the parser fills only empty ones and adds extra fields.
     * Called before {@link #parse} when the output holds one cell, since the metadata is the file's; it reads
     * headers only. The default returns {@code given} unchanged.
     *
     * @throws io.battdat.api.BadFormatException  when the header cannot be read (the parse would fail too)
     */
    default BatteryMetadata metadata(CellFiles cell, BatteryMetadata given) {
        return given;
    }

    /** Order among parsers claiming one file: higher first (then by format name). */
    default int priority() {
        return 0;
    }

    /**
     * The SPI version this parser was compiled against. Implement it as {@code return Spi.VERSION;} in the
     * implementing class: {@link Spi#VERSION} is a compile-time constant, so the number is fixed into the parser's
     * own class file when it is compiled, and the registry refuses a parser built against a newer SPI than the
     * one running. (A default method here would report the running SPI's version for every parser.)
     */
    int spiVersion();
}
