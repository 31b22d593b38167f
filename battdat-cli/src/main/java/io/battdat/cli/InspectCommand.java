package io.battdat.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.battdat.api.BattdatException;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.schema.ColumnInfo;
import io.battdat.api.schema.ColumnSchema;
import io.battdat.api.spi.FilterInfo;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.TableInfo;
import io.battdat.streaming.Battdat;
import io.battdat.streaming.StorageRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code battdat inspect FILE}: what a file holds, without reading its rows. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        header = "Describe a file: metadata, cells, tables, columns, filters (no rows read).")
final class InspectCommand implements Callable<Integer> {
    private static final int DESCRIPTION_WIDTH = 60;

    @Parameters(index = "0", paramLabel = "FILE", description = "A battdat file: a path, or a URI such as "
            + "hdfs://namenode/lake/a.h5 or s3a://bucket/a.h5 (see --hadoop-conf).")
    String file;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    /** The command for {@code file}, made without picocli (for {@link DirectCommands}). */
    static InspectCommand of(String file, boolean json) {
        InspectCommand command = new InspectCommand();
        command.file = file;
        command.json = json;
        return command;
    }

    @Override
    public Integer call() throws JsonProcessingException {
        return print(spec.commandLine().getOut());
    }

    /** Describes the file on {@code out}; returns the exit status. */
    int print(PrintWriter out) throws JsonProcessingException {
        Map<String, Object> doc = document();
        if (json) {
            out.println(PlainJson.indented(doc));
        } else {
            printText(out, doc);
        }
        return 0;
    }

    /** What {@code --json} prints of the file, as plain maps, lists and values. */
    Map<String, Object> document() {
        try (StoredDataset ds = open()) {
            return describe(ds);
        }
    }

    /**
     * Opens the file. A local file needs only the storage readers, so they alone are discovered, without the engine's
     * injector and its writers, parsers, post-processing plugins and file systems: starting those was a fifth of
     * inspect's start-up. A URI goes through the engine and its file systems.
     */
    private StoredDataset open() {
        if (StorageRegistry.isUri(file)) {
            return Battdat.engine().open(file);
        }
        return StorageRegistry.discoverReaders(StorageRegistry.class.getClassLoader()).openDataset(file);
    }

    private Map<String, Object> describe(StoredDataset ds) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("file", file);
        doc.put("format", ds.formatName());
        String metadataJson = ds.metadataJson();
        try {
            BatteryMetadata m = MetadataText.parse(file, "root attribute 'metadata'", metadataJson);
            doc.put("metadata_name", m.name());
            doc.put("metadata", io.battdat.api.json.Json.parse(metadataJson));
        } catch (BattdatException | java.io.IOException e) {
            doc.put("metadata_error", e instanceof BattdatException b ? CliErrors.clean(b.getRawMessage())
                    : CliErrors.clean(e.getMessage()));
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        ds.rootAttributes().forEach((k, v) -> {
            if (!k.equals("metadata") && !k.equals("json_schema")) {
                attributes.put(k, v);
            }
        });
        doc.put("attributes", attributes);
        doc.put("cells", ds.prefixes().stream().map(p -> p == null ? "(root)" : p).toList());
        List<Map<String, Object>> tables = new ArrayList<>();
        for (TableInfo t : ds.tables()) {
            tables.add(describe(t));
        }
        doc.put("tables", tables);
        doc.put("not_battdat_tables", List.copyOf(ds.ignoredTables()));
        return doc;
    }

    private static Map<String, Object> describe(TableInfo t) {
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("path", t.path());
        table.put("rows", t.rows());
        ColumnSchema schema = t.schema();
        List<Map<String, Object>> columns = new ArrayList<>();
        int present = 0;
        for (ColumnSpec c : t.layout().columns()) {
            Map<String, Object> column = new LinkedHashMap<>();
            column.put("name", c.name());
            column.put("dtype", c.numpyDtype());
            if (c.isArray()) {
                column.put("shape", Arrays.stream(c.shape()).boxed().toList());
            }
            ColumnInfo info = schema == null || !schema.contains(c.name()) ? null : schema.get(c.name());
            if (info != null) {
                present++;
                column.put("units", info.units());
                column.put("description", info.description());
            }
            column.put("in_schema", info != null);
            columns.add(column);
        }
        table.put("columns", columns);
        List<Map<String, Object>> filters = new ArrayList<>();
        for (FilterInfo f : t.filters()) {
            Map<String, Object> filter = new LinkedHashMap<>();
            filter.put("name", FilterNames.describe(f));
            filter.put("hdf5_filter_id", f.id());
            filter.put("parameters", Arrays.stream(f.clientData()).boxed().toList());
            filters.add(filter);
        }
        table.put("filters", filters);
        table.put("compression", FilterNames.describe(t.filters()));
        table.put("chunk_rows", t.chunkRows());
        table.put("nrows_attribute", t.nrowsAttribute().isPresent() ? t.nrowsAttribute().getAsLong() : null);
        table.put("battdat_version", t.battdatVersion());
        if (schema != null) {
            table.put("schema_columns", schema.columnNames().size());
            table.put("schema_columns_present", present);
        } else {
            table.put("schema_error", CliErrors.clean(t.schemaError()));
        }
        return table;
    }

    @SuppressWarnings("unchecked")
    private static void printText(PrintWriter out, Map<String, Object> doc) {
        out.println(doc.get("file") + " (" + doc.get("format") + ")");
        if (doc.containsKey("metadata_error")) {
            out.println("  metadata: unreadable: " + doc.get("metadata_error"));
        } else {
            String text;
            try {
                text = PlainJson.compact(doc.get("metadata"));
            } catch (JsonProcessingException e) {
                text = String.valueOf(doc.get("metadata"));
            }
            out.println("  metadata: name=" + doc.get("metadata_name") + " json=" + abbreviate(text, 200));
        }
        ((Map<String, String>) doc.get("attributes")).forEach((k, v) ->
                out.println("  attribute " + k + " = " + abbreviate(v, 80)));
        out.println("  cells: " + doc.get("cells"));
        for (Map<String, Object> t : (List<Map<String, Object>>) doc.get("tables")) {
            List<Map<String, Object>> columns = (List<Map<String, Object>>) t.get("columns");
            out.println("  table " + t.get("path") + ": " + t.get("rows") + " rows, " + columns.size() + " columns");
            int nameWidth = columns.stream().mapToInt(c -> c.get("name").toString().length()).max().orElse(0);
            int unitWidth = columns.stream().mapToInt(c -> units(c).length()).max().orElse(0);
            for (Map<String, Object> c : columns) {
                StringBuilder line = new StringBuilder("    ");
                line.append(pad(c.get("name").toString(), nameWidth)).append("  ")
                        .append(pad(c.get("dtype") + (c.containsKey("shape") ? " shape " + c.get("shape") : ""), 6))
                        .append("  ").append(pad(units(c), unitWidth)).append("  ")
                        .append(Boolean.TRUE.equals(c.get("in_schema"))
                                ? abbreviate(String.valueOf(c.get("description")), DESCRIPTION_WIDTH)
                                : "(not in the column schema)");
                out.println(line.toString().stripTrailing());
            }
            out.println("    filters: " + t.get("compression"));
            out.println("    chunk rows: " + t.get("chunk_rows") + ", NROWS attribute: "
                    + (t.get("nrows_attribute") == null ? "absent" : t.get("nrows_attribute"))
                    + ", battdat_version: " + t.get("battdat_version"));
            out.println("    schema: " + (t.containsKey("schema_columns")
                    ? t.get("schema_columns_present") + " of " + t.get("schema_columns") + " schema columns present"
                    : "unreadable (" + t.get("schema_error") + ")"));
        }
        for (Object ignored : (List<Object>) doc.get("not_battdat_tables")) {
            out.println("  not a battdat table: " + ignored);
        }
    }

    private static String units(Map<String, Object> column) {
        Object u = column.get("units");
        return u == null ? "" : "[" + u + "]";
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static String abbreviate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max) + "... (" + s.length() + " chars)";
    }
}
