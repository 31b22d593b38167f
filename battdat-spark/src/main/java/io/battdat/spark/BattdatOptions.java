package io.battdat.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The read options of the {@code battdat} data source, parsed once on the driver. Immutable and serializable: the
 * executors get the parts they need.
 *
 * <table>
 *   <caption>Options (names are case-insensitive)</caption>
 *   <tr><th>option</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code path}, {@code paths}</td><td></td><td>files, directories (searched recursively for the
 *       extensions of the installed backends) or globs ({@code lake/**}{@code /*.h5}; {@code **} crosses
 *       directories)</td></tr>
 *   <tr><td>{@code table}</td><td>{@code raw_data}</td><td>the table read from every cell of every file</td></tr>
 *   <tr><td>{@code mergeSchema}</td><td>{@code true}</td><td>files with other columns merge by name (missing
 *       columns null, numbers widened); {@code false}: any difference is an error naming both files</td></tr>
 *   <tr><td>{@code fileColumn}, {@code cellColumn}</td><td>{@code file}, {@code cell}</td><td>names of the added
 *       columns: the file's absolute path, and the cell's prefix group (null for tables at the root)</td></tr>
 *   <tr><td>{@code batchRows}</td><td>65536</td><td>rows per columnar batch (whole chunks)</td></tr>
 *   <tr><td>{@code decodeThreads}</td><td>1</td><td>decoding threads per task (Spark already runs a task per
 *       core)</td></tr>
 *   <tr><td>{@code maxPartitionBytes}</td><td>{@code spark.sql.files.maxPartitionBytes}</td><td>largest
 *       partition; a larger table is split at chunk boundaries</td></tr>
 *   <tr><td>{@code monotonicPruning}</td><td>{@code true}</td><td>filters on columns that the table's column schema
 *       declares monotonic ({@code cycle_number}, {@code test_time}, ...) skip the chunks outside their range,
 *       found by binary search on the driver; trusts the declaration ({@code false} reads every chunk)</td></tr>
 * </table>
 *
 * @param paths             what to read, as given
 * @param table             the table name
 * @param mergeSchema       merge differing column sets by name, or refuse them
 * @param fileColumn        name of the file column
 * @param cellColumn        name of the cell column
 * @param batchRows         rows per batch
 * @param decodeThreads     decoding threads per task
 * @param maxPartitionBytes largest partition in bytes, or -1 for Spark's setting
 * @param monotonicPruning  prune rows by filters on columns declared monotonic
 */
record BattdatOptions(List<String> paths, String table, boolean mergeSchema, String fileColumn, String cellColumn,
                      int batchRows, int decodeThreads, long maxPartitionBytes, boolean monotonicPruning)
        implements Serializable {
    private static final long serialVersionUID = 2L;
    private static final ObjectMapper JSON = new ObjectMapper();

    BattdatOptions {
        paths = List.copyOf(paths);
    }

    /** Parses the options Spark hands a data source (keys in any case). */
    static BattdatOptions parse(Map<String, String> given) {
        Map<String, String> options = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        options.putAll(given);
        return new BattdatOptions(
                paths(options),
                options.getOrDefault("table", "raw_data"),
                bool(options, "mergeSchema", true),
                options.getOrDefault("fileColumn", "file"),
                options.getOrDefault("cellColumn", "cell"),
                positiveInt(options, "batchRows", 65_536),
                positiveInt(options, "decodeThreads", 1),
                options.containsKey("maxPartitionBytes") ? positiveLong(options, "maxPartitionBytes") : -1,
                bool(options, "monotonicPruning", true));
    }

    /** The {@code path} option, or the JSON array Spark puts in {@code paths} for {@code load(p1, p2, ...)}. */
    static List<String> paths(Map<String, String> options) {
        List<String> out = new ArrayList<>();
        String path = options.get("path");
        if (path != null) {
            out.add(path);
        }
        String paths = options.get("paths");
        if (paths != null) {
            try {
                out.addAll(List.of(JSON.readValue(paths, String[].class)));
            } catch (JsonProcessingException e) {
                throw new io.battdat.api.InvalidUseException("option paths is not a JSON array of strings: "
                        + paths + ": " + e.getMessage());
            }
        }
        return out;
    }

    private static boolean bool(Map<String, String> options, String key, boolean fallback) {
        String v = options.get(key);
        if (v == null) {
            return fallback;
        }
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new io.battdat.api.InvalidUseException("option " + key
                    + " must be true or false, not " + v);
        };
    }

    private static int positiveInt(Map<String, String> options, String key, int fallback) {
        String v = options.get(key);
        return v == null ? fallback : Math.toIntExact(positive(key, v));
    }

    private static long positiveLong(Map<String, String> options, String key) {
        return positive(key, options.get(key));
    }

    private static long positive(String key, String v) {
        try {
            long n = Long.parseLong(v.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        throw new io.battdat.api.InvalidUseException("option " + key + " must be a positive integer, not " + v);
    }
}
