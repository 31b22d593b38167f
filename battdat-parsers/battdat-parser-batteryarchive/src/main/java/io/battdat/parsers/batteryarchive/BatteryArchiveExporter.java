package io.battdat.parsers.batteryarchive;

import io.battdat.api.spi.Spi;
import io.battdat.api.ErrorLocation;
import io.battdat.api.WriteException;
import io.battdat.api.data.Column;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.json.Json;
import io.battdat.api.metadata.BatteryDescription;
import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.metadata.ElectrodeDescription;
import io.battdat.api.parse.ExportOptions;
import io.battdat.api.parse.VendorExporter;
import io.battdat.api.spi.ReadOptions;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.TableCursor;
import io.battdat.api.spi.TableInfo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Python's {@code BatteryArchiveWriter} (this module's README.md; docs/conversion.md section 5), streaming: {@code
 * raw_data} goes to {@code cycle-timeseries-<i>.csv} files in {@code rows / chunkRows + 1} near-equal parts (numpy's
 * {@code array_split}), {@code cycle_stats} to {@code cycle-stats.csv}, metadata to {@code metadata.json}. Columns
 * are written only when the table has their source; numbers as Python's {@code repr}, NaN as an empty field,
 * {@code date_time} as {@code MM/DD/YYYY HH:MM:SS.ffffff} in the options' zone.
 */
public final class BatteryArchiveExporter implements VendorExporter {
    private static final String[][] SERIES = {{"current", "i"}, {"voltage", "v"}, {"temperature", "env_temperature"},
            {"time", "date_time"}, {"cycle_number", "cycle_index"}, {"test_time", "test_time"}};
    private static final String[][] STATS = {{"V_maximum", "v_max"}, {"V_minimum", "v_min"},
            {"capacity_discharge", "ah_d"}, {"capacity_charge", "ah_c"}, {"energy_discharge", "e_d"},
            {"energy_charge", "e_c"}, {"discharge_V_average", "v_d_mean"}, {"charge_V_average", "v_c_mean"},
            {"coulomb_efficiency", "ah_eff"}, {"energy_efficiency", "e_eff"}, {"cycle_start", "test_time"},
            {"cycle_number", "cycle_index"}};
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss.SSSSSS");

    @Override
    public String formatName() {
        return "batteryarchive";
    }

    @Override
    public String description() {
        return "BatteryArchive upload layout: cycle-timeseries-<i>.csv, cycle-stats.csv, metadata.json";
    }

    @Override
    public void export(StoredDataset dataset, Path directory, ExportOptions options) {
        BatteryMetadata metadata = BatteryMetadata.fromJson(dataset.metadataJson());
        String cellId = metadata.name() != null ? metadata.name() : UUID.randomUUID().toString();
        String prefix = options.prefix() == null ? "" : options.prefix() + "/";
        TableInfo raw = find(dataset, prefix + "raw_data");
        if (raw != null) {
            writeSeries(dataset, raw, directory, options, cellId);
        }
        TableInfo stats = find(dataset, prefix + "cycle_stats");
        if (stats != null) {
            writeTable(dataset, stats, STATS, directory.resolve("cycle-stats.csv"), options, cellId, 0, Long.MAX_VALUE,
                    null);
        }
        write(directory.resolve("metadata.json"), metadataJson(metadata, cellId));
    }

    private static TableInfo find(StoredDataset dataset, String key) {
        for (TableInfo t : dataset.tables()) {
            if (t.key().equals(key)) {
                return t;
            }
        }
        return null;
    }

    private static void writeSeries(StoredDataset dataset, TableInfo raw, Path directory, ExportOptions options,
                                    String cellId) {
        long rows = raw.rows();
        long parts = rows / options.chunkRows() + 1;
        long base = rows / parts;
        long extra = rows % parts;
        // one pass over the table: each part takes the next rows (the first 'extra' parts one more)
        try (TableCursor cursor = dataset.openTable(raw.key(), ReadOptions.DEFAULT)) {
            Position position = new Position(cursor);
            for (long p = 0; p < parts; p++) {
                long count = base + (p < extra ? 1 : 0);
                writeTable(dataset, raw, SERIES, directory.resolve("cycle-timeseries-" + p + ".csv"), options, cellId,
                        0, count, position);
            }
        }
    }

    /** Where a shared cursor stands: the current batch and the next row in it. */
    private static final class Position {
        final TableCursor cursor;
        ColumnBatch batch;
        int row;

        Position(TableCursor cursor) {
            this.cursor = cursor;
        }

        boolean advance() {
            while (batch == null || row >= batch.rowCount()) {
                if (!cursor.next()) {
                    return false;
                }
                batch = cursor.batch();
                row = 0;
            }
            return true;
        }
    }

    private static void writeTable(StoredDataset dataset, TableInfo table, String[][] mapping, Path file,
                                   ExportOptions options, String cellId, long skip, long count, Position shared) {
        List<String[]> present = new ArrayList<>();
        for (String[] m : mapping) {
            if (table.layout().contains(m[0])) {
                present.add(m);
            }
        }
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            for (String[] m : present) {
                w.write(m[1]);
                w.write(',');
            }
            w.write("cell_id\n");
            TableCursor own = shared == null ? dataset.openTable(table.key(), ReadOptions.DEFAULT) : null;
            Position position = shared != null ? shared : new Position(own);
            try {
                StringBuilder line = new StringBuilder(256);
                for (long written = 0; written < count && position.advance(); written++) {
                    ColumnBatch b = position.batch;
                    int r = position.row++;
                    line.setLength(0);
                    for (String[] m : present) {
                        Column c = b.column(m[0]);
                        value(line, m[0], c, r, options);
                        line.append(',');
                    }
                    line.append(cellId).append('\n');
                    w.append(line);
                }
            } finally {
                if (own != null) {
                    own.close();
                }
            }
        } catch (IOException e) {
            throw new WriteException(ErrorLocation.of(file), "cannot write: " + e.getMessage(), e);
        }
    }

    private static void value(StringBuilder sb, String source, Column c, int row, ExportOptions options) {
        if (source.equals("cycle_number")) {
            sb.append(c.getLong(row) + 1);
            return;
        }
        if (c.spec().type().isInteger()) {
            sb.append(c.getLong(row));
            return;
        }
        double v = c.getDouble(row);
        if (Double.isNaN(v)) {
            return; // pandas writes NaN as an empty field
        }
        if (source.equals("time")) {
            long micros = Math.round(v * 1e6);
            Instant instant = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                    Math.floorMod(micros, 1_000_000L) * 1000);
            sb.append(DATE_TIME.format(LocalDateTime.ofInstant(instant, options.zone())));
            return;
        }
        sb.append(Json.pythonRepr(v));
    }

    /** {@code metadata.json} as Python's {@code json.dump}: ", " and ": " separators, ASCII escapes. */
    static String metadataJson(BatteryMetadata metadata, String cellId) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cell_id", cellId);
        BatteryDescription battery = metadata.battery();
        if (battery != null) {
            if (battery.anode() != null) {
                out.put("anode", electrode(battery.anode()));
            }
            if (battery.cathode() != null) {
                out.put("cathode", electrode(battery.cathode()));
            }
            putIfSet(out, "ah", battery.nominalCapacity());
            putIfSet(out, "form_factor", battery.formFactor());
            putIfSet(out, "weight", battery.mass());
            putIfSet(out, "dimensions", battery.dimensions());
        }
        putIfSet(out, "source", metadata.source());
        StringBuilder sb = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, Object> e : out.entrySet()) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            sb.append(ascii(Json.write(e.getKey()))).append(": ");
            Object v = e.getValue();
            sb.append(v instanceof Double d ? Json.pythonRepr(d) : ascii(Json.write(v)));
        }
        return sb.append('}').toString();
    }

    private static void putIfSet(Map<String, Object> out, String key, Object value) {
        if (value != null) {
            out.put(key, value);
        }
    }

    /** The electrode as compact JSON of its set fields (pydantic's {@code exclude_unset}). */
    private static String electrode(ElectrodeDescription e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", e.name());
        putIfSet(m, "supplier", e.supplier());
        putIfSet(m, "product", e.product());
        putIfSet(m, "thickness", e.thickness());
        putIfSet(m, "area", e.area());
        putIfSet(m, "loading", e.loading());
        putIfSet(m, "porosity", e.porosity());
        m.putAll(e.extra());
        return Json.write(m);
    }

    private static String ascii(String json) {
        StringBuilder sb = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c < 0x80) {
                sb.append(c);
            } else {
                sb.append(String.format("\\u%04x", (int) c));
            }
        }
        return sb.toString();
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new WriteException(ErrorLocation.of(file), "cannot write: " + e.getMessage(), e);
        }
    }

    @Override
    public int spiVersion() {
        return Spi.VERSION;
    }
}
