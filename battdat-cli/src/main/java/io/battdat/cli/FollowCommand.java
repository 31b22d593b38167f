package io.battdat.cli;

import io.battdat.api.data.ColumnBatch;
import io.battdat.api.spi.FollowOptions;
import io.battdat.streaming.BatchStream;
import io.battdat.streaming.Battdat;
import io.battdat.streaming.BattdatEngine;
import io.battdat.streaming.Cycle;
import io.battdat.streaming.CycleRequest;
import io.battdat.streaming.CycleStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** {@code battdat follow FILE}: prints a table's rows (or cycles) as a writer commits them. */
@Command(name = "follow", mixinStandardHelpOptions = true,
        header = "Print a table's rows (or cycles) as a writer commits them.")
final class FollowCommand extends Subcommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "A battdat file, usually one being written.")
    Path file;

    @Option(names = "--key", paramLabel = "K", description = "The table (default raw_data; may carry a prefix).")
    String key = "raw_data";

    @Option(names = "--cycles", description = "Print one line per completed cycle instead of every row.")
    boolean cycles;

    @Option(names = "--idle-timeout", paramLabel = "S", description = "End after S seconds without a new row, "
            + "or without FILE appearing (default: wait until the writer closes the file).")
    Double idleTimeout;

    @Option(names = "--poll", paramLabel = "MS", description = "Milliseconds between checks for a new flush "
            + "(default 200).")
    long pollMillis = 200;

    @Option(names = "--across-sessions", description = {"Keep following after the writer closes the file, until",
            "--idle-timeout: for programs (PyTables scripts) that reopen the file for each append."})
    boolean acrossSessions;

    @Option(names = "--new-only", description = "Skip the rows already in the file; print only later ones.")
    boolean newOnly;

    @Option(names = "--checksum", description = "At the end, print one JSON line with the checksum of "
            + "the benchmarks (BENCHMARKS.md) over every row yielded.")
    boolean checksum;

    @Option(names = "--quiet", description = "Print no rows or cycles (with --checksum: only the checksum).")
    boolean quiet;

    @Override
    public Integer call() {
        BattdatEngine engine = Battdat.engine();
        FollowOptions follow = FollowOptions.DEFAULT.withPollInterval(Duration.ofMillis(Math.max(1, pollMillis)))
                .withIdleTimeout(idleTimeout == null ? null : Duration.ofMillis((long) (idleTimeout * 1000)));
        if (acrossSessions) {
            if (idleTimeout == null) {
                throw usageError("--across-sessions needs --idle-timeout (how long without a new row ends the follow)");
            }
            follow = follow.withAcrossSessions(true);
        }
        if (newOnly && java.nio.file.Files.exists(file)) {
            try (var dataset = engine.open(file)) {
                follow = follow.withFirstRow(dataset.table(key).rows());
            }
        }
        PrintWriter out = out();
        Checksum check = new Checksum();
        BenchReadCommand.Columns columns = new BenchReadCommand.Columns();
        long started = System.nanoTime();
        if (cycles) {
            try (CycleStream stream = engine.followCycles(file, CycleRequest.of(key), follow)) {
                while (stream.hasNext()) {
                    Cycle c = stream.next();
                    ColumnBatch b = c.tables().values().iterator().next();
                    if (checksum) {
                        columns.add(b, check);
                    }
                    if (!quiet) {
                        out.println("cycle " + CyclesCommand.format(c.cycleNumber()) + ": " + b.rowCount() + " rows"
                                + (b.layout().contains("test_time") && b.rowCount() > 0 ? ", test_time "
                                + b.column("test_time").getDouble(0) + " .. "
                                + b.column("test_time").getDouble(b.rowCount() - 1) : ""));
                        out.flush();
                    }
                }
            }
        } else {
            try (BatchStream stream = engine.follow(file, key, follow)) {
                boolean header = false;
                while (stream.hasNext()) {
                    ColumnBatch b = stream.next();
                    if (checksum) {
                        columns.add(b, check);
                    }
                    if (!quiet) {
                        if (!header) {
                            out.println(String.join("\t", b.layout().names()));
                            header = true;
                        }
                        printRows(out, b);
                    }
                }
            }
        }
        if (checksum) {
            Map<String, Object> result = BenchOutput.result();
            result.put("mode", cycles ? "follow-cycles" : "follow");
            result.put("path", file.toString());
            result.put("rows", check.rows);
            result.put("seconds", (System.nanoTime() - started) / 1e9);
            result.put("checksum", check.toMap());
            try {
                out.println(BenchOutput.jsonLine(result));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        out.flush();
        return 0;
    }

    private static void printRows(PrintWriter out, ColumnBatch b) {
        StringBuilder line = new StringBuilder();
        for (int r = 0; r < b.rowCount(); r++) {
            line.setLength(0);
            for (int c = 0; c < b.layout().size(); c++) {
                if (c > 0) {
                    line.append('\t');
                }
                Object v = b.column(c).getObject(r);
                line.append(v instanceof double[] || v instanceof long[] || v instanceof float[]
                        || v instanceof boolean[] ? java.util.Arrays.deepToString(new Object[]{v}) : v);
            }
            out.println(line);
        }
        out.flush();
    }
}
