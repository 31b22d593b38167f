package io.battdat.cli;

import io.battdat.api.BadFormatException;
import io.battdat.api.ErrorLocation;
import io.battdat.api.KeyNotFoundException;
import io.battdat.api.postprocess.PostProcessOptions;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.TableInfo;
import io.battdat.streaming.Battdat;
import io.battdat.streaming.BattdatEngine;
import io.battdat.streaming.PostProcessor;
import io.battdat.streaming.postprocess.CycleTable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** {@code battdat summarize FILE}: the cycle statistics of raw tables, printed or stored. */
@Command(name = "summarize", mixinStandardHelpOptions = true,
        header = "Compute per-cycle statistics (cycle_stats) of raw data in one streamed pass.")
final class SummarizeCommand extends FileSubcommand {
    @ArgGroup(exclusive = true)
    Selection selection;

    static final class Selection {
        @Option(names = "--key", paramLabel = "K", description = "The raw table (default raw_data), e.g. "
                + "cell_a/raw_data.")
        String key;

        @Option(names = "--prefix", paramLabel = "P", description = "The cell whose raw_data to summarize.")
        String prefix;

        @Option(names = "--all-cells", description = "Every cell's raw_data.")
        boolean allCells;
    }

    @Option(names = "--json", description = {"Print one JSON object {\"cycle_stats\": {column: [values]}} (NaN as",
            "null); with several cells, one member per cell's table key (\"cell_a/cycle_stats\": {...})."})
    boolean json;

    @Option(names = "--out", paramLabel = "OUT", description = {"Write every table of FILE plus the new cycle_stats",
            "(replacing FILE's cycle_stats of that cell) to OUT, a new HDF5 file or Parquet dataset; a URI is",
            "written to a local staging file and uploaded when complete."})
    String out;

    @Option(names = "--in-place", description = {"Add cycle_stats to the HDF5 FILE itself through the crash-safe",
            "appender: a crash leaves FILE as it was or with the complete table. Refused when FILE has one."})
    boolean inPlace;

    @Option(names = "--replace", description = {"With --in-place: replace an existing cycle_stats. Not done in place",
            "(no crash-safe swap of a table exists yet); the message says how to do it with --out."})
    boolean replace;

    @Override
    public Integer call() {
        if (out != null && inPlace) {
            throw usageError("--out and --in-place exclude "
                    + "each other");
        }
        if (replace && !inPlace) {
            throw usageError("--replace goes with --in-place");
        }
        BattdatEngine engine = Battdat.engine();
        PostProcessor post = new PostProcessor(engine);
        PrintWriter stdout = out();
        Map<String, CycleTable> results = new LinkedHashMap<>();
        List<TableInfo> existing = new ArrayList<>();
        try (StoredDataset source = engine.open(file)) {
            for (String key : rawKeys(source)) {
                TableInfo raw = source.table(key);
                String statsKey = raw.prefix() == null ? "cycle_stats" : raw.prefix() + "/cycle_stats";
                results.put(statsKey, post.summarize(file, key, PostProcessOptions.DEFAULT));
                for (TableInfo t : source.tables()) {
                    if (t.key().equals(statsKey)) {
                        existing.add(t);
                    }
                }
            }
            if (inPlace) {
                return inPlace(engine, source, results, existing);
            }
            if (out != null) {
                write(engine, source, results);
                stdout.println("wrote " + out + ": every table of " + file + " and " + results.keySet());
                return 0;
            }
        }
        if (json) {
            printJson(stdout, results);
        } else {
            for (Map.Entry<String, CycleTable> e : results.entrySet()) {
                if (results.size() > 1) {
                    stdout.println("/" + e.getKey());
                }
                printText(stdout, e.getValue());
            }
        }
        return 0;
    }

    private List<String> rawKeys(StoredDataset source) {
        if (selection != null && selection.key != null) {
            return List.of(selection.key);
        }
        if (selection != null && selection.prefix != null) {
            return List.of(selection.prefix + "/raw_data");
        }
        if (selection != null && selection.allCells) {
            List<String> keys = new ArrayList<>();
            for (TableInfo t : source.tables()) {
                if (t.name().equals("raw_data")) {
                    keys.add(t.key());
                }
            }
            if (keys.isEmpty()) {
                throw Locations.at(new KeyNotFoundException(ErrorLocation.of(Locations.localPath(file)),
                        "no raw_data table in any cell", null), file);
            }
            return keys;
        }
        return List.of("raw_data");
    }

    private int inPlace(BattdatEngine engine, StoredDataset source, Map<String, CycleTable> results,
                        List<TableInfo> existing) {
        Path file = Locations.requireLocal(this.file, "--in-place");
        if (!source.formatName().equals("hdf5")) {
            throw new BadFormatException(ErrorLocation.of(file), "--in-place works on HDF5 files only; use --out for a "
                    + source.formatName() + " dataset", null);
        }
        if (!existing.isEmpty()) {
            String keys = existing.stream().map(TableInfo::path).toList().toString();
            String how = "write a new file with `battdat summarize " + file + " --out NEW.h5`"
                    + (selection != null && selection.allCells ? " --all-cells" : "")
                    + " and move it over " + file + " (a rename is atomic, so no reader sees a half-replaced table)";
            throw new BadFormatException(ErrorLocation.of(file, existing.get(0).path()), (replace
                    ? "--replace is not done in place: HDF5 has no crash-safe way here to swap a table; "
                    : "already has " + keys + "; refusing to add another (use --replace to be told how to replace"
                    + " it); ") + how, null);
        }
        try (DatasetRewrite rewrite = DatasetRewrite.open(engine, source, file, true)) {
            for (Map.Entry<String, CycleTable> e : results.entrySet()) {
                rewrite.write(e.getKey(), e.getValue().toBatch(), e.getValue().schema());
            }
            rewrite.commit();
        }
        out().println("added " + results.keySet() + " to " + file);
        return 0;
    }

    private void write(BattdatEngine engine, StoredDataset source, Map<String, CycleTable> results) {
        Locations.writeNew(engine.registry(), out, local -> write(engine, source, results, local));
    }

    private void write(BattdatEngine engine, StoredDataset source, Map<String, CycleTable> results, Path target) {
        try (DatasetRewrite rewrite = DatasetRewrite.open(engine, source, target, false)) {
            for (TableInfo t : source.tables()) {
                if (!results.containsKey(t.key())) {
                    rewrite.copy(source, t, engine);
                }
            }
            for (Map.Entry<String, CycleTable> e : results.entrySet()) {
                rewrite.write(e.getKey(), e.getValue().toBatch(), e.getValue().schema());
            }
            rewrite.commit();
        }
    }

    static void printText(PrintWriter out, CycleTable table) {
        List<String> names = table.columnNames();
        String[][] cells = new String[table.rowCount() + 1][names.size()];
        int[] width = new int[names.size()];
        for (int c = 0; c < names.size(); c++) {
            cells[0][c] = names.get(c);
            for (int r = 0; r < table.rowCount(); r++) {
                cells[r + 1][c] = c == 0 ? Long.toString(table.cycleNumber(r)) : format(table.get(names.get(c), r));
            }
            for (String[] row : cells) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        for (String[] row : cells) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                if (c > 0) {
                    line.append("  ");
                }
                line.append(" ".repeat(width[c] - row[c].length())).append(row[c]);
            }
            out.println(line);
        }
        out.println(table.rowCount() + " cycles");
    }

    /** Seven significant digits, no exponent for ordinary magnitudes; NaN as NaN. */
    static String format(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(7)).stripTrailingZeros();
        return Math.abs(v) >= 1e-4 && Math.abs(v) < 1e12 ? d.toPlainString() : d.toString();
    }

    static void printJson(PrintWriter out, Map<String, CycleTable> results) {
        StringJoiner tables = new StringJoiner(", ", "{", "}");
        for (Map.Entry<String, CycleTable> e : results.entrySet()) {
            CycleTable t = e.getValue();
            List<String> names = t.columnNames();
            StringJoiner columns = new StringJoiner(", ", "{", "}");
            for (int c = 0; c < names.size(); c++) {
                StringJoiner values = new StringJoiner(", ", "[", "]");
                for (int r = 0; r < t.rowCount(); r++) {
                    if (c == 0) {
                        values.add(Long.toString(t.cycleNumber(r)));
                    } else {
                        double v = t.get(names.get(c), r);
                        values.add(Double.isFinite(v) ? Double.toString(v) : "null");
                    }
                }
                columns.add("\"" + names.get(c) + "\": " + values);
            }
            tables.add("\"" + (results.size() == 1 ? "cycle_stats" : e.getKey()) + "\": " + columns);
        }
        out.println(tables);
    }
}
