package io.battdat.cli;

import io.battdat.api.BadFormatException;
import io.battdat.api.ErrorLocation;
import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.spi.DatasetSink;
import io.battdat.api.spi.MonotonicPolicy;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.TableCursor;
import io.battdat.api.spi.TableInfo;
import io.battdat.api.spi.TableSink;
import io.battdat.api.spi.WriteMode;
import io.battdat.api.spi.WriteOptions;
import io.battdat.streaming.Battdat;
import io.battdat.streaming.BattdatEngine;
import io.battdat.streaming.write.CommitPolicy;
import io.battdat.streaming.write.CommittingSink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

/** {@code battdat copy IN OUT}: streams every table of every cell into a new file. */
@Command(name = "copy", mixinStandardHelpOptions = true,
        header = "Copy (or append) every table of a dataset into an HDF5 file or Parquet dataset.")
final class CopyCommand extends Subcommand {
    @Parameters(index = "0", paramLabel = "IN", description = "The battdat file to read: a path, or a URI such as "
            + "s3a://bucket/a.h5 or hdfs://namenode/lake/a.h5 (see --hadoop-conf).")
    String in;

    @Parameters(index = "1", paramLabel = "OUT", description = "The file to write: a path or a URI. A URI is written "
            + "to a local staging file and uploaded when the copy is complete (no --append or --resume there).")
    String out;

    @Option(names = "--complevel", paramLabel = "N", description = "Compression level 0-9 (default 0: none).")
    int complevel;

    @Option(names = "--complib", paramLabel = "LIB", description = {"Compression library, as PyTables names it:",
            "zlib (default: shuffle + deflate), blosc (blosclz), blosc:lz4, blosc:lz4hc, blosc:zstd, blosc:zlib,",
            "blosc:snappy; for Parquet: zlib, zstd, snappy, lz4."})
    String complib = "zlib";

    @Option(names = "--append", description = {"Append IN's rows to the tables of an existing OUT (written by",
            "PyTables, the Python toolkit or battdat): tables OUT has get IN's rows (their columns must match), the",
            "others are created; OUT's metadata is kept. The rows become visible together when the copy completes",
            "(unless --commit-every is given); if it fails, OUT keeps exactly its old rows."})
    boolean append;

    @Option(names = "--renumber-cycles", description = {"With --append: when IN's cycle_number would go below the",
            "last cycle OUT's table holds (or below an earlier appended row), shift it so the numbering continues:",
            "the shift starts at 0 and, whenever a shifted value would fall below the last value written, grows so",
            "that row gets that value + 1; it then applies to every later row. Other columns declared monotonic",
            "are still checked (add --allow-non-monotonic to clear their declaration when they decrease)."})
    boolean renumberCycles;

    @Option(names = "--allow-non-monotonic", description = {"Store rows that make a column declared monotonic",
            "decrease, and rewrite the table's column schema with monotonic: false for that column first, so no",
            "reader trusts a false promise. An existing HDF5 table's schema is rewritten in place only when the",
            "new text fits the old attribute (otherwise refused: copy to a new file with this option first)."})
    boolean allowNonMonotonic;

    @Option(names = "--key", paramLabel = "K", description = {"Write IN's tables into the prefix group K of OUT",
            "(created when missing), e.g. to gather several cells in one file."})
    String key;

    @Mixin
    CommitEvery commitEvery;

    @Option(names = "--resume", description = {"Continue an OUT left by a killed copy of IN: each table of OUT is",
            "checked to hold a prefix of IN's table (same columns, and its committed rows equal IN's first rows,",
            "compared value by value while IN is read again), then IN's remaining rows are appended. A mismatch",
            "is an error naming the table, row, column and both values, and OUT is left unchanged. The result",
            "equals an uninterrupted copy. An OUT that does not exist is copied from the start. Temporary files",
            "that killed copies left beside OUT are removed."})
    boolean resume;

    @Override
    public Integer call() {
        BattdatEngine engine = Battdat.engine();
        long rows = 0;
        long already = 0;
        long commits = 0;
        long commitNanos = 0;
        long start = System.nanoTime();
        int tables = 0;
        try (StoredDataset source = engine.open(in)) {
            String metadataJson = source.metadataJson();
            BatteryMetadata metadata = MetadataText.parse(in, "root attribute 'metadata'", metadataJson);
            WriteOptions options = WriteOptions.create(metadata).withMode(append ? WriteMode.APPEND : WriteMode.OVERWRITE)
                    .withMetadataJson(metadataJson).withCompression(complevel, complib).toBuilder()
                    .monotonicPolicy(MonotonicPolicy.of(renumberCycles, allowNonMonotonic)).build();
            if (resume && append) {
                throw usageError("--resume and --append exclude each other (--resume continues OUT where a copy of IN stopped)");
            }
            if (Locations.isRemote(out) && (append || resume)) {
                throw usageError((append ? "--append" : "--resume")
                        + " needs a local OUT: a remote file is uploaded whole when the copy completes");
            }
            CommitPolicy policy = commitEvery.policy(append);
            long[] counts = new long[5];
            Locations.writeNew(engine.registry(), out, target -> copyInto(engine, source, target, options, policy,
                    counts));
            rows = counts[0];
            tables = (int) counts[1];
            already = counts[2];
            commits = counts[3];
            commitNanos = counts[4];
        }
        out().println((append ? "appended " : "copied ") + (rows - already) + " rows in "
                + tables + " tables from " + in + " to " + out
                + (resume ? " (resumed after " + already + " rows already committed)" : "")
                + String.format(java.util.Locale.ROOT, " in %.2f s; %d commits took %.3f s", (System.nanoTime() - start) / 1e9,
                commits, commitNanos / 1e9));
        return 0;
    }

    /** Copies every table into a local file (OUT itself, or the staging file of a remote OUT). */
    private void copyInto(BattdatEngine engine, StoredDataset source, Path out, WriteOptions options,
                          CommitPolicy policy, long[] counts) {
        OutputPaths.writerFor(engine.registry(), out, "OUT"); // names the outputs that exist when none fits
        CommittingSink sink = resume ? CommittingSink.resume(engine.registry(), out, options, policy)
                : CommittingSink.open(engine.registry(), out, options, policy);
        long rows = 0;
        int tables = 0;
        try {
            for (TableInfo t : source.tables()) {
                if (t.schema() == null) {
                    throw Locations.at(new BadFormatException(ErrorLocation.of(Locations.localPath(in), t.path()),
                            "cannot copy a table "
                            + "whose column schema does not parse: " + t.schemaError(), null), in);
                }
                TableSink target = target(sink, t, out);
                try (TableCursor cursor = source.openTable(t.key(), engine.options())) {
                    while (cursor.next()) {
                        target.append(cursor.batch(), 0, cursor.batch().rowCount());
                        rows += cursor.batch().rowCount();
                    }
                }
                tables++;
            }
        } catch (RuntimeException e) {
            sink.abort(); // a failed copy must not leave a file that looks complete
            throw e;
        }
        sink.close();
        counts[0] = rows;
        counts[1] = tables;
        counts[2] = sink.resumedRows().values().stream().mapToLong(Long::longValue).sum();
        counts[3] = sink.commits();
        counts[4] = sink.commitNanos();
    }

    private TableSink target(DatasetSink sink, TableInfo t, Path out) {
        String k = key == null ? t.key() : key + "/" + t.name();
        if (key != null && !written.add(k)) {
            throw new io.battdat.api.WriteException(io.battdat.api.ErrorLocation.of(out, "/" + k),
                    "two tables of " + in + " would both go to /" + k
                    + " with --key " + key + "; copy one cell at a time", null);
        }
        if (append) {
            try {
                TableSink existing = sink.appendTo(k);
                if (!existing.layout().equals(t.layout())) {
                    throw new io.battdat.api.SchemaViolationException(io.battdat.api.ErrorLocation.of(out, "/" + k),
                            "cannot append: " + out
                            + " has columns " + existing.layout() + " but " + in + " has " + t.layout(), null);
                }
                return existing;
            } catch (io.battdat.api.KeyNotFoundException e) {
                // a table OUT does not have yet
            }
        }
        return sink.createTable(k, t.layout(), t.schema(), t.rows());
    }

    private final java.util.Set<String> written = new java.util.HashSet<>();
}
