package io.battdat.cli;

import io.battdat.api.data.ColumnBatch;
import io.battdat.api.postprocess.DerivedColumn;
import io.battdat.api.postprocess.EnhancerStage;
import io.battdat.api.postprocess.PostProcessOptions;
import io.battdat.api.postprocess.RawDataEnhancer;
import io.battdat.api.postprocess.TableContext;
import io.battdat.api.schema.ColumnSchema;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.TableCursor;
import io.battdat.api.spi.TableInfo;
import io.battdat.api.spi.TableSink;
import io.battdat.streaming.Battdat;
import io.battdat.streaming.BattdatEngine;
import io.battdat.streaming.PostProcessor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code battdat enhance IN OUT --add ...}: raw tables streamed to a new file with added columns. */
@Command(name = "enhance", mixinStandardHelpOptions = true,
        header = "Stream a dataset into a new file, adding derived columns to every raw_data table.")
final class EnhanceCommand extends Subcommand {
    @Parameters(index = "0", paramLabel = "IN", description = "The battdat file to read.")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "The file to write (replaced if it exists).")
    Path out;

    @Option(names = "--add", required = true, split = ",", paramLabel = "NAME",
            description = "Enhancers to run, comma-separated, in order.")
    List<String> add;

    @Option(names = "--coulombic-efficiency", paramLabel = "X", description = {"For soc: the coulombic efficiency",
            "applied to charging current in CE_adjusted_charge, between 0 and 1 (default 1)."})
    double efficiency = 1.0;

    @Option(names = "--max-step-rows", paramLabel = "N", description = {"For method: the most rows of one step held",
            "for classification (default 1048576, about 80 MB for a typical table); a longer step is classified in",
            "parts of N rows (logged). Lower it for small heaps, e.g. 131072 with -Xmx64m."})
    int maxStepRows = 1 << 20;

    @Override
    public Integer call() {
        if (!(efficiency >= 0 && efficiency <= 1)) {
            throw usageError("--coulombic-efficiency must be between 0 and 1, not "
                    + efficiency);
        }
        BattdatEngine engine = Battdat.engine();
        PostProcessor post = new PostProcessor(engine);
        List<RawDataEnhancer> enhancers = new ArrayList<>();
        for (String name : add) {
            enhancers.add(post.enhancer(name.trim()));
        }
        if (maxStepRows < 16) {
            throw usageError("--max-step-rows must be at least 16");
        }
        PostProcessOptions options = PostProcessOptions.DEFAULT.toBuilder().coulombicEfficiency(efficiency)
                .maxCycleRows(maxStepRows).build();
        long[] counts = rewrite(engine, in, out, enhancers, options);
        out().println("wrote " + counts[0] + " rows to " + out + "; added " + add + " to "
                + counts[1] + " raw_data table" + (counts[1] == 1 ? "" : "s"));
        return 0;
    }

    /** Streams IN to OUT with the enhancers run on every raw_data table; returns {rows written, tables enhanced}. */
    static long[] rewrite(BattdatEngine engine, Path in, Path out, List<RawDataEnhancer> enhancers,
                          PostProcessOptions options) {
        long rows = 0;
        int enhanced = 0;
        try (StoredDataset source = engine.open(in);
             DatasetRewrite rewrite = DatasetRewrite.open(engine, source, out, false)) {
            for (TableInfo t : source.tables()) {
                if (!t.name().equals("raw_data")) {
                    rows += rewrite.copy(source, t, engine);
                    continue;
                }
                rows += enhance(engine, source, rewrite, t, enhancers, options);
                enhanced++;
            }
            rewrite.commit();
        }
        return new long[] {rows, enhanced};
    }

    private static long enhance(BattdatEngine engine, StoredDataset source, DatasetRewrite rewrite, TableInfo t,
                                List<RawDataEnhancer> enhancers, PostProcessOptions options) {
        TableContext context = PostProcessor.context(source.path(), t, options);
        TableSink[] target = new TableSink[1];
        long[] written = {0};
        EnhancerStage stage = PostProcessor.chain(context, enhancers, b -> {
            target[0].append(b, 0, b.rowCount());
            written[0] += b.rowCount();
        });
        ColumnSchema schema = t.schema() == null ? ColumnSchema.empty() : t.schema();
        TableContext running = context;
        for (RawDataEnhancer e : enhancers) {
            for (DerivedColumn c : e.columns(running)) {
                if (!schema.contains(c.name())) {
                    schema = schema.withExtraColumn(c.name(), c.info());
                }
            }
        }
        target[0] = rewrite.create(t.key(), stage.outputLayout(), schema, t.rows());
        try (TableCursor cursor = source.openTable(t.key(), engine.options())) {
            while (cursor.next()) {
                ColumnBatch b = cursor.batch();
                stage.accept(b);
            }
        }
        stage.finish();
        return written[0];
    }
}
