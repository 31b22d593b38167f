package io.battdat.cli;

import io.battdat.api.data.ColumnBatch;
import io.battdat.api.postprocess.CycleSummarizer;
import io.battdat.api.postprocess.EnhancerStage;
import io.battdat.api.postprocess.PostProcessOptions;
import io.battdat.streaming.BatchStream;
import io.battdat.streaming.Battdat;
import io.battdat.streaming.BattdatEngine;
import io.battdat.streaming.PostProcessor;
import io.battdat.streaming.postprocess.CycleTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code battdat bench postprocess}: times post-processing in-process, for comparison with the Python toolkit. */
@Command(name = "postprocess", mixinStandardHelpOptions = true,
        header = "Time cycle statistics or state of charge over a file (read included).")
final class BenchPostprocessCommand extends LocalFileSubcommand {
    enum Mode { summarize, soc }

    @Option(names = "--mode", required = true, description = "summarize or soc.")
    Mode mode;

    @Option(names = "--key", paramLabel = "K", description = "The raw table (default raw_data).")
    String key = "raw_data";

    @Option(names = "--out", paramLabel = "OUT", description = "soc: write the enhanced file here.")
    Path out;

    @Option(names = "--all-summarizers", description = "summarize: every summarizer found.")
    boolean allSummarizers;

    @Mixin
    BenchOutput output;

    @Override
    public Integer call() throws Exception {
        BattdatEngine engine = Battdat.engine();
        PostProcessor post = new PostProcessor(engine);
        Map<String, Object> result = BenchOutput.result();
        result.put("mode", mode.name());
        result.put("file", file.toString());
        long t0 = System.nanoTime();
        long end = 0;
        long rows;
        if (mode == Mode.summarize) {
            List<CycleSummarizer> summarizers = new ArrayList<>();
            for (CycleSummarizer s : post.summarizers()) {
                if (allSummarizers || s.name().equals("cycle-times") || s.name().equals("capacity")) {
                    summarizers.add(s);
                }
            }
            // as `battdat summarize`: only the columns the summarizers read are decoded
            CycleTable table = post.summarize(file, key, PostProcessOptions.DEFAULT, summarizers);
            end = System.nanoTime(); // counting the rows below is not part of the summary
            try (var dataset = engine.open(file)) {
                rows = dataset.table(key == null ? BattdatEngine.DEFAULT_KEY : key).rows();
            }
            Map<String, Object> stats = new LinkedHashMap<>();
            for (String c : table.columnNames()) {
                List<Object> values = new ArrayList<>();
                for (double v : table.column(c)) {
                    values.add(Double.isFinite(v) ? v : null);
                }
                stats.put(c, values);
            }
            result.put("cycle_stats", stats);
        } else if (out != null) {
            rows = EnhanceCommand.rewrite(engine, file, out, List.of(post.enhancer("soc")), PostProcessOptions.DEFAULT)[0];
        } else {
            double[] sums = new double[3];
            long[] seen = {0};
            try (BatchStream batches = engine.batches(file, key)) {
                int first = batches.table().layout().size();
                EnhancerStage stage = PostProcessor.chain(PostProcessor.context(file, batches.table(),
                        PostProcessOptions.DEFAULT), List.of(post.enhancer("soc")), b -> {
                    for (int c = 0; c < 3; c++) {
                        for (int r = 0; r < b.rowCount(); r++) {
                            sums[c] += b.column(first + c).getDouble(r);
                        }
                    }
                    seen[0] += b.rowCount();
                });
                while (batches.hasNext()) {
                    ColumnBatch b = batches.next();
                    stage.accept(b);
                }
                stage.finish();
            }
            rows = seen[0];
            result.put("checksum", Map.of("cycled_charge", sums[0], "cycled_energy", sums[1],
                    "CE_adjusted_charge", sums[2]));
        }
        double seconds = ((end != 0 ? end : System.nanoTime()) - t0) / 1e9;
        result.put("rows", rows);
        result.put("seconds", seconds);
        result.put("rows_per_s", seconds > 0 ? rows / seconds : null);
        long counted = rows;
        output.print(result, () -> String.format("%s %s: %d rows in %.3f s = %.2f M rows/s", mode, file, counted,
                seconds, counted / seconds / 1e6));
        return 0;
    }
}
