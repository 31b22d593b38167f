package io.battdat.cli;

import io.battdat.api.BattdatException;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.spi.FilterInfo;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.TableInfo;
import io.battdat.streaming.Battdat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code battdat inspect FILE}: what a file holds, without reading its rows. */
@Command(name = "inspect", mixinStandardHelpOptions = true, header = "Describe a file: metadata, cells, tables, columns, filters (no rows read).", description = {
        "Describe a battdat file without reading its rows: battery metadata, cells (prefix groups), and for",
        "every table its rows, columns with their types, compression filters, chunk size, NROWS and",
        "battdat_version; datasets that are not battdat tables are listed with the reason."})
final class InspectCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "A battdat file.")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (StoredDataset ds = Battdat.engine().open(file)) {
            out.println(file + " (" + ds.formatName() + ")");
            try {
                BatteryMetadata m = BatteryMetadata.fromJson(ds.metadataJson());
                out.println("  metadata: name=" + m.name() + " json=" + abbreviate(m.toJson(), 200));
            } catch (BattdatException e) {
                out.println("  metadata: unreadable: " + e.getRawMessage());
            }
            for (Map.Entry<String, String> a : ds.rootAttributes().entrySet()) {
                if (!a.getKey().equals("metadata") && !a.getKey().equals("json_schema")) {
                    out.println("  attribute " + a.getKey() + " = " + abbreviate(a.getValue(), 80));
                }
            }
            out.println("  cells: " + ds.prefixes().stream().map(p -> p == null ? "(root)" : p).toList());
            for (TableInfo t : ds.tables()) {
                out.println("  table " + t.path() + ": " + t.rows() + " rows, " + t.layout().size() + " columns");
                for (ColumnSpec c : t.layout().columns()) {
                    out.println("    " + c.name() + "  " + c.numpyDtype()
                            + (c.isArray() ? " shape " + Arrays.toString(c.shape()) : ""));
                }
                out.println("    filters: " + (t.filters().isEmpty() ? "none"
                        : t.filters().stream().map(FilterInfo::toString).toList()));
                out.println("    chunk rows: " + t.chunkRows() + ", NROWS attribute: "
                        + (t.nrowsAttribute().isPresent() ? t.nrowsAttribute().getAsLong() : "absent")
                        + ", battdat_version: " + t.battdatVersion());
                out.println("    schema: " + (t.schema() != null ? t.schema().columnNames().size() + " columns described"
                        : "unreadable (" + t.schemaError() + ")"));
            }
            for (String ignored : ds.ignoredTables()) {
                out.println("  not a battdat table: " + ignored);
            }
        }
        return 0;
    }

    private static String abbreviate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max) + "... (" + s.length() + " chars)";
    }
}
