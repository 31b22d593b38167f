package io.battdat.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.battdat.api.ErrorLocation;
import io.battdat.api.KeyNotFoundException;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.spi.StoredDataset;
import io.battdat.streaming.Battdat;
import io.battdat.streaming.BattdatEngine;
import io.battdat.streaming.Cycle;
import io.battdat.streaming.CycleRequest;
import io.battdat.streaming.CycleStream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code battdat cycles FILE}: one line per cycle. */
@Command(name = "cycles", mixinStandardHelpOptions = true,
        header = "Print one line per cycle: cycle number, rows per table, test_time range.")
final class CyclesCommand extends FileSubcommand {
    @ArgGroup(exclusive = true)
    Selection selection;

    static final class Selection {
        @Option(names = "--key", paramLabel = "K", description = "A table to stream (repeat for several; "
                + "default raw_data). May carry a prefix: cell_a/raw_data.")
        List<String> keys;

        @Option(names = "--all", description = "Every table of the file's cell (with --prefix: of that cell).")
        boolean all;

        @Option(names = "--all-cells", description = "Every table of every cell, one cell after the other.")
        boolean allCells;
    }

    @Option(names = "--prefix", paramLabel = "P", description = "The cell (prefix group) to stream; implies --all.")
    String prefix;

    @Option(names = "--dataset", description = "Build a dataset per cycle (metadata and every schema of the cell).")
    boolean dataset;

    @ArgGroup(exclusive = true)
    Format format = new Format();

    static final class Format {
        @Option(names = "--json", description = "One JSON object per cycle (JSON Lines).")
        boolean json;

        @Option(names = "--csv", description = "CSV with a header: cell,cycle_number,table,rows,first_test_time,"
                + "last_test_time.")
        boolean csv;
    }

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public Integer call() {
        boolean keys = selection != null && selection.keys != null;
        boolean allCells = selection != null && selection.allCells;
        if (prefix != null && (keys || allCells)) {
            throw usageError("--prefix names the cell of --all; it does not go with " + (keys ? "--key" : "--all-cells"));
        }
        BattdatEngine engine = Battdat.engine();
        if (dataset) {
            // the dataset carries the metadata: say what is wrong with it here, in the file's words
            try (StoredDataset ds = engine.open(file)) {
                MetadataText.parse(file, "root attribute 'metadata'", ds.metadataJson());
            }
        }
        PrintWriter out = out();
        if (format.csv) {
            out.println("cell,cycle_number,table,rows,first_test_time,last_test_time");
        }
        if (allCells) {
            for (String cell : cells(engine)) {
                long n = stream(engine, request(CycleRequest.allTables(cell == null ? "/" : cell)), cell, out);
                if (!format.json && !format.csv) {
                    out.println((cell == null ? "(root)" : cell) + ": " + n + " cycles");
                }
            }
            return 0;
        }
        CycleRequest request;
        if (prefix != null || selection != null && selection.all) {
            if (prefix == null) {
                List<String> cells = cells(engine);
                if (cells.size() > 1) {
                    String example = cells.stream().filter(c -> c != null).findFirst().orElse("/");
                    throw Locations.at(new KeyNotFoundException(ErrorLocation.of(Locations.localPath(file)),
                            "the file holds several cells " + names(cells) + "; name one with --prefix " + example
                            + ", or stream each with --all-cells", null), file);
                }
            }
            request = prefix == null ? CycleRequest.allTables() : CycleRequest.allTables(prefix);
        } else if (keys && selection.keys.size() > 1) {
            request = CycleRequest.of(selection.keys);
        } else {
            request = CycleRequest.of(keys ? selection.keys.get(0) : "raw_data");
        }
        long n = stream(engine, request(request), prefix, out);
        if (!format.json && !format.csv) {
            out.println(n + " cycles");
        }
        return 0;
    }

    private CycleRequest request(CycleRequest r) {
        return dataset ? r.withDataset() : r;
    }

    /** The file's cells: prefixes, null for root-level tables. */
    private List<String> cells(BattdatEngine engine) {
        try (StoredDataset ds = engine.open(file)) {
            return new ArrayList<>(ds.prefixes());
        }
    }

    private static List<String> names(List<String> cells) {
        return cells.stream().map(c -> c == null ? "(root: --prefix /)" : c).toList();
    }

    private long stream(BattdatEngine engine, CycleRequest request, String cell, PrintWriter out) {
        long cycles = 0;
        try (CycleStream stream = engine.cycles(file, request)) {
            while (stream.hasNext()) {
                Cycle c = stream.next();
                if (format.json) {
                    out.println(json(c, cell));
                } else if (format.csv) {
                    csv(c, cell, out);
                } else {
                    out.println(text(c));
                }
                cycles++;
            }
        }
        return cycles;
    }

    private String text(Cycle c) {
        StringBuilder line = new StringBuilder("cycle ").append(format(c.cycleNumber()));
        for (Map.Entry<String, ColumnBatch> t : c.tables().entrySet()) {
            ColumnBatch b = t.getValue();
            line.append("  ").append(t.getKey()).append(": ").append(b.rowCount()).append(" rows");
            double[] range = testTimes(b);
            if (range != null) {
                line.append(", test_time ").append(range[0]).append(" .. ").append(range[1]);
            }
        }
        if (dataset) {
            line.append("  (dataset: ").append(c.dataset().schemas().size()).append(" schemas, metadata name ")
                    .append(c.dataset().metadata().name()).append(')');
        }
        return line.toString();
    }

    private String json(Cycle c, String cell) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("cell", cell);
        o.put("cycle_number", c.cycleNumber() == Math.rint(c.cycleNumber()) ? (Object) (long) c.cycleNumber()
                : (Object) c.cycleNumber());
        Map<String, Object> tables = new LinkedHashMap<>();
        for (Map.Entry<String, ColumnBatch> t : c.tables().entrySet()) {
            Map<String, Object> table = new LinkedHashMap<>();
            table.put("rows", t.getValue().rowCount());
            double[] range = testTimes(t.getValue());
            table.put("first_test_time", range == null ? null : range[0]);
            table.put("last_test_time", range == null ? null : range[1]);
            tables.put(t.getKey(), table);
        }
        o.put("tables", tables);
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void csv(Cycle c, String cell, PrintWriter out) {
        for (Map.Entry<String, ColumnBatch> t : c.tables().entrySet()) {
            double[] range = testTimes(t.getValue());
            out.println(String.join(",", Arrays.asList(cell == null ? "" : cell, format(c.cycleNumber()),
                    t.getKey(), Integer.toString(t.getValue().rowCount()), range == null ? "" : Double.toString(range[0]),
                    range == null ? "" : Double.toString(range[1]))));
        }
    }

    /** First and last test_time of a cycle's rows, or null when the table has none. */
    private static double[] testTimes(ColumnBatch b) {
        if (!b.layout().contains("test_time") || b.rowCount() == 0) {
            return null;
        }
        return new double[]{b.column("test_time").getDouble(0), b.column("test_time").getDouble(b.rowCount() - 1)};
    }

    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
