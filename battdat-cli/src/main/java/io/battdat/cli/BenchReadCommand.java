package io.battdat.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.battdat.api.data.Column;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.DoubleColumn;
import io.battdat.api.data.LongColumn;
import io.battdat.api.data.Row;
import io.battdat.api.spi.ReadOptions;
import io.battdat.streaming.BatchStream;
import io.battdat.streaming.Battdat;
import io.battdat.streaming.BattdatEngine;
import io.battdat.streaming.Cycle;
import io.battdat.streaming.CycleRequest;
import io.battdat.streaming.CycleStream;
import io.battdat.streaming.RecordStream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code battdat bench read}: streams a table through the public API and prints the Python harness's checksum. */
@Command(name = "read", mixinStandardHelpOptions = true,
        header = "Stream a table and print rows/s and the Python harness's checksum.")
final class BenchReadCommand extends LocalFileSubcommand {
    enum Mode { records, batches, cycles }

    @Option(names = "--mode", required = true, description = "records, batches or cycles.")
    Mode mode;

    @ArgGroup(exclusive = true)
    Keys keys;

    static final class Keys {
        @Option(names = "--key", paramLabel = "K", description = "The table (default raw_data).")
        String key;

        @Option(names = "--keys", paramLabel = "K1,K2", split = ",", description = "cycles mode: several tables.")
        List<String> keys;

        @Option(names = "--all-tables", description = "cycles mode: every table of the cell.")
        boolean all;
    }

    @Option(names = "--threads", paramLabel = "N", description = "Decoding threads (default: cores, at most 4).")
    Integer threads;

    @Option(names = "--batch-rows", paramLabel = "N", description = "Rows per batch (default 65536).")
    Integer batchRows;

    @Mixin
    BenchOutput output;

    @Override
    public Integer call() throws JsonProcessingException, IOException {
        BattdatEngine defaults = Battdat.engine();
        ReadOptions options = defaults.options();
        if (threads != null) {
            options = options.withThreads(threads);
        }
        if (batchRows != null) {
            options = options.withBatchRows(batchRows);
        }
        BattdatEngine engine = new BattdatEngine(defaults.registry(), options);
        String key = keys == null || keys.key == null ? "raw_data" : keys.key;
        if (mode != Mode.cycles && keys != null && (keys.keys != null || keys.all)) {
            throw usageError("--keys and --all-tables apply to --mode cycles only");
        }
        Checksum check = new Checksum();
        Map<String, Object> extra = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        switch (mode) {
            case records -> records(engine, key, check);
            case batches -> batches(engine, key, check);
            case cycles -> cycles(engine, key, check, extra);
            default -> throw new IllegalStateException();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> result = BenchOutput.result();
        result.put("mode", mode.name());
        result.put("key", keys != null && keys.all ? "None" : keys != null && keys.keys != null ? keys.keys.toString() : key);
        result.put("path", file.toString());
        result.put("file_bytes", Files.size(file));
        result.put("rows", check.rows);
        result.put("seconds", seconds);
        result.put("rows_per_s", seconds > 0 ? check.rows / seconds : null);
        result.put("checksum", check.toMap());
        result.put("threads", options.threads());
        result.putAll(extra);
        output.print(result, () -> String.format("%s %s: %d rows in %.3f s = %.2f M rows/s; checksum %s", mode,
                file, check.rows, seconds, check.rows / seconds / 1e6, check.toMap()));
        return 0;
    }

    private void records(BattdatEngine engine, String key, Checksum check) {
        try (RecordStream records = engine.records(file, key)) {
            int current = records.table().layout().indexOf("current");
            int voltage = records.table().layout().indexOf("voltage");
            int cycle = records.table().layout().indexOf("cycle_number");
            while (records.hasNext()) {
                Row row = records.next();
                check.add(row.getDouble(current), row.getDouble(voltage), row.getLong(cycle));
            }
        }
    }

    private void batches(BattdatEngine engine, String key, Checksum check) {
        Columns columns = new Columns();
        try (BatchStream batches = engine.batches(file, key)) {
            while (batches.hasNext()) {
                columns.add(batches.next(), check);
            }
        }
    }

    private void cycles(BattdatEngine engine, String key, Checksum check, Map<String, Object> extra) {
        CycleRequest request = keys != null && keys.all ? CycleRequest.allTables()
                : keys != null && keys.keys != null ? CycleRequest.of(keys.keys) : CycleRequest.of(key);
        Columns columns = new Columns();
        Map<String, Long> otherRows = new LinkedHashMap<>();
        long yielded = 0;
        try (CycleStream stream = engine.cycles(file, request)) {
            String raw = pickRaw(stream.keys());
            while (stream.hasNext()) {
                Cycle c = stream.next();
                yielded++;
                for (Map.Entry<String, ColumnBatch> t : c.tables().entrySet()) {
                    if (t.getKey().equals(raw)) {
                        columns.add(t.getValue(), check);
                    } else {
                        otherRows.merge(t.getKey(), (long) t.getValue().rowCount(), Long::sum);
                    }
                }
            }
        }
        extra.put("yielded", yielded);
        extra.put("other_table_rows", otherRows);
    }

    /** The table the checksum covers, as the Python harness picks it. */
    private static String pickRaw(List<String> keys) {
        for (String k : keys) {
            if (k.substring(k.lastIndexOf('/') + 1).equals("raw_data")) {
                return k;
            }
        }
        return keys.get(0);
    }

    /** Pulls current, voltage and cycle_number out of a batch as primitive arrays, converting other types. */
    static final class Columns {
        private double[] current = new double[0];
        private double[] voltage = new double[0];
        private long[] cycle = new long[0];

        void add(ColumnBatch b, Checksum check) {
            int n = b.rowCount();
            check.add(doubles(b.column("current"), n, 0), doubles(b.column("voltage"), n, 1),
                    longs(b.column("cycle_number"), n), n);
        }

        private double[] doubles(Column c, int n, int which) {
            if (c instanceof DoubleColumn d && d.width() == 1) {
                return d.buffer();
            }
            double[] out = which == 0 ? current : voltage;
            if (out.length < n) {
                out = Arrays.copyOf(out, n);
                if (which == 0) {
                    current = out;
                } else {
                    voltage = out;
                }
            }
            for (int i = 0; i < n; i++) {
                out[i] = c.getDouble(i);
            }
            return out;
        }

        private long[] longs(Column c, int n) {
            if (c instanceof LongColumn l && l.width() == 1) {
                return l.buffer();
            }
            if (cycle.length < n) {
                cycle = new long[n];
            }
            for (int i = 0; i < n; i++) {
                cycle[i] = c.getLong(i);
            }
            return cycle;
        }
    }
}
