package io.battdat.cli;

import io.battdat.api.data.ColumnBatch;
import io.battdat.streaming.Battdat;
import io.battdat.streaming.Cycle;
import io.battdat.streaming.CycleRequest;
import io.battdat.streaming.CycleStream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code battdat cycles FILE}: one line per cycle. */
@Command(name = "cycles", mixinStandardHelpOptions = true, header = "Print one line per cycle: cycle number, rows per table, test_time range.", description = {
        "Stream a file cycle by cycle (runs of equal cycle_number, tables advanced together) and print one",
        "line per cycle: the cycle number, rows per table, first and last test_time.",
        "Tables that disagree on a cycle number are an error naming each table and its cycle number."})
final class CyclesCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "A battdat file.")
    Path file;

    @ArgGroup(exclusive = true)
    Selection selection;

    static final class Selection {
        @Option(names = "--key", paramLabel = "K", description = "A table to stream (repeat for several; "
                + "default raw_data). May carry a prefix: cell_a/raw_data.")
        List<String> keys;

        @Option(names = "--all", description = "Every table of the file's cell (with --prefix: of that cell).")
        boolean all;
    }

    @Option(names = "--prefix", paramLabel = "P", description = "With --all: the cell (prefix group) to stream.")
    String prefix;

    @Option(names = "--dataset", description = "Build a dataset per cycle (metadata and every schema of the cell).")
    boolean dataset;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CycleRequest request;
        if (selection != null && selection.all) {
            request = prefix == null ? CycleRequest.allTables() : CycleRequest.allTables(prefix);
        } else if (selection != null && selection.keys != null && selection.keys.size() > 1) {
            request = CycleRequest.of(selection.keys);
        } else {
            request = CycleRequest.of(selection == null || selection.keys == null ? "raw_data" : selection.keys.get(0));
        }
        if (dataset) {
            request = request.withDataset();
        }
        PrintWriter out = spec.commandLine().getOut();
        long cycles = 0;
        try (CycleStream stream = Battdat.engine().cycles(file, request)) {
            while (stream.hasNext()) {
                Cycle c = stream.next();
                StringBuilder line = new StringBuilder("cycle ").append(format(c.cycleNumber()));
                for (Map.Entry<String, ColumnBatch> t : c.tables().entrySet()) {
                    ColumnBatch b = t.getValue();
                    line.append("  ").append(t.getKey()).append(": ").append(b.rowCount()).append(" rows");
                    if (b.layout().contains("test_time") && b.rowCount() > 0) {
                        line.append(", test_time ").append(b.column("test_time").getDouble(0)).append(" .. ")
                                .append(b.column("test_time").getDouble(b.rowCount() - 1));
                    }
                }
                if (dataset) {
                    line.append("  (dataset: ").append(c.dataset().schemas().size()).append(" schemas, metadata name ")
                            .append(c.dataset().metadata().name()).append(')');
                }
                out.println(line);
                cycles++;
            }
        }
        out.println(cycles + " cycles");
        return 0;
    }

    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
